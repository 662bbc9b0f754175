import { patchOf } from './batching';

/**
 * How often rows no view shows are applied: an option of an expiry other than the one on screen,
 * a perpetual when the view on screen shows only a few. Streams carry every row whatever the view
 * (Binance's option stream every expiry of an underlying, the perpetual feeds every market), and
 * each row applied is flushed, put in a batch, sent and applied again on the page: holding the
 * unshown ones cut the Binance worker's tick on the options and chart views (bench/decisions.md).
 */
export const HELD_FLUSH_MS = 1000;

/**
 * Pending row patches of an ingest, some held back: a flush may keep a row's patch instead of
 * applying it, and then the row's newer events merge into that same patch until a flush at least
 * HELD_FLUSH_MS after the last due one applies everything held. Which rows wait is the ingest's
 * call (it knows what views show); this only keeps them and says when they are due.
 */
export class HeldPatches<Patch extends object> {
  private held = new Map<string, Patch>();
  private dueAt = 0;
  private due = false;

  /** The patch a row's next event merges into: the held one while the row waits, else its pending one (created empty). */
  patchFor(pending: Map<string, Patch>, key: string): Patch {
    return this.held.get(key) ?? patchOf(pending, key);
  }

  /**
   * Starts a flush at `now`: the patches it goes through, the held ones too when they are due.
   * While they are not, `mayHold` is true and the flush may `keep` a patch for later.
   */
  begin(pending: Map<string, Patch>, now: number): { patches: Iterable<[string, Patch]>; mayHold: boolean } {
    this.due = this.isDue(now);
    if (!this.due) return { patches: pending, mayHold: true };
    if (this.held.size === 0) return { patches: pending, mayHold: false };
    const patches = [...this.held, ...pending];
    this.held = new Map();
    return { patches, mayHold: false };
  }

  /** During a flush that may hold: this row's patch waits for a later flush, taking the row's next events. */
  keep(key: string, patch: Patch): void {
    this.held.set(key, patch);
  }

  /** Ends the flush begun at `now`; true when patches are still held (the ingest then schedules another flush). */
  end(now: number): boolean {
    if (this.due) this.dueAt = now + HELD_FLUSH_MS;
    return this.held.size > 0;
  }

  /** Whether a flush at `now` applies everything held. */
  isDue(now: number): boolean {
    return now >= this.dueAt;
  }

  /** What views show changed: everything held is due at the next flush, not up to a second later. */
  makeDue(): void {
    this.dueAt = 0;
  }
}
