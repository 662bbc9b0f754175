import { create } from 'zustand';
import type { DatedFutureRow } from '../domain/datedFuture';
import { emptyCounters, type IngestCounters } from '../domain/ingestCounters';

export interface DatedFutureState {
  /** By row key (`binance:BTCUSDT_261225`, `okx:BTC-USD-261225`): only the coins a view follows. */
  rows: Readonly<Record<string, DatedFutureRow>>;
  counters: IngestCounters;
}

export const useDatedFutureStore = create<DatedFutureState>()(() => ({
  rows: {},
  counters: emptyCounters(),
}));
