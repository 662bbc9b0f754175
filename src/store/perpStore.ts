import { create } from 'zustand';
import { emptyCounters, type IngestCounters } from '../domain/ingestCounters';
import type { PerpQuote } from '../domain/perp';

export interface PerpState {
  quotes: Record<string, PerpQuote>;
  counters: IngestCounters;
}

export const usePerpStore = create<PerpState>()(() => ({
  quotes: {},
  counters: emptyCounters(),
}));
