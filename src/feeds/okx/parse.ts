import { intervalHoursBetween } from '../../domain/funding';
import { coinOf } from '../../domain/perp';
import type {
  ParseResult,
  PerpBookTopEvent,
  PerpFundingEvent,
  PerpIndexEvent,
  PerpInstrumentEvent,
  PerpMarkEvent,
  PerpOpenInterestEvent,
  PerpTickerEvent,
} from '../../domain/perpEvents';
import { bookTopEvent } from '../bookTop';
import { finite, isRecord, nonNegative, optionalFinite, positive, text, timestamp } from '../numbers';
import { okxData } from './envelope';

/** Runs `parseItem` over a push's `data` array, counting the items it refuses; an item may become more than one event. */
function each<E>(payload: unknown, parseItem: (item: Record<string, unknown>) => E | readonly E[] | null): ParseResult<E> {
  const events: E[] = [];
  let rejected = 0;
  for (const item of Array.isArray(payload) ? payload : []) {
    const event = isRecord(item) ? parseItem(item) : null;
    if (event === null) rejected++;
    else if (Array.isArray(event)) events.push(...(event as readonly E[]));
    else events.push(event as E);
  }
  if (!Array.isArray(payload)) rejected++;
  return { events, rejected };
}

/** `instruments` (instType SWAP) push or REST data → swaps, `listed` only while their state is `live`. */
export function parseSwapInstruments(payload: unknown): ParseResult<PerpInstrumentEvent> {
  return each(payload, (item): PerpInstrumentEvent | null => {
    const symbol = text(item.instId);
    const indexId = text(item.uly) ?? text(item.instFamily);
    if (symbol === null || indexId === null || item.instType !== 'SWAP') return null;
    const [base, quote] = indexId.split('-');
    if (!base || !quote) return null;
    // ctType says it; without one, OKX's USD swaps are its coin-margined ones.
    const inverse = item.ctType === undefined ? quote === 'USD' : item.ctType === 'inverse';
    const margin = inverse ? 'inverse' : 'linear';
    return { kind: 'instrument', exchange: 'okx', symbol, base, quoteAsset: quote, coin: coinOf(base), market: 'crypto', margin, indexId, listed: item.state === 'live' };
  });
}

export function parseMarkPrices(payload: unknown): ParseResult<PerpMarkEvent> {
  return each(payload, (item) => {
    const symbol = text(item.instId);
    const time = timestamp(item.ts);
    const mark = positive(item.markPx);
    if (symbol === null || time === null || mark === null) return null;
    return {
      kind: 'mark',
      exchange: 'okx',
      symbol,
      time,
      mark,
      index: null,
      estimatedSettle: null,
      fundingRate: null,
      nextFundingTime: null,
    };
  });
}

/**
 * `funding-rate` push, or an item of `GET /api/v5/public/funding-rate` (same fields): OKX's
 * `fundingTime` is the coming settlement and `nextFundingTime` the one after it, so their
 * difference is the instrument's interval (1, 2, 4, 6 or 8 h). `nextFundingRate` is no longer
 * published (always ""), and `settFundingRate` / `prevFundingTime` are the last settlement.
 * `maxFundingRate` / `minFundingRate` bound the rate; left empty they are not known, not bad.
 */
export function parseFundingRates(payload: unknown): ParseResult<PerpFundingEvent> {
  return each(payload, (item) => {
    const symbol = text(item.instId);
    const time = timestamp(item.ts);
    const fundingRate = finite(item.fundingRate);
    const settlement = timestamp(item.fundingTime);
    const following = timestamp(item.nextFundingTime);
    const fundingCap = optionalFinite(item.maxFundingRate);
    const fundingFloor = optionalFinite(item.minFundingRate);
    if (symbol === null || time === null || fundingRate === null || settlement === null) return null;
    if (fundingCap === undefined || fundingFloor === undefined || (fundingCap !== null && fundingFloor !== null && fundingFloor > fundingCap)) return null;
    return {
      kind: 'funding',
      exchange: 'okx',
      symbol,
      time,
      fundingRate,
      nextFundingRate: finite(item.nextFundingRate),
      nextFundingTime: settlement,
      intervalHours: following === null ? null : intervalHoursBetween(settlement, following),
      settledFundingRate: finite(item.settFundingRate),
      lastSettlementTime: timestamp(item.prevFundingTime),
      fundingCap,
      fundingFloor,
    };
  });
}

export function parseIndexTickers(payload: unknown): ParseResult<PerpIndexEvent> {
  return each(payload, (item) => {
    const indexId = text(item.instId);
    const time = timestamp(item.ts);
    const index = positive(item.idxPx);
    if (indexId === null || time === null || index === null) return null;
    return { kind: 'index', exchange: 'okx', indexId, time, index };
  });
}

/**
 * `tickers` → a ticker and a book-top event per swap. OKX gives 24 h volume in the base coin
 * (`volCcy24h`); its quote value is that × last. An empty `bidPx`/`askPx` is no order on that side.
 */
export function parseTickers(payload: unknown): ParseResult<PerpTickerEvent | PerpBookTopEvent> {
  return each(payload, (item): [PerpTickerEvent, PerpBookTopEvent] | null => {
    const symbol = text(item.instId);
    const time = timestamp(item.ts);
    const last = positive(item.last);
    const open24h = positive(item.open24h);
    const baseVolume = nonNegative(item.volCcy24h);
    // A product of two finite numbers can still overflow to Infinity.
    const quoteVolume24h = baseVolume === null || last === null ? null : finite(baseVolume * last);
    if (symbol === null || time === null || last === null || open24h === null || quoteVolume24h === null) return null;
    const top = bookTopEvent('okx', symbol, time, item.bidPx, item.askPx);
    return top && [{ kind: 'ticker', exchange: 'okx', symbol, time, last, open24h, quoteVolume24h }, top];
  });
}

/**
 * `open-interest` items: `oiCcy` is in the swap's coin for linear and inverse swaps alike (the
 * row's base units); `oi` counts contracts, whose size the rows do not carry, and `oiUsd` is the
 * value at poll time, which the row instead follows at its live mark, as it does Binance's.
 */
export function parseOpenInterest(payload: unknown): ParseResult<PerpOpenInterestEvent> {
  return each(payload, (item) => {
    const symbol = text(item.instId);
    const time = timestamp(item.ts);
    const openInterest = nonNegative(item.oiCcy);
    if (symbol === null || time === null || openInterest === null) return null;
    return { kind: 'open-interest', exchange: 'okx', symbol, time, openInterest };
  });
}

/**
 * A REST response whose `data` holds the same items a channel pushes, read by that channel's
 * parser; null when it is not one. Items naming an instrument the caller does not follow (indexes
 * without a swap, swaps not trading) are skipped: neither events nor rejections. Items naming
 * none go to the parser, which refuses and counts them.
 */
export const fromResponse =
  <Event>(parse: (payload: unknown) => ParseResult<Event>) =>
  (body: unknown, follows: (instId: string) => boolean = () => true): ParseResult<Event> | null => {
    const unwrapped = okxData(body);
    if (!unwrapped.ok || !Array.isArray(unwrapped.data)) return null;
    return parse(
      unwrapped.data.filter((item: unknown) => {
        const instId = isRecord(item) ? item.instId : undefined;
        return typeof instId !== 'string' || follows(instId);
      }),
    );
  };

/** `GET /api/v5/market/tickers?instType=SWAP`: every swap's ticker in one response. */
export const parseTickersResponse = fromResponse(parseTickers);

/** `GET /api/v5/market/index-tickers?quoteCcy=`: every index quoted in one currency, in one response. */
export const parseIndexTickersResponse = fromResponse(parseIndexTickers);

/** `GET /api/v5/public/open-interest?instType=SWAP`: every swap's open interest in one response. */
export const parseOpenInterestResponse = fromResponse(parseOpenInterest);

/** `GET /api/v5/public/funding-rate?instId=ANY`: every swap's current funding in one response. */
export const parseFundingRatesResponse = fromResponse(parseFundingRates);

/** `GET /api/v5/public/instruments?instType=SWAP`: every swap OKX lists, trading or not. */
export const parseSwapInstrumentsResponse = fromResponse(parseSwapInstruments);

/**
 * Without the instrument list, a swap id still says its coin, quote and index: `BTC-USDT-SWAP` → BTC,
 * USDT, `BTC-USDT`. OKX's USD swaps are its coin-margined (inverse) ones; every OKX swap is crypto.
 */
export function instrumentFromSwapId(symbol: string): PerpInstrumentEvent | null {
  const [base, quote, suffix] = symbol.split('-');
  if (!base || !quote || suffix !== 'SWAP') return null;
  const margin = quote === 'USD' ? 'inverse' : 'linear';
  return { kind: 'instrument', exchange: 'okx', symbol, base, quoteAsset: quote, coin: coinOf(base), market: 'crypto', margin, indexId: `${base}-${quote}`, listed: true };
}
