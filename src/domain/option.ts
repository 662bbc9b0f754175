import type { ExchangeId } from './exchange';

export type CallPut = 'call' | 'put';

/**
 * What an option symbol alone says. Both venues expire options at 08:00 UTC on the date in the
 * symbol: Binance `BTC-251120-126000-C` (underlying `BTCUSDT`, prices in USDT), OKX
 * `BTC-USD-251226-100000-C` (family `BTC-USD`, coin-margined: prices in BTC).
 */
export interface OptionInstrument {
  exchange: ExchangeId;
  symbol: string;
  /** The chain it belongs to: Binance underlying (`BTCUSDT`) or OKX instrument family (`BTC-USD`). */
  underlying: string;
  base: string;
  /** Expiry as a UTC epoch-ms timestamp. */
  expiry: number;
  strike: number;
  callPut: CallPut;
  /** Currency of the option's prices (mark, bid, ask): USDT on Binance, the coin on OKX. */
  priceCurrency: string;
}

/**
 * One option's live state. IVs are annualised fractions (0.94 = 94 %). Greeks are Black-Scholes in
 * USD terms for one option on one coin of underlying, so both venues read alike:
 * - delta: change of the option's USD value per 1 USD move of the underlying;
 * - gamma: change of delta per 1 USD move of the underlying;
 * - theta: change of USD value over one calendar day (ACT/365);
 * - vega: change of USD value for +1 vol point (σ + 0.01).
 * Binance's `d/g/t/v` are exactly these (pinned in src/math/blackScholes.test.ts); OKX's
 * `deltaBS/gammaBS/thetaBS/vegaBS` are these too (its coin-terms "PA" greeks are not used).
 */
export interface OptionRow extends OptionInstrument {
  key: string;
  mark: number | null;
  bid: number | null;
  ask: number | null;
  bidSize: number | null;
  askSize: number | null;
  markIv: number | null;
  bidIv: number | null;
  askIv: number | null;
  delta: number | null;
  gamma: number | null;
  theta: number | null;
  vega: number | null;
  /** The price the option is valued against: the expiry's forward (Binance: index × e^(rf·T); OKX: its forward). */
  underlyingPrice: number | null;
  /** Binance's price band around the mark; OKX does not push one with these channels. */
  highLimit: number | null;
  lowLimit: number | null;
  greeksTime: number;
  markTime: number;
  bookTime: number;
  /** Wall-clock ms of the last applied update (for staleness). */
  appliedAt: number;
}

/**
 * Which price the chain's ATM strike is measured against, per exchange: on both the expiry's forward
 * (Binance prices with a risk-free rate, so its forward is above the index).
 */
export const UNDERLYING_PRICE_LABEL: Record<ExchangeId, string> = { binance: 'Forward', okx: 'Forward' };

export const EXPIRY_HOUR_UTC = 8;

export function optionKey(exchange: ExchangeId, symbol: string): string {
  return `${exchange}:${symbol}`;
}

export function chainKey(exchange: ExchangeId, underlying: string): string {
  return `${exchange}:${underlying}`;
}

export interface ParsedOptionSymbol {
  base: string;
  /** OKX's quote part (`USD` in `BTC-USD-…`); null in Binance's form. */
  quote: string | null;
  expiry: number;
  strike: number;
  callPut: CallPut;
}

const DATE_PART = /^(\d{2})(\d{2})(\d{2})$/;
const STRIKE_PART = /^\d+(\.\d+)?$/;

/** `251120` → 2025-11-20 08:00 UTC; null for anything that is not a real calendar date. */
export function expiryFromDatePart(part: string): number | null {
  const match = DATE_PART.exec(part);
  if (!match) return null;
  const [year, month, day] = [2000 + Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day, EXPIRY_HOUR_UTC);
  const date = new Date(time);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : null;
}

/**
 * Parsed symbols by symbol. Every push of a chain repeats the same option symbols (Binance's
 * carries every option of its underlying, each second), and what a symbol says never changes, so
 * each is parsed once. Cleared when it grows past a bound: delisted symbols would otherwise stay.
 */
const parsedSymbols = new Map<string, Readonly<ParsedOptionSymbol> | null>();
const MAX_PARSED_SYMBOLS = 50_000;

/**
 * Both symbol forms: `BTC-251120-126000-C` (Binance) and `BTC-USD-251226-100000-C` (OKX).
 * Null for anything else, so a malformed symbol is dropped at the edge.
 */
export function parseOptionSymbol(symbol: string): Readonly<ParsedOptionSymbol> | null {
  let parsed = parsedSymbols.get(symbol);
  if (parsed === undefined) {
    if (parsedSymbols.size >= MAX_PARSED_SYMBOLS) parsedSymbols.clear();
    parsed = parseSymbolParts(symbol);
    parsedSymbols.set(symbol, parsed);
  }
  return parsed;
}

function parseSymbolParts(symbol: string): ParsedOptionSymbol | null {
  const parts = symbol.split('-');
  if (parts.length !== 4 && parts.length !== 5) return null;
  const [base, ...rest] = parts;
  const quote = parts.length === 5 ? rest.shift()! : null;
  const [datePart, strikePart, side] = rest as [string, string, string];
  if (!base || !/^[A-Z0-9]+$/.test(base) || (quote !== null && !/^[A-Z]+$/.test(quote))) return null;
  const expiry = expiryFromDatePart(datePart);
  if (expiry === null || !STRIKE_PART.test(strikePart)) return null;
  const strike = Number(strikePart);
  if (!(strike > 0) || (side !== 'C' && side !== 'P')) return null;
  return { base, quote, expiry, strike, callPut: side === 'C' ? 'call' : 'put' };
}

/** The strike closest to the underlying price; on a tie the lower strike. Null without strikes or price. */
export function atmStrike(strikes: readonly number[], underlyingPrice: number | null): number | null {
  if (underlyingPrice === null || !(underlyingPrice > 0)) return null;
  let best: number | null = null;
  for (const strike of strikes) {
    if (best === null) {
      best = strike;
      continue;
    }
    const distance = Math.abs(strike - underlyingPrice);
    const bestDistance = Math.abs(best - underlyingPrice);
    if (distance < bestDistance || (distance === bestDistance && strike < best)) best = strike;
  }
  return best;
}

/** A call is in the money below the underlying price, a put above it. */
export function isInTheMoney(callPut: CallPut, strike: number, underlyingPrice: number | null): boolean {
  if (underlyingPrice === null) return false;
  return callPut === 'call' ? strike < underlyingPrice : strike > underlyingPrice;
}

/** Calendar days to expiry, fractional; negative after it. */
export function daysToExpiry(expiry: number, now: number): number {
  return (expiry - now) / 86_400_000;
}
