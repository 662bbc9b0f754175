import type { HttpReply } from '../connection/restSource';
import type { FundingSettlement } from '../domain/fundingHistory';

/** One GET through whatever paces and pauses a venue's history requests. */
export type HistoryRequest = (url: string) => Promise<HttpReply>;

/** No venue settles less often: a stretch of coverage longer than this without a settlement means the contract did not exist yet. */
export const LONGEST_INTERVAL_MS = 8 * 3_600_000;

/**
 * A venue may publish a settlement a little after its time: an answer proves nothing missing only
 * up to this long before it came, or up to its newest settlement when that is later.
 */
export const PUBLISH_LAG_MS = 5 * 60_000;

/** What to fill: the settlements after `from`, up to `to` (inclusive), or up to now when `to` is null. */
export interface SettlementWindow {
  from: number;
  to: number | null;
}

/** A rate limit the venue answered, in words, and how long it asked to wait when it said. */
export interface RateLimited {
  detail: string;
  retryAfterMs: number | null;
}

/**
 * What a run of pages proved: every settlement in (`coveredFrom`, `coveredTo`] is in `settlements`
 * (oldest first). A run stopped by a failure covers what its answered pages do, and says why it stopped.
 */
export interface SettlementFill {
  settlements: FundingSettlement[];
  coveredFrom: number;
  coveredTo: number;
  failure: { detail: string; limited: RateLimited | null } | null;
}

/** Up to `to`, or when open-ended, up to the newest settlement or a publishing lag before the answer, whichever is later. */
export function coveredUntil(window: SettlementWindow, settlements: readonly FundingSettlement[], answeredAt: number): number {
  return window.to ?? Math.max(window.from, settlements.at(-1)?.time ?? window.from, answeredAt - PUBLISH_LAG_MS);
}
