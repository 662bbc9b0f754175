import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { followMarkIndex, loadRecentFunding, type HistoryTarget, type LoadState, type MarkIndexSink } from '../app/chartFeeds';
import type { ChartInterval } from '../domain/candles';
import type { FundingHistory } from '../domain/fundingHistory';

const LOADING: LoadState = { state: 'loading', detail: null, retryAt: null };

/** A retry of a failed load is still a failure until it succeeds: the notice must not blink to "Loading…" on every try. */
function keepFailureWhileRetrying(setState: Dispatch<SetStateAction<LoadState>>): (next: LoadState) => void {
  return (next) => setState((previous) => (next.state === 'loading' && previous.state === 'failed' ? previous : next));
}

/**
 * Feeds a chart while it is mounted: live ticks, and history behind them. Returns where the
 * history load stands. `sink` is the chart; nothing starts until it exists, and everything stops
 * when it, the target or the interval changes.
 */
export function useMarkIndexFeed(target: HistoryTarget | null, interval: ChartInterval, sink: Omit<MarkIndexSink, 'onState'> | null): LoadState {
  const [state, setState] = useState<LoadState>(LOADING);
  const exchange = target?.exchange;
  const symbol = target?.symbol;
  const indexId = target?.indexId ?? null;
  useEffect(() => {
    if (!sink || !exchange || !symbol) return;
    setState(LOADING);
    return followMarkIndex({ exchange, symbol, indexId }, interval, { ...sink, onState: keepFailureWhileRetrying(setState) });
  }, [sink, exchange, symbol, indexId, interval]);
  return state;
}

/**
 * How many settlements the page has seen pass: the next funding time moving on from a known one.
 * The first one to arrive is no settlement, so a row whose funding lands after the chart opened
 * does not load its history twice.
 */
function useSettlementsSeen(nextFundingTime: number | null): number {
  const [seen, setSeen] = useState({ nextFundingTime, count: 0 });
  if (nextFundingTime !== null && nextFundingTime !== seen.nextFundingTime) {
    setSeen({ nextFundingTime, count: seen.nextFundingTime === null ? seen.count : seen.count + 1 });
  }
  return seen.count;
}

/** The last 30 days of realised funding for a perpetual, loaded again after each settlement with the new bar. */
export function useFundingHistory(target: HistoryTarget | null, nextFundingTime: number | null): { state: LoadState; history: FundingHistory | null } {
  const settlementKey = useSettlementsSeen(nextFundingTime);
  const [state, setState] = useState<LoadState>(LOADING);
  const [history, setHistory] = useState<FundingHistory | null>(null);
  const exchange = target?.exchange;
  const symbol = target?.symbol;
  useEffect(() => {
    if (!exchange || !symbol) return;
    setState(LOADING);
    return loadRecentFunding({ exchange, symbol, indexId: null }, keepFailureWhileRetrying(setState), setHistory);
  }, [exchange, symbol, settlementKey]);
  useEffect(() => setHistory(null), [exchange, symbol]);
  return { state, history };
}
