import type { ExchangeId } from '../../domain/exchange';
import { completeHistory, shortHistory, type FundingHistory, type FundingSettlement } from '../../domain/fundingHistory';
import { annualiseHistory, type ContractFunding } from '../../domain/fundingStats';
import { LONGEST_INTERVAL_MS, type SettlementWindow } from '../../feeds/fundingHistoryPages';
import type { SettlementSpan } from '../../store/fundingHistoryStore';
import { PUBLISH_WAIT_MS, TOP_UP_RETRY_MS } from './historyBudget';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How far back a contract's history is kept: the longest window the statistics read. */
export const HISTORY_DAYS = 90;
/** Binance's depth in settlements: one page of 1,000 from the start of the window, with room for the stamps' jitter. */
export const BINANCE_DEPTH_SETTLEMENTS = 960;
/** Venues' settlement stamps run a few ms past the hour: a gap this much over an interval is still that interval. */
const STAMP_SLACK_MS = 60_000;

/** What the page knows of a contract from its row, when it has one. */
export interface FundingHint {
  nextFundingTime: number | null;
  intervalHours: number | null;
}

export const NO_HINT: FundingHint = { nextFundingTime: null, intervalHours: null };

function covers(span: SettlementSpan): boolean {
  return span.coveredTo > span.coveredFrom;
}

/**
 * A span joined with a newer piece: one span when they touch, the piece's settlements winning at a
 * time both hold. Pieces that do not touch cannot be joined without a hole: the newer one is kept.
 * Null when neither covers anything.
 */
export function mergeSpans(held: SettlementSpan | null, piece: SettlementSpan): SettlementSpan | null {
  if (!covers(piece)) return held && covers(held) ? held : null;
  if (!held || !covers(held)) return piece;
  if (piece.coveredFrom > held.coveredTo || held.coveredFrom > piece.coveredTo) return piece.coveredTo >= held.coveredTo ? piece : held;
  const byTime = new Map<number, FundingSettlement>();
  for (const settlement of held.settlements) byTime.set(settlement.time, settlement);
  for (const settlement of piece.settlements) byTime.set(settlement.time, settlement);
  return {
    settlements: [...byTime.values()].sort((a, b) => a.time - b.time),
    coveredFrom: Math.min(held.coveredFrom, piece.coveredFrom),
    coveredTo: Math.max(held.coveredTo, piece.coveredTo),
  };
}

/** The span without what settled at or before `after`: a history kept no deeper than it is read. */
export function trimSpan(span: SettlementSpan, after: number): SettlementSpan {
  if (span.coveredFrom >= after) return span;
  return { settlements: span.settlements.filter((settlement) => settlement.time > after), coveredFrom: after, coveredTo: Math.max(after, span.coveredTo) };
}

/**
 * When the contract's funding began, as far as the span shows: its oldest settlement when the span
 * covers a stretch longer than any interval before it with none (the contract was listed later),
 * else the span's start.
 */
export function fundingBegan(span: SettlementSpan): number {
  const oldest = span.settlements[0];
  if (!oldest) return span.coveredTo;
  return oldest.time - span.coveredFrom > LONGEST_INTERVAL_MS + STAMP_SLACK_MS ? oldest.time : span.coveredFrom;
}

/**
 * The window (`from`, `to`] of a span as the chart reads it: whole, or short with why (listed
 * later; or a failure, named), or null while the span does not reach back yet and nothing failed.
 */
export function windowHistory(span: SettlementSpan, from: number, to: number, failure: string | null): FundingHistory | null {
  if (span.coveredFrom > from) return failure === null ? null : shortHistory(span.settlements, from, to, { cause: 'failed', detail: failure });
  return fundingBegan(span) > from ? shortHistory(span.settlements, from, to, { cause: 'none-earlier' }) : completeHistory(span.settlements, from, to);
}

/** The span as the statistics read it: each settlement annualised by its own interval, covered from when its funding began. */
export function contractFunding(span: SettlementSpan, currentIntervalHours: number): ContractFunding {
  const history: FundingHistory = {
    settlements: [...span.settlements],
    from: span.coveredFrom,
    to: span.coveredTo,
    coveredFrom: fundingBegan(span),
    shortfall: null,
  };
  return annualiseHistory(history, currentIntervalHours);
}

/** The gap between the two newest settlements, in whole hours; null with fewer than two. */
export function newestGapHours(span: SettlementSpan | null): number | null {
  const settlements = span?.settlements ?? [];
  const newest = settlements.at(-1);
  const before = settlements.at(-2);
  if (!newest || !before) return null;
  const hours = Math.round((newest.time - before.time) / HOUR_MS);
  return hours >= 1 ? hours : null;
}

/** The row's interval, else the span's newest gap, else Binance's default of 8 h. */
export function intervalHoursOf(span: SettlementSpan | null, hint: FundingHint): number {
  return hint.intervalHours ?? newestGapHours(span) ?? 8;
}

/** How far back a contract is loaded: 90 days, or on Binance as far as one page reaches at its interval. */
export function depthFrom(exchange: ExchangeId, intervalHours: number, now: number): number {
  const days = HISTORY_DAYS * DAY_MS;
  return now - (exchange === 'binance' ? Math.min(days, BINANCE_DEPTH_SETTLEMENTS * intervalHours * HOUR_MS) : days);
}

/**
 * The newest settlement that should have happened by `now`: from the row's next funding time when
 * it has one, else one interval after the span's newest settlement; null when none is due yet.
 */
export function lastSettlementDue(span: SettlementSpan, hint: FundingHint, now: number): number | null {
  if (hint.nextFundingTime !== null && hint.intervalHours !== null) {
    return hint.nextFundingTime <= now ? hint.nextFundingTime : hint.nextFundingTime - hint.intervalHours * HOUR_MS;
  }
  const newest = span.settlements.at(-1);
  if (!newest) return null;
  const due = newest.time + intervalHoursOf(span, hint) * HOUR_MS;
  return due <= now ? due : null;
}

/**
 * What the venue must be asked for next, or null: everything back to `depth` when nothing usable is
 * held, what lies between `depth` and the span's start, then what settled after its end (from
 * PUBLISH_WAIT_MS after its time, and at most once a TOP_UP_RETRY_MS while the venue has not published it).
 */
export function nextWindow(span: SettlementSpan | null, depth: number, hint: FundingHint, now: number, askedAt: number): SettlementWindow | null {
  if (!span || span.coveredTo < depth) return { from: depth, to: null };
  if (span.coveredFrom > depth) return { from: depth, to: span.coveredFrom };
  const due = lastSettlementDue(span, hint, now);
  if (due === null || due <= span.coveredTo || now < due + PUBLISH_WAIT_MS || now - askedAt < TOP_UP_RETRY_MS) return null;
  return { from: span.coveredTo, to: null };
}

/** A window that only adds what settled after the span: the history is usable meanwhile. */
export function isTopUp(span: SettlementSpan | null, window: SettlementWindow): boolean {
  return span !== null && window.to === null && window.from === span.coveredTo;
}
