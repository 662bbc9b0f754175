import { coinOf, type PerpInstrument } from '../../domain/perpetual';
import type { ParseResult, PerpMarkEvent, PerpTickerEvent } from '../../domain/perpEvents';
import { finite, isRecord, nonNegative, positive, text, timestamp } from '../numbers';

/** A mark-price record's fields, as named by the stream (`p`, `i`, …) or by REST (`markPrice`, `indexPrice`, …). */
interface MarkFields {
  symbol: unknown;
  time: unknown;
  mark: unknown;
  index: unknown;
  estimatedSettle: unknown;
  fundingRate: unknown;
  nextFundingTime: unknown;
}

/**
 * One mark-price record → a mark event; `'dated'` for a delivery contract (an empty funding rate
 * and a next funding time of 0: not a perpetual, skipped without counting as bad data); null
 * when a number is missing or not valid.
 */
function markEvent(fields: MarkFields): PerpMarkEvent | 'dated' | null {
  if (fields.fundingRate === '' || fields.nextFundingTime === 0) return 'dated';
  const symbol = text(fields.symbol);
  const time = timestamp(fields.time);
  const mark = positive(fields.mark);
  const index = positive(fields.index);
  const fundingRate = finite(fields.fundingRate);
  const nextFundingTime = timestamp(fields.nextFundingTime);
  if (symbol === null || time === null || mark === null || index === null || fundingRate === null || nextFundingTime === null) {
    return null;
  }
  const estimatedSettle = positive(fields.estimatedSettle);
  return { kind: 'mark', exchange: 'binance', symbol, time, mark, index, estimatedSettle, fundingRate, nextFundingTime };
}

function collectMarks(items: readonly unknown[], fieldsOf: (item: Record<string, unknown>) => MarkFields | null): ParseResult<PerpMarkEvent> {
  const events: PerpMarkEvent[] = [];
  let rejected = 0;
  for (const item of items) {
    const fields = isRecord(item) ? fieldsOf(item) : null;
    const event = fields === null ? null : markEvent(fields);
    if (event === null) rejected++;
    else if (event !== 'dated') events.push(event);
  }
  return { events, rejected };
}

/**
 * `!markPrice@arr[@1s]` / `<symbol>@markPrice[@1s]` → mark events. Dated delivery contracts
 * travel in the same array with an empty `r` and a `T` of 0: they are not perpetuals and are
 * skipped without counting as bad data.
 */
export function parseMarkPrices(payload: unknown): ParseResult<PerpMarkEvent> {
  return collectMarks(Array.isArray(payload) ? payload : [payload], (item) =>
    item.e === 'markPriceUpdate'
      ? { symbol: item.s, time: item.E, mark: item.p, index: item.i, estimatedSettle: item.P, fundingRate: item.r, nextFundingTime: item.T }
      : null,
  );
}

/**
 * `GET /fapi/v1/premiumIndex` (every symbol) → mark events, the same values the mark-price
 * stream carries, stamped with their own `time`. Delivery contracts come with an empty
 * `lastFundingRate` and a `nextFundingTime` of 0 and are skipped. Null when the body is not a list.
 */
export function parsePremiumIndex(body: unknown): ParseResult<PerpMarkEvent> | null {
  if (!Array.isArray(body)) return null;
  return collectMarks(body, (item) => ({
    symbol: item.symbol,
    time: item.time,
    mark: item.markPrice,
    index: item.indexPrice,
    estimatedSettle: item.estimatedSettlePrice,
    fundingRate: item.lastFundingRate,
    nextFundingTime: item.nextFundingTime,
  }));
}

/** `!miniTicker@arr` → ticker events. The stream carries only symbols that changed; the store keeps the rest. */
export function parseMiniTickers(payload: unknown): ParseResult<PerpTickerEvent> {
  const items = Array.isArray(payload) ? payload : [payload];
  const events: PerpTickerEvent[] = [];
  let rejected = 0;
  for (const item of items) {
    if (!isRecord(item) || item.e !== '24hrMiniTicker') {
      rejected++;
      continue;
    }
    const symbol = text(item.s);
    const time = timestamp(item.E);
    const last = positive(item.c);
    const open24h = positive(item.o);
    const quoteVolume24h = nonNegative(item.q);
    if (symbol === null || time === null || last === null || open24h === null || quoteVolume24h === null) {
      rejected++;
      continue;
    }
    events.push({ kind: 'ticker', exchange: 'binance', symbol, time, last, open24h, quoteVolume24h });
  }
  return { events, rejected };
}

/** `GET /fapi/v1/exchangeInfo` → the perpetuals that are trading now. */
export function parseExchangeInfo(body: unknown): PerpInstrument[] | null {
  if (!isRecord(body) || !Array.isArray(body.symbols)) return null;
  const instruments: PerpInstrument[] = [];
  for (const item of body.symbols) {
    if (!isRecord(item) || item.contractType !== 'PERPETUAL' || item.status !== 'TRADING') continue;
    const symbol = text(item.symbol);
    const base = text(item.baseAsset);
    const quote = text(item.quoteAsset);
    if (symbol === null || base === null || quote === null) continue;
    instruments.push({ exchange: 'binance', symbol, base, quote, coin: coinOf(base) });
  }
  return instruments;
}

/**
 * `GET /fapi/v1/fundingInfo` → interval hours of the symbols whose interval was adjusted.
 * Symbols not listed have Binance's default 8 h.
 */
export function parseFundingInfo(body: unknown): Map<string, number> | null {
  if (!Array.isArray(body)) return null;
  const intervals = new Map<string, number>();
  for (const item of body) {
    if (!isRecord(item)) continue;
    const symbol = text(item.symbol);
    const hours = positive(item.fundingIntervalHours);
    if (symbol !== null && hours !== null && Number.isInteger(hours)) intervals.set(symbol, hours);
  }
  return intervals;
}

const QUOTE_ASSETS = ['USDT', 'USDC', 'FDUSD', 'BUSD', 'USD'];

/**
 * Without exchangeInfo (REST blocked), the symbol is all we have: split off a known quote
 * asset so the row still lines up with the same coin elsewhere.
 */
export function instrumentFromSymbol(symbol: string): PerpInstrument {
  const quote = QUOTE_ASSETS.find((asset) => symbol.endsWith(asset) && symbol.length > asset.length) ?? '';
  const base = quote ? symbol.slice(0, -quote.length) : symbol;
  return { exchange: 'binance', symbol, base, quote, coin: coinOf(base) };
}
