import { create } from 'zustand';
import type { ExchangeId } from '../domain/exchange';
import type { PerpQuote } from '../domain/perpetual';

export interface IngestCounters {
  /** Items refused at the edge (bad numbers, missing fields, unknown symbols), per exchange. */
  rejected: Record<ExchangeId, number>;
  /** Updates superseded by a newer one for the same row before they were applied (load shedding). */
  coalesced: number;
  /** Row updates applied to the store. */
  applied: number;
}

export const emptyCounters = (): IngestCounters => ({ rejected: { binance: 0, okx: 0 }, coalesced: 0, applied: 0 });

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

export interface PerpetualState {
  quotes: Record<string, PerpQuote>;
  counters: IngestCounters;
}

export const usePerpetualStore = create<PerpetualState>()(() => ({
  quotes: {},
  counters: emptyCounters(),
}));
