import type { Instrument } from '../markets/instrument.ts';
import type { Market } from '../markets/market.ts';
import { fundingRate, markPrice, swapInstrument } from './payloads.ts';
import { instrumentMissing, parameterEmpty, parameterError, type OkxEndpoint } from './rest.ts';

/** /api/v5/public endpoints that read the live swap market. */
export function publicEndpoints(market: Market, now: () => number): Record<string, OkxEndpoint> {
  const swap = (query: URLSearchParams): Instrument => {
    const instId = query.get('instId');
    if (!instId) throw parameterEmpty('instId');
    const instrument = market.find('okx', instId);
    if (!instrument) throw instrumentMissing();
    return instrument;
  };
  const requireSwapType = (query: URLSearchParams): void => {
    const instType = query.get('instType');
    if (!instType) throw parameterEmpty('instType');
    if (instType !== 'SWAP') throw parameterError('instType');
  };
  return {
    '/api/v5/public/time': () => [{ ts: String(now()) }],
    '/api/v5/public/instruments': (query) => {
      requireSwapType(query);
      const instId = query.get('instId');
      const family = query.get('instFamily');
      return market.okx
        .filter((instrument) => (!instId || instrument.symbol === instId) && (!family || family === `${instrument.coin.name}-${instrument.quote}`))
        .map(swapInstrument);
    },
    '/api/v5/public/funding-rate': (query) => {
      const instId = query.get('instId');
      if (instId === 'ANY') return market.okx.map((instrument) => fundingRate(instrument, now()));
      return [fundingRate(swap(query), now())];
    },
    '/api/v5/public/mark-price': (query) => {
      requireSwapType(query);
      if (query.get('instId')) return [markPrice(swap(query), now())];
      return market.okx.map((instrument) => markPrice(instrument, now()));
    },
  };
}
