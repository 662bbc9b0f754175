import { create } from 'zustand';
import type { ExchangeId } from '../domain/exchange';
import type { FundingSettlement } from '../domain/fundingHistory';

/** What the page holds of a contract's funding: every settlement in (`coveredFrom`, `coveredTo`], oldest first. */
export interface SettlementSpan {
  settlements: readonly FundingSettlement[];
  coveredFrom: number;
  coveredTo: number;
}

/**
 * queued: waiting its turn in its venue's queue; loading: read from the cache or asked of the venue;
 * loaded: held as deep as asked; refused: never asked for, as the page cannot reach where the venue serves it.
 */
export type HistoryStatus = 'queued' | 'loading' | 'loaded' | 'failed' | 'refused';

/** One asked-for contract's history; replaced, never mutated, on change. */
export interface ContractHistory {
  status: HistoryStatus;
  /** Why the newest try failed, or why it is refused; null unless failed or refused. */
  detail: string | null;
  /** When it is tried again (local ms); null unless failed. */
  retryAt: number | null;
  /** What is held so far, from the cache or the venue (a failed one may hold part); null before anything is. */
  span: SettlementSpan | null;
}

export interface HistoryTotals {
  contracts: number;
  loaded: number;
  loading: number;
  queued: number;
  failed: number;
  refused: number;
}

/** Where settlements are kept: IndexedDB across visits, or this page's memory only (and why). */
export type HistoryStorage = { state: 'opening' } | { state: 'persistent' } | { state: 'memory'; detail: string };

/** A venue's history queue waiting out a rate limit (until local ms). */
export interface VenuePause {
  until: number;
  detail: string;
}

export interface FundingHistoryState {
  /** The contracts some view asks for, by `exchange:symbol`; a contract no view asks for any longer leaves. */
  contracts: Record<string, ContractHistory>;
  totals: HistoryTotals;
  storage: HistoryStorage;
  pauses: Record<ExchangeId, VenuePause | null>;
}

function totalsOf(contracts: Record<string, ContractHistory>): HistoryTotals {
  const totals: HistoryTotals = { contracts: 0, loaded: 0, loading: 0, queued: 0, failed: 0, refused: 0 };
  for (const entry of Object.values(contracts)) {
    totals.contracts++;
    totals[entry.status]++;
  }
  return totals;
}

export function initialFundingHistoryState(): FundingHistoryState {
  return { contracts: {}, totals: totalsOf({}), storage: { state: 'opening' }, pauses: { binance: null, okx: null } };
}

/** A store of its own per loader: the page has one, each test its own. */
export function createFundingHistoryStore() {
  return create<FundingHistoryState>()(() => initialFundingHistoryState());
}

export type FundingHistoryStore = ReturnType<typeof createFundingHistoryStore>;

export const useFundingHistoryStore = createFundingHistoryStore();

/** Entries replaced (or, as null, removed) in one store change. */
export function applyContractChanges(store: FundingHistoryStore, changes: ReadonlyMap<string, ContractHistory | null>): void {
  if (changes.size === 0) return;
  store.setState((state) => {
    const contracts = { ...state.contracts };
    for (const [key, entry] of changes) {
      if (entry) contracts[key] = entry;
      else delete contracts[key];
    }
    return { contracts, totals: totalsOf(contracts) };
  });
}

export const selectContractHistory =
  (key: string) =>
  (state: FundingHistoryState): ContractHistory | undefined =>
    state.contracts[key];

export const selectHistoryTotals = (state: FundingHistoryState): HistoryTotals => state.totals;

export const selectHistoryStorage = (state: FundingHistoryState): HistoryStorage => state.storage;

/** Nothing more is coming for a contract loaded or refused. */
export function holdsAll(entry: ContractHistory | undefined): boolean {
  return entry?.status === 'loaded' || entry?.status === 'refused';
}

/** A pair is loaded when both legs hold all they will: "history 34 of 120 pairs" reaches 120 even with a refused leg among them. */
export function loadedPairs(contracts: Record<string, ContractHistory>, pairs: readonly (readonly [string, string])[]): number {
  let loaded = 0;
  for (const [long, short] of pairs) if (holdsAll(contracts[long]) && holdsAll(contracts[short])) loaded++;
  return loaded;
}

export const selectLoadedPairs =
  (pairs: readonly (readonly [string, string])[]) =>
  (state: FundingHistoryState): number =>
    loadedPairs(state.contracts, pairs);

/** Pairs with a leg whose history is refused: a view says they have no spread history, and why. */
export function refusedPairs(contracts: Record<string, ContractHistory>, pairs: readonly (readonly [string, string])[]): number {
  let refused = 0;
  for (const [long, short] of pairs) if (contracts[long]?.status === 'refused' || contracts[short]?.status === 'refused') refused++;
  return refused;
}

/** Why the first of these contracts whose history is refused is refused (the venue's reason, said once); null when none is. */
export function refusalAmong(contracts: Record<string, ContractHistory>, keys: Iterable<string>): string | null {
  for (const key of keys) {
    const entry = contracts[key];
    if (entry?.status === 'refused') return entry.detail;
  }
  return null;
}

export const selectRefusedPairs =
  (pairs: readonly (readonly [string, string])[]) =>
  (state: FundingHistoryState): number =>
    refusedPairs(state.contracts, pairs);
