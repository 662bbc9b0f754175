import type { BackoffPolicy } from '../../connection/backoff';
import { FUNDING_HISTORY_RATE } from '../../feeds/okx/fundingHistoryPages';

/**
 * Binance counts `fundingRate` and `fundingInfo` together: 500 requests per 5 minutes per IP. The
 * history takes at most 300 of them, counted across every tab and reload of the page (kept in
 * local storage), so every tab's ingest worker (fundingInfo at its start and every 15 minutes) and
 * other clients on the same address keep the rest.
 */
export const BINANCE_HISTORY_BUDGET = { requests: 300, windowMs: 5 * 60_000 } as const;

/** OKX's rule is per instrument (10 per 2 s); across instruments, as much as its busiest public market endpoints allow. */
export const OKX_INSTRUMENT_RATE = FUNDING_HISTORY_RATE;
export const OKX_HISTORY_RATE = { requests: 20, windowMs: 2_000 } as const;

/** Contracts loading at once per venue: the rest wait their turn, so a long list never opens a flood of sockets. */
export const HISTORY_CONCURRENCY = 4;

/**
 * A venue that answered a rate limit pauses its whole queue: at least this long (OKX's window), as
 * long as `Retry-After` or a ban asks, and growing with every limit in a row.
 */
export const VENUE_PAUSE: Record<'binance' | 'okx', { minMs: number; backoff: BackoffPolicy }> = {
  binance: { minMs: 10_000, backoff: { baseMs: 10_000, capMs: 5 * 60_000 } },
  okx: { minMs: OKX_INSTRUMENT_RATE.windowMs, backoff: { baseMs: 2_000, capMs: 30_000 } },
};

/** A contract whose load failed is tried again after this backoff (or its venue's pause, if later). */
export const CONTRACT_RETRY: BackoffPolicy = { baseMs: 5_000, capMs: 5 * 60_000 };

/** A settlement is first asked for this long after its time: venues publish it a moment late. */
export const PUBLISH_WAIT_MS = 20_000;

/** A settlement the venue has not published yet is asked for again at most this often. */
export const TOP_UP_RETRY_MS = 60_000;
