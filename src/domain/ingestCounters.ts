import type { ExchangeId } from './exchange';

export interface IngestCounters {
  /** Items refused at the edge (bad numbers, missing fields, unknown symbols), per exchange. */
  rejected: Record<ExchangeId, number>;
  /** Updates replaced by a newer one for the same row before they were applied (load shedding). */
  coalesced: number;
  /** Row writes an ingest applied to its row table. */
  applied: number;
}

export const emptyCounters = (): IngestCounters => ({ rejected: { binance: 0, okx: 0 }, coalesced: 0, applied: 0 });

/**
 * The counters after a flush that applied `applied` updates and coalesced `coalesced`, with
 * `rejected` the running refusals: the same object when nothing moved, so the worker, which
 * sends counters when they are a new object, sends nothing for a flush that changed nothing.
 */
export function countersAfterFlush(
  counters: IngestCounters,
  rejected: Readonly<Record<ExchangeId, number>>,
  coalesced: number,
  applied: number,
): IngestCounters {
  if (coalesced === 0 && applied === 0 && rejected.binance === counters.rejected.binance && rejected.okx === counters.rejected.okx) {
    return counters;
  }
  return { rejected: { ...rejected }, coalesced: counters.coalesced + coalesced, applied: counters.applied + applied };
}

/** Counters of several ingests (one per worker) added up. */
export function sumCounters(all: readonly IngestCounters[]): IngestCounters {
  const total = emptyCounters();
  for (const counters of all) {
    total.rejected.binance += counters.rejected.binance;
    total.rejected.okx += counters.rejected.okx;
    total.coalesced += counters.coalesced;
    total.applied += counters.applied;
  }
  return total;
}
