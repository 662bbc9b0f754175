import type { ExchangeId } from '../domain/exchange';
import { countersAfterFlush, emptyCounters, type IngestCounters } from '../domain/ingestCounters';

/** A row's newest events since the last flush, created empty on first use. */
export function pendingOf<Newest extends object>(pending: Map<string, Newest>, key: string): Newest {
  let newest = pending.get(key);
  if (!newest) {
    newest = {} as Newest;
    pending.set(key, newest);
  }
  return newest;
}

/** What every ingest offers its feeds and its worker. */
export interface Ingest<Event> {
  /**
   * `streamedAt`: when the stream frame they came in was current (local ms), which is when it
   * arrived unless it waited in a backlog (VenueClocks.guard dates those); a REST answer gives
   * none, and is no sign that the row's stream is alive.
   */
  push(events: readonly Event[], streamedAt?: number): void;
  /** The counters as of the last flush: a new object after each flush that moved them. */
  counters(): IngestCounters;
  reject(exchange: ExchangeId, count: number): void;
  /** Counts snapshot pushes a newer one replaced before they were read. */
  countCoalesced(count: number): void;
  flushNow(): void;
}

/** An ingest's counts since its last flush, and the counters they add up to. */
export class IngestTally {
  coalesced = 0;
  readonly rejected: Record<ExchangeId, number> = { binance: 0, okx: 0 };
  private published = emptyCounters();

  constructor(private readonly requestFlush: () => void) {}

  readonly reject = (exchange: ExchangeId, count: number): void => {
    if (count <= 0) return;
    this.rejected[exchange] += count;
    this.requestFlush();
  };

  readonly countCoalesced = (count: number): void => {
    if (count <= 0) return;
    this.coalesced += count;
    this.requestFlush();
  };

  /** Ends a flush that wrote `applied` rows. */
  publish(applied: number): void {
    this.published = countersAfterFlush(this.published, this.rejected, this.coalesced, applied);
    this.coalesced = 0;
  }

  readonly counters = (): IngestCounters => this.published;
}
