import type { ExchangeId } from '../domain/exchange';

/** The least lag is kept over the current and the previous window of this length, so a step of the local clock heals. */
const WINDOW_MS = 30_000;

interface Lag {
  least: number;
  windowLeast: number;
  windowStart: number;
}

/**
 * Per exchange, how far the local clock reads behind the venue's for a push that arrives on time:
 * the least (local − venue time) seen lately. A push whose lag is larger came late, as a backlog
 * queued while the worker was frozen does; it is dated when it was current, not when it arrived.
 * Relative to the venue's own stamps, so a skewed local clock does not age fresh pushes.
 */
export class StreamLag {
  private readonly lags: Partial<Record<ExchangeId, Lag>> = {};
  private readonly newest: Partial<Record<ExchangeId, number>> = {};

  /** When the newest push seen for the exchange was current, on the local clock; null before the first. */
  newestCurrentAt(exchange: ExchangeId): number | null {
    return this.newest[exchange] ?? null;
  }

  /** When a push the venue stamped `venueTime` was current, on the local clock: `now` unless it came late. */
  currentAt(exchange: ExchangeId, venueTime: number, now: number): number {
    const lag = now - venueTime;
    let state = this.lags[exchange];
    if (!state) state = this.lags[exchange] = { least: lag, windowLeast: lag, windowStart: now };
    if (now - state.windowStart >= WINDOW_MS) {
      state.least = state.windowLeast;
      state.windowLeast = lag;
      state.windowStart = now;
    }
    state.least = Math.min(state.least, lag);
    state.windowLeast = Math.min(state.windowLeast, lag);
    const current = Math.min(now, venueTime + state.least);
    this.newest[exchange] = Math.max(this.newest[exchange] ?? 0, current);
    return current;
  }
}
