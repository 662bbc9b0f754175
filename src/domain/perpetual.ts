import type { ExchangeId } from './exchange';

/** What the app knows about one listed perpetual, independent of its live values. */
export interface PerpInstrument {
  exchange: ExchangeId;
  /** The exchange's own id: `BTCUSDT` (Binance), `BTC-USDT-SWAP` (OKX). */
  symbol: string;
  base: string;
  quote: string;
  /** The coin with any contract multiplier stripped (`1000PEPE` → `PEPE`): lines up one coin across exchanges. */
  coin: string;
}

/** One perpetual's live state: the single shape both exchanges' feeds normalise into. */
export interface PerpQuote extends PerpInstrument {
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
  quoteVolume24h: number | null;
  /** Event times (exchange clock) of the last applied update of each kind: older events never overwrite newer. */
  markTime: number;
  indexTime: number;
  fundingTime: number;
  tickerTime: number;
  /** When this page last received any update for the row (local clock): drives staleness. */
  updatedAt: number;
}

export function perpKey(exchange: ExchangeId, symbol: string): string {
  return `${exchange}:${symbol}`;
}

const MULTIPLIER_PREFIX = /^(1000000|100000|10000|1000|1M)(?=[A-Z])/;

/** `1000PEPE` → `PEPE`, `1MBABYDOGE` → `BABYDOGE`, `BTC` → `BTC`. */
export function coinOf(base: string): string {
  return base.replace(MULTIPLIER_PREFIX, '');
}
