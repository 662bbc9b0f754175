import { create } from 'zustand';
import { emptyCounters, type IngestCounters } from '../domain/ingestCounters';
import type { PerpQuote } from '../domain/perp';

export interface PerpetualState {
  quotes: Record<string, PerpQuote>;
  counters: IngestCounters;
}

export const usePerpetualStore = create<PerpetualState>()(() => ({
  quotes: {},
  counters: emptyCounters(),
}));
