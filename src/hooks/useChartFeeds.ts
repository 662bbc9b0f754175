import { useEffect, useState } from 'react';
import { followMarkIndex, loadRecentFunding, type HistoryTarget, type LoadState, type MarkIndexSink } from '../app/chartFeeds';
import type { ChartInterval } from '../domain/candles';
import type { FundingSettlement } from '../domain/fundingHistory';

const LOADING: LoadState = { state: 'loading', detail: null, retryAt: null };

/**
 * Feeds a chart while it is mounted: history, then live ticks. Returns where the history load
 * stands. `sink` is the chart; nothing starts until it exists, and everything stops when it, the
 * target or the interval changes.
 */
export function useMarkIndexFeed(target: HistoryTarget | null, interval: ChartInterval, sink: Omit<MarkIndexSink, 'onState'> | null): LoadState {
  const [state, setState] = useState<LoadState>(LOADING);
  const exchange = target?.exchange;
  const symbol = target?.symbol;
  const indexId = target?.indexId ?? null;
  useEffect(() => {
    if (!sink || !exchange || !symbol) return;
    setState(LOADING);
    return followMarkIndex({ exchange, symbol, indexId }, interval, { ...sink, onState: setState });
  }, [sink, exchange, symbol, indexId, interval]);
  return state;
}

/**
 * The last 30 days of realised funding for a perpetual. `settlementKey` changes at each
 * settlement (the next funding time moves on), which reloads the history with the new bar.
 */
export function useFundingHistory(target: HistoryTarget | null, settlementKey: number | null): { state: LoadState; settlements: FundingSettlement[] | null } {
  const [state, setState] = useState<LoadState>(LOADING);
  const [settlements, setSettlements] = useState<FundingSettlement[] | null>(null);
  const exchange = target?.exchange;
  const symbol = target?.symbol;
  useEffect(() => {
    if (!exchange || !symbol) return;
    return loadRecentFunding({ exchange, symbol, indexId: null }, setState, setSettlements);
  }, [exchange, symbol, settlementKey]);
  useEffect(() => setSettlements(null), [exchange, symbol]);
  return { state, settlements };
}
