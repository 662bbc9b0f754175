import { binanceDatedFuture } from '../../domain/datedFuture';
import type { DatedFutureMarkEvent } from '../../domain/datedFutureEvents';
import { coinOf, type PerpInstrument, type PerpMargin, type PerpMarket } from '../../domain/perp';
import type { FundingTerms, ParseResult, PerpBookTopEvent, PerpInstrumentEvent, PerpMarkEvent, PerpOpenInterestEvent, PerpTickerEvent } from '../../domain/perpEvents';
import { bookTopEvent } from '../bookTop';
import { finite, isRecord, nonNegative, optionalFinite, positive, text, timestamp } from '../numbers';

/** A mark-price record's fields, as named by the stream (`p`, `i`, …) or by REST (`markPrice`, `indexPrice`, …). */
interface MarkFields {
  /** The stream's `st` (1 USDⓈ-M, 2 COIN-M); REST sends none. */
  settlement: unknown;
  symbol: unknown;
  time: unknown;
  mark: unknown;
  index: unknown;
  estimatedSettle: unknown;
  fundingRate: unknown;
  nextFundingTime: unknown;
}

/**
 * The all-market streams carry both margins: `st` 1 is USDⓈ-M (crypto and TradFi), 2 COIN-M
 * (`BTCUSD_PERP`). Absent in the older documented shape, which knew USDⓈ-M only; any other value
 * is one this page does not understand.
 */
function marginOf(settlement: unknown): PerpMargin | null {
  if (settlement === undefined || settlement === 1) return 'linear';
  return settlement === 2 ? 'inverse' : null;
}

/** A delivery contract's record: a next funding time of 0, with a funding rate of "0.00000000" live or empty in the older docs and in REST. */
function isDated(fields: MarkFields): boolean {
  return fields.fundingRate === '' || fields.nextFundingTime === 0;
}

/**
 * One mark-price record → a mark event; `'dated'` for a delivery contract: not a perpetual,
 * skipped without counting as bad data; null when a number is missing or not valid.
 */
function markEvent(fields: MarkFields): PerpMarkEvent | 'dated' | null {
  if (marginOf(fields.settlement) === null) return null;
  if (isDated(fields)) return 'dated';
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
 * travel in the same array with a `T` of 0: they are not perpetuals and are skipped without
 * counting as bad data (`parseDatedMarks` reads them). TradFi perpetuals come in a message of their own, COIN-M ones (`st` 2)
 * among the rest: both are perpetuals like any other.
 */
export function parseMarkPrices(payload: unknown): ParseResult<PerpMarkEvent> {
  return collectMarks(Array.isArray(payload) ? payload : [payload], streamMarkFields);
}

/**
 * `GET /fapi/v1/premiumIndex` (every symbol) → mark events, the same values the mark-price
 * stream carries, stamped with their own `time`. Delivery contracts come with an empty
 * `lastFundingRate` and a `nextFundingTime` of 0 and are skipped. Null when the body is not a list.
 */
export function parsePremiumIndex(body: unknown): ParseResult<PerpMarkEvent> | null {
  if (!Array.isArray(body)) return null;
  return collectMarks(body, (item) => ({
    settlement: undefined,
    symbol: item.symbol,
    time: item.time,
    mark: item.markPrice,
    index: item.indexPrice,
    estimatedSettle: item.estimatedSettlePrice,
    fundingRate: item.lastFundingRate,
    nextFundingTime: item.nextFundingTime,
  }));
}

function streamMarkFields(item: Record<string, unknown>): MarkFields | null {
  return item.e === 'markPriceUpdate'
    ? { settlement: item.st, symbol: item.s, time: item.E, mark: item.p, index: item.i, estimatedSettle: item.P, fundingRate: item.r, nextFundingTime: item.T }
    : null;
}

/**
 * The delivery contracts' records of `!markPrice@arr[@1s]` → dated-future marks, each with its own
 * index (`i`), which is what its basis is measured against. Perpetual records and items that are
 * no mark record are the perpetual parser's to read or refuse: skipped here, not counted.
 */
export function parseDatedMarks(payload: unknown): ParseResult<DatedFutureMarkEvent> {
  const events: DatedFutureMarkEvent[] = [];
  let rejected = 0;
  for (const item of Array.isArray(payload) ? payload : [payload]) {
    const fields = isRecord(item) ? streamMarkFields(item) : null;
    if (fields === null || !isDated(fields)) continue;
    const instrument = typeof fields.symbol === 'string' ? binanceDatedFuture(fields.symbol) : null;
    const time = timestamp(fields.time);
    const mark = positive(fields.mark);
    const index = positive(fields.index);
    const margin = marginOf(fields.settlement);
    // A COIN-M record (st 2) must name a coin-margined contract (`BTCUSD_261225`), and `st` 1 a USDⓈ-M one.
    if (instrument === null || time === null || mark === null || index === null || margin !== instrument.margin) {
      rejected++;
      continue;
    }
    events.push({ kind: 'mark', ...instrument, time, mark, index });
  }
  return { events, rejected };
}

/** Binance names delivery contracts `<pair>_<YYMMDD>` (`BTCUSDT_260925`, `BTCUSD_260925`). */
const DATED_SYMBOL = /_\d{6}$/;

const TICKER_EVENTS = new Set(['24hrMiniTicker', '24hrTicker']);

/**
 * `!miniTicker@arr` (and `!ticker@arr`, whose rows carry the same fields and more) → ticker events.
 * The stream carries only symbols that changed; the ingest keeps the rest. Dated contracts tick
 * too and are skipped without counting as bad data. A COIN-M row (`st` 2) counts `q` in coin and
 * `v` in contracts: its quote (USD) volume is the coin volume at the last price.
 */
export function parseMiniTickers(payload: unknown): ParseResult<PerpTickerEvent> {
  const items = Array.isArray(payload) ? payload : [payload];
  const events: PerpTickerEvent[] = [];
  let rejected = 0;
  for (const item of items) {
    if (isRecord(item) && typeof item.s === 'string' && DATED_SYMBOL.test(item.s)) continue;
    const margin = isRecord(item) && typeof item.e === 'string' && TICKER_EVENTS.has(item.e) ? marginOf(item.st) : null;
    if (margin === null) {
      rejected++;
      continue;
    }
    const symbol = text(item.s);
    const time = timestamp(item.E);
    const last = positive(item.c);
    const open24h = positive(item.o);
    const volume = nonNegative(item.q);
    // A product of two finite numbers can still overflow to Infinity.
    const quoteVolume24h = volume === null || last === null ? null : finite(margin === 'inverse' ? volume * last : volume);
    if (symbol === null || time === null || last === null || open24h === null || quoteVolume24h === null) {
      rejected++;
      continue;
    }
    events.push({ kind: 'ticker', exchange: 'binance', symbol, time, last, open24h, quoteVolume24h });
  }
  return { events, rejected };
}

const PERPETUAL_CONTRACTS = new Set(['PERPETUAL', 'TRADIFI_PERPETUAL']);

/** Underlying types of crypto perpetuals: coins, and Binance's composite crypto indexes (`BTCDOMUSDT`). */
const CRYPTO_UNDERLYINGS = new Set(['COIN', 'INDEX']);

/** TradFi by contract type, else by underlying type (COMMODITY, EQUITY, …: anything not crypto). */
function marketOf(contractType: unknown, underlyingType: unknown): PerpMarket {
  if (contractType === 'TRADIFI_PERPETUAL') return 'tradfi';
  return typeof underlyingType === 'string' && !CRYPTO_UNDERLYINGS.has(underlyingType) ? 'tradfi' : 'crypto';
}

/** Skipped, not refused: exchangeInfo also lists dated futures and contracts that are not trading now. */
function isTradingPerpetual(item: Record<string, unknown>): boolean {
  return PERPETUAL_CONTRACTS.has(item.contractType as string) && item.status === 'TRADING';
}

/**
 * `GET /fapi/v1/exchangeInfo` → the perpetuals that are trading now, crypto and TradFi, and how many
 * items it refused. It lists USDⓈ-M contracts only: the COIN-M perpetuals the same streams carry are not in it.
 */
export function parseExchangeInfo(body: unknown): ParseResult<PerpInstrumentEvent> | null {
  if (!isRecord(body) || !Array.isArray(body.symbols)) return null;
  const events: PerpInstrumentEvent[] = [];
  let rejected = 0;
  for (const item of body.symbols) {
    if (isRecord(item) && !isTradingPerpetual(item)) continue;
    const symbol = isRecord(item) ? text(item.symbol) : null;
    const base = isRecord(item) ? text(item.baseAsset) : null;
    const quote = isRecord(item) ? text(item.quoteAsset) : null;
    if (symbol === null || base === null || quote === null) {
      rejected++;
      continue;
    }
    const market = marketOf(item.contractType, item.underlyingType);
    events.push({ kind: 'instrument', exchange: 'binance', symbol, base, quoteAsset: quote, coin: coinOf(base), market, margin: 'linear', indexId: null, listed: true });
  }
  return { events, rejected };
}

/** A symbol's adjusted funding terms, as fundingInfo lists them. */
export interface FundingInfoItem extends FundingTerms {
  symbol: string;
}

/** fundingInfo read: the terms, and the symbols listed with terms that could not be read (counted in `rejected`). */
export interface FundingInfoList extends ParseResult<FundingInfoItem> {
  unreadable: string[];
}

/** A cap and floor as listed: both may be absent (not known); present, each must be a number and the floor at most the cap. */
function capAndFloor(item: Record<string, unknown>): Pick<FundingTerms, 'cap' | 'floor'> | null {
  const cap = optionalFinite(item.adjustedFundingRateCap);
  const floor = optionalFinite(item.adjustedFundingRateFloor);
  if (cap === undefined || floor === undefined || (cap !== null && floor !== null && floor > cap)) return null;
  return { cap, floor };
}

/**
 * `GET /fapi/v1/fundingInfo` → the funding terms of the symbols whose interval, cap or floor was
 * adjusted. Symbols not listed have Binance's default 8 h; a listed one whose terms are unreadable does not.
 */
export function parseFundingInfo(body: unknown): FundingInfoList | null {
  if (!Array.isArray(body)) return null;
  const events: FundingInfoItem[] = [];
  const unreadable: string[] = [];
  let rejected = 0;
  for (const item of body) {
    const symbol = isRecord(item) ? text(item.symbol) : null;
    const hours = isRecord(item) ? positive(item.fundingIntervalHours) : null;
    const bounds = isRecord(item) ? capAndFloor(item) : null;
    if (symbol !== null && hours !== null && Number.isInteger(hours) && bounds !== null) {
      events.push({ symbol, intervalHours: hours, ...bounds });
      continue;
    }
    rejected++;
    if (symbol !== null) unreadable.push(symbol);
  }
  return { events, unreadable, rejected };
}

/** The terms by symbol, as the ingest takes them: null for a symbol whose terms could not be read. */
export function fundingTermsTable({ events, unreadable }: FundingInfoList): Map<string, FundingTerms | null> {
  return new Map<string, FundingTerms | null>([
    ...events.map(({ symbol, intervalHours, cap, floor }) => [symbol, { intervalHours, cap, floor }] as const),
    ...unreadable.map((symbol) => [symbol, null] as const),
  ]);
}

/**
 * `GET /fapi/v1/ticker/bookTicker` (every symbol) → book-top events, stamped with each book's
 * own transaction `time`. Dated contracts are listed too and skipped without counting as bad
 * data. Null when the body is not a list.
 */
export function parseBookTickers(body: unknown): ParseResult<PerpBookTopEvent> | null {
  if (!Array.isArray(body)) return null;
  const events: PerpBookTopEvent[] = [];
  let rejected = 0;
  for (const item of body) {
    if (isRecord(item) && typeof item.symbol === 'string' && DATED_SYMBOL.test(item.symbol)) continue;
    const symbol = isRecord(item) ? text(item.symbol) : null;
    const time = isRecord(item) ? timestamp(item.time) : null;
    const event = isRecord(item) && symbol !== null && time !== null ? bookTopEvent('binance', symbol, time, item.bidPrice, item.askPrice) : null;
    if (event === null) rejected++;
    else events.push(event);
  }
  return { events, rejected };
}

/** `GET /fapi/v1/openInterest?symbol=` → one open-interest event (base units); null when the body is not an object. */
export function parseOpenInterest(body: unknown): ParseResult<PerpOpenInterestEvent> | null {
  if (!isRecord(body)) return null;
  const symbol = text(body.symbol);
  const time = timestamp(body.time);
  const openInterest = nonNegative(body.openInterest);
  if (symbol === null || time === null || openInterest === null) return { events: [], rejected: 1 };
  return { events: [{ kind: 'open-interest', exchange: 'binance', symbol, time, openInterest }], rejected: 0 };
}

const QUOTE_ASSETS = ['USDT', 'USDC', 'FDUSD', 'BUSD', 'USD'];

/** COIN-M perpetuals are named `<coin>USD_PERP`; USDⓈ-M ones carry no suffix. */
const COIN_MARGINED_SUFFIX = '_PERP';

/**
 * Without exchangeInfo (REST blocked), the symbol is all we have: split off a known quote asset so
 * the row still lines up with the same coin elsewhere. A `_PERP` symbol is COIN-M, which
 * exchangeInfo never lists anyway. Nothing in a symbol or its stream rows tells TradFi from
 * crypto (both are `st` 1), so a row known only from its symbol counts as crypto.
 */
export function instrumentFromSymbol(symbol: string): PerpInstrument {
  const margin: PerpMargin = symbol.endsWith(COIN_MARGINED_SUFFIX) ? 'inverse' : 'linear';
  const pair = margin === 'inverse' ? symbol.slice(0, -COIN_MARGINED_SUFFIX.length) : symbol;
  const quote = QUOTE_ASSETS.find((asset) => pair.endsWith(asset) && pair.length > asset.length) ?? '';
  const base = quote ? pair.slice(0, -quote.length) : pair;
  return { exchange: 'binance', symbol, base, quoteAsset: quote, coin: coinOf(base), market: 'crypto', margin };
}
