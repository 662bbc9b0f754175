import { datedFutureKey, type DatedFutureInstrument, type DatedFutureRow } from '../domain/datedFuture';
import type { DatedFutureEvent, DatedFutureMarkEvent, DatedFuturesClosedEvent } from '../domain/datedFutureEvents';
import type { PerpIndexEvent } from '../domain/perpEvents';
import { IngestTally, type Ingest } from './batching';
import type { RowTable } from './rowTable';

export interface DatedFutureIngestOptions {
  rows: RowTable<DatedFutureRow>;
  /** Asks for the flush to run later, once however often it is asked: at its worker's next tick (TICK_MS). */
  schedule: (flush: () => void) => void;
  now: () => number;
}

export type DatedFutureIngest = Ingest<DatedFutureEvent>;

interface PendingMark {
  event: DatedFutureMarkEvent;
  streamedAt: number | undefined;
}

function emptyRow({ exchange, symbol, coin, margin, expiry, indexId }: DatedFutureInstrument): DatedFutureRow {
  return { exchange, symbol, coin, margin, expiry, indexId, key: datedFutureKey(exchange, symbol), mark: null, index: null, markTime: 0, indexTime: 0, streamedAt: 0 };
}

/**
 * The dated futures of the coins a page follows, one row each: the newest mark per future and the
 * newest index per OKX index are kept between flushes. Rows leave at delivery, and when their
 * coin's feed stops.
 */
export function createDatedFutureIngest(options: DatedFutureIngestOptions): DatedFutureIngest {
  const { rows } = options;
  let marks = new Map<string, PendingMark>();
  let indexes = new Map<string, PerpIndexEvent>();
  let closed: DatedFuturesClosedEvent[] = [];
  const schedule = (): void => options.schedule(flush);
  const tally = new IngestTally(schedule);
  /** The newest index seen per index id, for a future whose row appears after its index arrived. */
  const latestIndex = new Map<string, PerpIndexEvent>();

  function push(events: readonly DatedFutureEvent[], streamedAt?: number): void {
    for (const event of events) {
      if (event.kind === 'mark') {
        const key = datedFutureKey(event.exchange, event.symbol);
        const previous = marks.get(key);
        if (previous) tally.coalesced++;
        if (!previous || event.time >= previous.event.time) marks.set(key, { event, streamedAt });
      } else if (event.kind === 'index') {
        const previous = indexes.get(event.indexId);
        if (previous) tally.coalesced++;
        if (!previous || event.time >= previous.time) indexes.set(event.indexId, event);
      } else {
        // Marks still waiting from before the feed stopped must not bring its rows back.
        for (const [key, { event: mark }] of marks) if (mark.exchange === event.exchange && mark.coin === event.coin) marks.delete(key);
        closed.push(event);
      }
    }
    if (events.length > 0) schedule();
  }

  const withIndex = (row: DatedFutureRow, index: PerpIndexEvent | undefined): DatedFutureRow =>
    index && index.time >= row.indexTime ? { ...row, index: index.index, indexTime: index.time } : row;

  function flush(): void {
    const now = options.now();
    let applied = 0;
    for (const event of closed) {
      for (const row of [...rows.values()]) if (row.exchange === event.exchange && row.coin === event.coin) rows.delete(row.key);
    }
    for (const index of indexes.values()) latestIndex.set(index.indexId, index);

    for (const [key, { event, streamedAt }] of marks) {
      // A late push for a delivered future must not bring its row back.
      if (event.expiry <= now) continue;
      const previous = rows.get(key) ?? emptyRow(event);
      if (event.time < previous.markTime) continue;
      let next: DatedFutureRow = { ...previous, mark: event.mark, markTime: event.time, streamedAt: Math.max(previous.streamedAt, streamedAt ?? 0) };
      if (event.index !== null) next = { ...next, index: event.index, indexTime: event.time };
      else if (event.indexId !== null) next = withIndex(next, latestIndex.get(event.indexId));
      rows.set(next);
      applied++;
    }
    if (indexes.size > 0) {
      for (const row of [...rows.values()]) {
        if (row.indexId === null || marks.has(row.key)) continue;
        const next = withIndex(row, indexes.get(row.indexId));
        if (next !== row) {
          rows.set(next);
          applied++;
        }
      }
    }
    for (const row of [...rows.values()]) if (row.expiry <= now) rows.delete(row.key);

    marks = new Map();
    indexes = new Map();
    closed = [];
    tally.publish(applied);
  }

  return { push, counters: tally.counters, reject: tally.reject, countCoalesced: tally.countCoalesced, flushNow: flush };
}
