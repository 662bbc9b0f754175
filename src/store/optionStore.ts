import { create } from 'zustand';
import type { ExchangeId } from '../domain/exchange';
import type { OptionRow } from '../domain/option';
import { emptyCounters, type IngestCounters } from '../domain/ingestCounters';

/** One chain's options (an exchange's underlying or family), by option key. */
export type OptionChainRows = Readonly<Record<string, OptionRow>>;

export interface OptionState {
  /** By chain key (`binance:BTCUSDT`, `okx:BTC-USD`): a chain's record changes only when one of its options does. */
  chains: Readonly<Record<string, OptionChainRows>>;
  /** Chains each exchange lists, as its catalog says (kept even before any option of one arrived). */
  underlyings: Readonly<Record<ExchangeId, readonly string[]>>;
  counters: IngestCounters;
}

export const useOptionStore = create<OptionState>()(() => ({
  chains: {},
  underlyings: { binance: [], okx: [] },
  counters: emptyCounters(),
}));
