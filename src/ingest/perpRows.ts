import type { ExchangeId } from '../domain/exchange';
import { annualiseFunding, DEFAULT_FUNDING_INTERVAL_HOURS, premiumOf } from '../domain/funding';
import type {
  FundingTerms,
  PerpBookTopEvent,
  PerpFundingEvent,
  PerpIndexEvent,
  PerpInstrumentEvent,
  PerpMarkEvent,
  PerpOpenInterestEvent,
  PerpTickerEvent,
} from '../domain/perpEvents';
import { perpKey, type PerpInstrument, type PerpMargin, type PerpRow } from '../domain/perp';

/** Everything the ingest needs to turn events into rows, beyond the rows themselves. */
export interface PerpRegistry {
  /** Listed instruments per exchange; once an exchange's list is known, events for other symbols are refused. */
  instruments: Map<string, PerpInstrumentEvent>;
  /** Per exchange, which contracts its complete list covers: none until it arrives, then all or those of one margin. */
  listKnown: Record<ExchangeId, PerpMargin | 'all' | null>;
  /** Funding intervals, caps and floors per exchange when it lists them apart from the rates (Binance fundingInfo). */
  fundingTerms: Record<ExchangeId, { table: ReadonlyMap<string, FundingTerms | null>; defaultHours: number } | null>;
  /** Row keys per OKX index id, so one index push updates every swap priced on it. */
  byIndex: Map<string, Set<string>>;
  latestIndex: Map<string, PerpIndexEvent>;
}

export function createPerpRegistry(): PerpRegistry {
  return {
    instruments: new Map(),
    listKnown: { binance: null, okx: null },
    fundingTerms: { binance: null, okx: null },
    byIndex: new Map(),
    latestIndex: new Map(),
  };
}

/** Whether the exchange's complete list says which of its contracts of this margin exist. */
export function listCovers(registry: PerpRegistry, exchange: ExchangeId, margin: PerpMargin): boolean {
  const known = registry.listKnown[exchange];
  return known === 'all' || known === margin;
}

/** The newest event of each kind per row, after coalescing a batch. */
export interface NewestEvents {
  mark?: PerpMarkEvent;
  funding?: PerpFundingEvent;
  ticker?: PerpTickerEvent;
  'book-top'?: PerpBookTopEvent;
  'open-interest'?: PerpOpenInterestEvent;
  /** When the newest of them that came from the row's stream, rather than a REST answer, was current. */
  streamedAt?: number;
}

/** Every field written out, not spread from the instrument: rows built so copy fast when spread (bench/decisions.md). */
export function emptyRow({ exchange, symbol, base, quoteAsset, coin, market, margin }: PerpInstrument, indexId: string | null): PerpRow {
  return {
    exchange, symbol, base, quoteAsset, coin, market, margin,
    key: perpKey(exchange, symbol),
    indexId,
    mark: null, index: null, estimatedSettle: null, premium: null,
    fundingRate: null, nextFundingRate: null, settledFundingRate: null, lastSettlementTime: null, fundingCap: null, fundingFloor: null,
    intervalHours: null, intervalAssumed: false, annualised: null, nextFundingTime: null,
    last: null, open24h: null, change24h: null, quoteVolume24h: null,
    bid: null, ask: null, openInterest: null, openInterestUsd: null,
    markTime: 0, indexTime: 0, fundingTime: 0, tickerTime: 0, bookTopTime: 0, openInterestTime: 0, streamedAt: 0,
  };
}

/** Interval for a row from what is known: the exchange's own word, else the default marked as assumed. */
export function resolveInterval(registry: PerpRegistry, row: PerpRow, pushed: number | null): Pick<PerpRow, 'intervalHours' | 'intervalAssumed'> {
  if (pushed !== null) return { intervalHours: pushed, intervalAssumed: false };
  const known = registry.fundingTerms[row.exchange];
  const listed = known?.table.get(row.symbol);
  // Listed with terms that could not be read: the default is a guess again, and marked so.
  if (known && listed !== null) return { intervalHours: listed?.intervalHours ?? known.defaultHours, intervalAssumed: false };
  if (row.intervalHours !== null && !row.intervalAssumed) return { intervalHours: row.intervalHours, intervalAssumed: false };
  return row.exchange === 'binance'
    ? { intervalHours: DEFAULT_FUNDING_INTERVAL_HOURS, intervalAssumed: true }
    : { intervalHours: null, intervalAssumed: false };
}

/**
 * Cap and floor for a row: the exchange's list where it keeps one (Binance fundingInfo, which leaves
 * out symbols at its unpublished default: not known), else what the row's funding pushes carry (OKX).
 */
export function resolveCaps(registry: PerpRegistry, row: PerpRow, pushed: PerpFundingEvent | null): Pick<PerpRow, 'fundingCap' | 'fundingFloor'> {
  const known = registry.fundingTerms[row.exchange];
  if (known) {
    const listed = known.table.get(row.symbol);
    return { fundingCap: listed?.cap ?? null, fundingFloor: listed?.floor ?? null };
  }
  return pushed ? { fundingCap: pushed.fundingCap, fundingFloor: pushed.fundingFloor } : { fundingCap: row.fundingCap, fundingFloor: row.fundingFloor };
}

/** Recomputes the fields derived from others, in one place, after any change to a row. */
export function withDerived(row: PerpRow): PerpRow {
  row.premium = premiumOf(row.mark, row.index);
  row.annualised =
    row.fundingRate !== null && row.intervalHours !== null ? annualiseFunding(row.fundingRate, row.intervalHours) : null;
  row.change24h = row.last !== null && row.open24h !== null && row.open24h > 0 ? row.last / row.open24h - 1 : null;
  const openInterestUsd = row.openInterest !== null && row.mark !== null ? row.openInterest * row.mark : null;
  // A product of two finite numbers can still overflow to Infinity.
  row.openInterestUsd = openInterestUsd !== null && Number.isFinite(openInterestUsd) ? openInterestUsd : null;
  return row;
}

/** Whether a polled value stamped `time` moves a row last stamped `appliedTime`: a poll repeats an unmoved value with its old stamp. */
function movesPolled(time: number, appliedTime: number, same: boolean): boolean {
  return time > appliedTime || (time === appliedTime && !same);
}

/** A copy of the row with its newest events applied; each kind only moves forward in exchange time. */
export function applyEvents(registry: PerpRegistry, previous: PerpRow, newest: NewestEvents): PerpRow | null {
  const next = { ...previous };
  let changed = false;
  const { mark, funding, ticker } = newest;
  const top = newest['book-top'];
  const interest = newest['open-interest'];
  if (mark && mark.time >= next.markTime) {
    next.markTime = mark.time;
    next.mark = mark.mark;
    if (mark.index !== null && mark.time >= next.indexTime) {
      next.index = mark.index;
      next.indexTime = mark.time;
    }
    if (mark.estimatedSettle !== null) next.estimatedSettle = mark.estimatedSettle;
    if (mark.fundingRate !== null) next.fundingRate = mark.fundingRate;
    if (mark.nextFundingTime !== null) next.nextFundingTime = mark.nextFundingTime;
    changed = true;
  }
  if (funding && funding.time >= next.fundingTime) {
    next.fundingTime = funding.time;
    next.fundingRate = funding.fundingRate;
    next.nextFundingRate = funding.nextFundingRate;
    next.settledFundingRate = funding.settledFundingRate;
    next.lastSettlementTime = funding.lastSettlementTime;
    next.nextFundingTime = funding.nextFundingTime;
    Object.assign(next, resolveInterval(registry, next, funding.intervalHours), resolveCaps(registry, next, funding));
    changed = true;
  }
  if (ticker && ticker.time >= next.tickerTime) {
    next.tickerTime = ticker.time;
    next.last = ticker.last;
    next.open24h = ticker.open24h;
    next.quoteVolume24h = ticker.quoteVolume24h;
    changed = true;
  }
  if (top && movesPolled(top.time, next.bookTopTime, top.bid === next.bid && top.ask === next.ask)) {
    next.bookTopTime = top.time;
    next.bid = top.bid;
    next.ask = top.ask;
    changed = true;
  }
  if (interest && movesPolled(interest.time, next.openInterestTime, interest.openInterest === next.openInterest)) {
    next.openInterestTime = interest.time;
    next.openInterest = interest.openInterest;
    changed = true;
  }
  if (!changed) return null;
  if (next.intervalHours === null || next.intervalAssumed) Object.assign(next, resolveInterval(registry, next, null));
  if (newest.streamedAt !== undefined && newest.streamedAt > next.streamedAt) next.streamedAt = newest.streamedAt;
  return withDerived(next);
}
