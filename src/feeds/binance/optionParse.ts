import { parseOptionSymbol, type OptionInstrument, type ParsedOptionSymbol } from '../../domain/option';
import type { OptionEvent } from '../../domain/optionEvents';
import type { ParseResult } from '../../domain/perpEvents';
import { yearsBetween } from '../../math/blackScholes';
import { finite, isRecord, nonNegative, positive, text, timestamp } from '../numbers';

/** Binance lists USDT-margined European options only: `BTC-251120-126000-C` belongs to `BTCUSDT`. */
const OPTION_QUOTE_ASSET = 'USDT';

/** Underlyings Binance lists options on, for when exchangeInfo cannot be fetched (stream-only mode). */
export const KNOWN_OPTION_UNDERLYINGS = ['BTCUSDT', 'ETHUSDT', 'BNBUSDT', 'SOLUSDT', 'XRPUSDT', 'DOGEUSDT'];

export function optionMarkPriceStream(underlying: string): string {
  return `${underlying.toLowerCase()}@optionMarkPrice`;
}

/** The parts of a Binance option symbol (`BTC-251120-126000-C`: no quote currency), or null when it is not one. */
function parseBinanceOptionSymbol(symbol: string): Readonly<ParsedOptionSymbol> | null {
  const parsed = parseOptionSymbol(symbol);
  return parsed !== null && parsed.quote === null ? parsed : null;
}

/** Everything the Binance symbol says about its option, or null when it is not one. */
export function binanceOptionInstrument(symbol: string): OptionInstrument | null {
  const parsed = parseBinanceOptionSymbol(symbol);
  if (!parsed) return null;
  return {
    exchange: 'binance',
    symbol,
    underlying: `${parsed.base}${OPTION_QUOTE_ASSET}`,
    base: parsed.base,
    expiry: parsed.expiry,
    strike: parsed.strike,
    callPut: parsed.callPut,
    priceCurrency: OPTION_QUOTE_ASSET,
  };
}

/** A bid/ask IV of -1 (or any non-positive value) means nobody quotes that side. */
function sideIv(value: unknown): number | null {
  return positive(value);
}

/** A side's size, when the side is quoted: a bid/ask price of 0 means nobody quotes it, and its size is then meaningless too. */
function sideSize(price: number | null, size: unknown): number | null {
  return price === null ? null : nonNegative(size);
}

/** The risk-free rate `rf` ("0.0529" live, "0.0" on the seed page, absent in older shapes: 0); null when unreadable. */
function riskFreeRate(value: unknown): number | null {
  return value === undefined ? 0 : finite(value);
}

/**
 * `<underlying>@optionMarkPrice` → per option a greeks, a mark and a book event (same event time).
 * Units as pinned in src/math/blackScholes.test.ts: prices in USDT, `d` delta, `g` gamma per USDT,
 * `t` theta in USDT per calendar day, `v` vega in USDT per vol point; IVs are fractions. The price
 * it is valued against is the expiry's forward, index × e^(rf·T) with T from `E` to the expiry:
 * Binance prices with `rf` (≈ 0.05 live), so the strike where calls and puts are worth the same is
 * there, not at the index.
 */
export function parseOptionMarkPrices(payload: unknown): ParseResult<OptionEvent> {
  const items = Array.isArray(payload) ? payload : [payload];
  const events: OptionEvent[] = [];
  let rejected = 0;
  for (const item of items) {
    if (!isRecord(item) || item.e !== 'markPrice') {
      rejected++;
      continue;
    }
    const symbol = text(item.s);
    const time = timestamp(item.E);
    const mark = nonNegative(item.mp);
    const index = positive(item.i);
    const markIv = positive(item.vo);
    const delta = finite(item.d);
    const gamma = finite(item.g);
    const theta = finite(item.t);
    const vega = finite(item.v);
    const rate = riskFreeRate(item.rf);
    const parsed = symbol === null ? null : parseBinanceOptionSymbol(symbol);
    // A rate of finite size can still carry the forward past the largest number.
    const forward = index === null || rate === null || time === null || parsed === null
      ? null
      : positive(index * Math.exp(rate * Math.max(yearsBetween(time, parsed.expiry), 0)));
    if (
      symbol === null || parsed === null || time === null || mark === null || forward === null ||
      markIv === null || delta === null || gamma === null || theta === null || vega === null
    ) {
      rejected++;
      continue;
    }
    const bid = positive(item.bo);
    const ask = positive(item.ao);
    events.push(
      {
        kind: 'greeks', exchange: 'binance', symbol, time, markIv, bidIv: sideIv(item.b), askIv: sideIv(item.a),
        delta, gamma, theta, vega, underlyingPrice: forward,
      },
      { kind: 'mark', exchange: 'binance', symbol, time, mark, highLimit: positive(item.hl), lowLimit: positive(item.ll) },
      { kind: 'book', exchange: 'binance', symbol, time, bid, ask, bidSize: sideSize(bid, item.bq), askSize: sideSize(ask, item.aq) },
    );
  }
  return { events, rejected };
}

/** `GET /eapi/v1/exchangeInfo` → every option trading now, and how many it refused; null when the body is not one. */
export function parseOptionExchangeInfo(body: unknown): ParseResult<OptionInstrument> | null {
  if (!isRecord(body) || !Array.isArray(body.optionSymbols)) return null;
  const events: OptionInstrument[] = [];
  let rejected = 0;
  for (const item of body.optionSymbols) {
    // Options listed but not trading now are skipped by rule, not refused.
    if (isRecord(item) && item.status !== undefined && item.status !== 'TRADING') continue;
    const instrument = isRecord(item) ? optionInstrumentOf(item) : null;
    if (instrument === null) rejected++;
    else events.push(instrument);
  }
  return { events, rejected };
}

function optionInstrumentOf(item: Record<string, unknown>): OptionInstrument | null {
  const symbol = text(item.symbol);
  const fromSymbol = symbol === null ? null : binanceOptionInstrument(symbol);
  const underlying = text(item.underlying);
  const strike = positive(item.strikePrice);
  const expiry = timestamp(item.expiryDate);
  const callPut = item.side === 'CALL' ? 'call' : item.side === 'PUT' ? 'put' : null;
  if (fromSymbol === null || underlying === null || strike === null || expiry === null || callPut === null) return null;
  return { ...fromSymbol, underlying, strike, expiry, callPut, priceCurrency: text(item.quoteAsset) ?? OPTION_QUOTE_ASSET };
}

/** The underlyings with options in an exchangeInfo instrument list, sorted. */
export function underlyingsOf(instruments: readonly OptionInstrument[]): string[] {
  return [...new Set(instruments.map((instrument) => instrument.underlying))].sort();
}
