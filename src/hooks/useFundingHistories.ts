import { useEffect, useMemo, useRef } from 'react';
import { wantFundingHistory, type HistoryContract } from '../app/fundingHistory/fundingHistories';
import { contractFunding } from '../app/fundingHistory/spans';
import type { ContractFunding } from '../domain/fundingStats';
import { perpKey } from '../domain/perp';
import { Handover } from '../lib/once';
import {
  refusalAmong,
  selectContractHistory,
  selectHistoryStorage,
  selectHistoryTotals,
  selectLoadedPairs,
  selectRefusedPairs,
  useFundingHistoryStore,
  type ContractHistory,
  type HistoryStorage,
  type HistoryTotals,
} from '../store/fundingHistoryStore';

/**
 * Keeps these contracts' funding history loaded, and topped up after each settlement, while the
 * view is mounted; a new list (the rows in view changed) asks for it first.
 */
export function useFundingHistories(contracts: readonly HistoryContract[]): void {
  const signature = contracts.map((contract) => perpKey(contract.exchange, contract.symbol)).join(' ');
  // The list as it was when its contracts last changed: a new array of the same contracts asks nothing again.
  const asked = useMemo(() => contracts, [signature]);
  // The new list is asked before the old one is let go: a contract on both is not dropped and loaded again.
  const handover = useRef(new Handover());
  useEffect(() => handover.current.pass(() => (asked.length === 0 ? null : wantFundingHistory(asked))), [asked]);
  useEffect(() => () => handover.current.release(), []);
}

/** One contract's entry (status, why it failed, what is held); undefined while no view asks for it. */
export function useContractHistory(key: string): ContractHistory | undefined {
  return useFundingHistoryStore(selectContractHistory(key));
}

/** A contract's settlements annualised for the statistics (`fundingWindows`, `rateStanding`, `pairSpreadStats`), or null before any are held. */
export function useContractFunding(key: string, currentIntervalHours: number): ContractFunding | null {
  const span = useContractHistory(key)?.span ?? null;
  return useMemo(() => span && contractFunding(span, currentIntervalHours), [span, currentIntervalHours]);
}

export interface HistoryProgress {
  /** Pairs whose two legs are both loaded (or refused), of `pairs`: "history 34 of 120 pairs". */
  loadedPairs: number;
  pairs: number;
  /** Of `pairs`, those with a leg refused: their spread has no history. */
  refusedPairs: number;
  /** Why a leg's history is refused, as the loader says it; null when none is. */
  refusal: string | null;
  totals: HistoryTotals;
}

/** Pairs as [long key, short key]. */
export function useHistoryProgress(pairs: readonly (readonly [string, string])[]): HistoryProgress {
  const loadedPairs = useFundingHistoryStore(useMemo(() => selectLoadedPairs(pairs), [pairs]));
  const refusedPairs = useFundingHistoryStore(useMemo(() => selectRefusedPairs(pairs), [pairs]));
  const refusal = useFundingHistoryStore((state) => refusalAmong(state.contracts, pairs.flat()));
  const totals = useFundingHistoryStore(selectHistoryTotals);
  return { loadedPairs, pairs: pairs.length, refusedPairs, refusal, totals };
}

/** How far the page's history queues have come over every contract some view asks for. */
export function useHistoryTotals(): HistoryTotals {
  return useFundingHistoryStore(selectHistoryTotals);
}

/** Where the history is kept: a view says so when it is this visit's memory only. */
export function useHistoryStorage(): HistoryStorage {
  return useFundingHistoryStore(selectHistoryStorage);
}
