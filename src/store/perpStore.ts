import { create } from 'zustand';
import { emptyCounters, type IngestCounters } from '../domain/ingestCounters';
import type { PerpRow } from '../domain/perp';

export interface PerpState {
  rows: Record<string, PerpRow>;
  counters: IngestCounters;
}

export const usePerpStore = create<PerpState>()(() => ({
  rows: {},
  counters: emptyCounters(),
}));
