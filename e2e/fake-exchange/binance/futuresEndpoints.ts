import { fixed } from '../core/format.ts';
import { isStreaming, type Instrument } from '../markets/instrument.ts';
import type { Market } from '../markets/market.ts';
import { exchangeInfo } from './exchangeInfo.ts';
import { FundingInfo } from './fundingInfo.ts';
import { onUsdsFutures } from './listing.ts';
import type { BinanceParams } from './params.ts';
import type { BinanceEndpoint } from './rest.ts';
import { invalidSymbol } from './restErrors.ts';

const DECIMALS = 8;

/** The /fapi/v1 endpoints that read the live market (history-backed ones live in historyEndpoints). */
export function futuresEndpoints(market: Market, now: () => number): Record<string, BinanceEndpoint> {
  const lookup = (params: BinanceParams, name = 'symbol'): Instrument => {
    const instrument = market.find('binance', params.requiredString(name));
    if (!instrument || !onUsdsFutures(instrument)) throw invalidSymbol();
    return instrument;
  };
  const usdsFutures = market.binance.filter(onUsdsFutures);
  const bySymbolOrAll = <T>(params: BinanceParams, row: (instrument: Instrument) => T): T | T[] =>
    params.optionalString('symbol') ? row(lookup(params)) : usdsFutures.filter(isStreaming).map(row);
  const fundingInfo = new FundingInfo(market);

  return {
    '/fapi/v1/ping': { weight: () => 1, handle: () => ({}) },
    '/fapi/v1/time': { weight: () => 1, handle: () => ({ serverTime: now() }) },
    '/fapi/v1/exchangeInfo': { weight: () => 1, handle: () => exchangeInfo(usdsFutures, now()) },
    '/fapi/v1/premiumIndex': {
      weight: (params) => (params.optionalString('symbol') ? 1 : 10),
      handle: (params) => bySymbolOrAll(params, (instrument) => premiumIndex(instrument, now())),
    },
    // Weight 0: it counts against the 500 per 5 minutes it shares with fundingRate.
    '/fapi/v1/fundingInfo': { weight: () => 0, sharedLimit: 'funding', handle: () => fundingInfo.rows() },
  };
}

function premiumIndex(instrument: Instrument, time: number): unknown {
  const { state, funding } = instrument;
  return {
    symbol: instrument.symbol,
    markPrice: fixed(state.mark, DECIMALS),
    indexPrice: fixed(state.index, DECIMALS),
    estimatedSettlePrice: fixed(state.estimatedSettle, DECIMALS),
    lastFundingRate: funding ? fixed(state.fundingRate, DECIMALS) : '',
    interestRate: funding ? fixed(funding.baseline, DECIMALS) : '',
    nextFundingTime: funding ? state.nextFundingTime : 0,
    time,
  };
}
