import type { ExchangeId } from './exchange';

/** What a perpetual tracks: a crypto asset, or a traditional one (metal, equity, …) Binance lists as TradFi. */
export type PerpMarket = 'crypto' | 'tradfi';

/** Linear: margined and settled in the quote (USDT, USDC); inverse: coin-margined, quoted in USD. */
export type PerpMargin = 'linear' | 'inverse';

/** What the app knows about one listed perpetual, independent of its live values. */
export interface PerpInstrument {
  exchange: ExchangeId;
  /** The exchange's own id: `BTCUSDT` (Binance), `BTC-USDT-SWAP` (OKX). */
  symbol: string;
  base: string;
  quoteAsset: string;
  /** The coin with any contract multiplier stripped (`1000PEPE` → `PEPE`): lines up one coin across exchanges. */
  coin: string;
  market: PerpMarket;
  margin: PerpMargin;
}

/** One perpetual's live state: the single shape both exchanges' feeds normalise into. */
export interface PerpRow extends PerpInstrument {
  key: string;
  /** The index this contract is priced against, when the exchange publishes it separately (OKX). */
  indexId: string | null;
  mark: number | null;
  index: number | null;
  estimatedSettle: number | null;
  /** mark / index − 1 (a fraction; the screener shows basis points). */
  premium: number | null;
  /** Rate of the current funding period, as a fraction (0.0001 = 0.01 %). */
  fundingRate: number | null;
  /** OKX publishes the following period's rate on some instruments. */
  nextFundingRate: number | null;
  /** Rate of the last settled period (OKX `settFundingRate`); null where the venue's stream does not carry it (Binance). */
  settledFundingRate: number | null;
  /** When that period settled (OKX `prevFundingTime`, ms). */
  lastSettlementTime: number | null;
  /** The bounds the rate is clamped to, per interval, as fractions; null where the venue does not publish them. */
  fundingCap: number | null;
  fundingFloor: number | null;
  intervalHours: number | null;
  /** True when the interval is not known from the exchange and 8 h is assumed. */
  intervalAssumed: boolean;
  /** Simple annualised funding: rate × (24 / interval) × 365, as a fraction. */
  annualised: number | null;
  nextFundingTime: number | null;
  last: number | null;
  open24h: number | null;
  /** last / open24h − 1, as a fraction. */
  change24h: number | null;
  /** 24 h traded value in the quote currency: USD for coin-margined rows, whose venues count volume in coin or contracts. */
  quoteVolume24h: number | null;
  /** Best bid and ask prices; null while not known or while that side of the book is empty. */
  bid: number | null;
  ask: number | null;
  /** Open interest in base units, and its value at the mark in the quote currency (USD for coin-margined rows). */
  openInterest: number | null;
  openInterestUsd: number | null;
  /** Event times (exchange clock) of the last applied update of each kind: older events never overwrite newer. */
  markTime: number;
  indexTime: number;
  fundingTime: number;
  tickerTime: number;
  bookTopTime: number;
  openInterestTime: number;
  /** When the data its stream last updated it with was current (worker clock): drives staleness; REST answers leave it, 0 until the stream speaks. */
  streamedAt: number;
}

export function perpKey(exchange: ExchangeId, symbol: string): string {
  return `${exchange}:${symbol}`;
}

const MULTIPLIER_PREFIX = /^(1000000|100000|10000|1000|1M)(?=[A-Z])/;

/** `1000PEPE` → `PEPE`, `1MBABYDOGE` → `BABYDOGE`, `BTC` → `BTC`. */
export function coinOf(base: string): string {
  return base.replace(MULTIPLIER_PREFIX, '');
}
