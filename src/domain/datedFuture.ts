import type { ExchangeId } from './exchange';
import { expiryFromDatePart } from './option';
import { coinOf, type PerpMargin } from './perp';

/**
 * What a dated future's symbol alone says. Both venues deliver at 08:00 UTC on the date in it:
 * Binance `BTCUSDT_261225` (USDⓈ-M, linear) and `BTCUSD_261225` (COIN-M, inverse); OKX
 * `BTC-USD-261225` (inverse) and `BTC-USD_UM-261225` (linear, sized in the coin, settled in USD).
 */
export interface DatedFutureInstrument {
  exchange: ExchangeId;
  symbol: string;
  coin: string;
  margin: PerpMargin;
  /** Delivery as a UTC epoch-ms timestamp. */
  expiry: number;
  /** The index OKX prices it against, published apart (`BTC-USD`); null on Binance, whose mark push carries its index. */
  indexId: string | null;
}

/** One dated future's live state; the page works out its basis at the time it shows it. */
export interface DatedFutureRow extends DatedFutureInstrument {
  key: string;
  mark: number | null;
  index: number | null;
  /** Event times (exchange clock) of the last applied mark and index: older events never overwrite newer. */
  markTime: number;
  indexTime: number;
  /** When the data its stream last updated it with was current (worker clock): drives staleness and the quote's age. */
  streamedAt: number;
}

export function datedFutureKey(exchange: ExchangeId, symbol: string): string {
  return `${exchange}:${symbol}`;
}

const BINANCE_DATED = /^([A-Z0-9]+)_(\d{6})$/;
const BINANCE_QUOTES = ['USDT', 'USDC', 'USD'];

/** `BTCUSDT_261225` → BTC, linear; `BTCUSD_261225` → BTC, inverse (COIN-M); null for anything else. */
export function binanceDatedFuture(symbol: string): DatedFutureInstrument | null {
  const match = BINANCE_DATED.exec(symbol);
  const expiry = match ? expiryFromDatePart(match[2]!) : null;
  if (!match || expiry === null) return null;
  const pair = match[1]!;
  const quote = BINANCE_QUOTES.find((asset) => pair.endsWith(asset) && pair.length > asset.length);
  if (!quote) return null;
  const margin: PerpMargin = quote === 'USD' ? 'inverse' : 'linear';
  return { exchange: 'binance', symbol, coin: coinOf(pair.slice(0, -quote.length)), margin, expiry, indexId: null };
}

const OKX_DATED = /^([A-Z0-9]+)-(USD|USD_UM)-(\d{6})$/;

/** `BTC-USD-261225` → BTC, inverse; `BTC-USD_UM-261225` → BTC, linear; both priced against index `BTC-USD`. */
export function okxDatedFuture(symbol: string): DatedFutureInstrument | null {
  const match = OKX_DATED.exec(symbol);
  const expiry = match ? expiryFromDatePart(match[3]!) : null;
  if (!match || expiry === null) return null;
  const base = match[1]!;
  return { exchange: 'okx', symbol, coin: coinOf(base), margin: match[2] === 'USD' ? 'inverse' : 'linear', expiry, indexId: `${base}-USD` };
}
