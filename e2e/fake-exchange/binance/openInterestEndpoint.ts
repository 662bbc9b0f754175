import { fixed } from '../core/format.ts';
import type { Market } from '../markets/market.ts';
import type { OpenInterests } from '../markets/openInterests.ts';
import { sizeDecimals } from '../markets/orderUnits.ts';
import { onUsdsFutures } from './listing.ts';
import type { BinanceEndpoint } from './rest.ts';
import { invalidSymbol } from './restErrors.ts';

/** `GET /fapi/v1/openInterest?symbol=` (weight 1, symbol required): `{"openInterest","symbol","time"}`, in the base asset at its lot step. */
export function openInterestEndpoint(market: Market, openInterests: OpenInterests, now: () => number): Record<string, BinanceEndpoint> {
  return {
    '/fapi/v1/openInterest': {
      weight: () => 1,
      handle: (params) => {
        const instrument = market.find('binance', params.requiredString('symbol'));
        if (!instrument || !onUsdsFutures(instrument)) throw invalidSymbol();
        return { openInterest: fixed(openInterests.baseUnits(instrument), sizeDecimals(instrument)), symbol: instrument.symbol, time: now() };
      },
    },
  };
}
