import { DEFAULT_BACKOFF } from '../connection/backoff';
import { startRestSource } from '../connection/restSource';
import { realScheduler } from '../connection/scheduler';
import type { ChartInterval } from '../domain/candles';
import type { FundingHistory } from '../domain/fundingHistory';
import { perpKey, type PerpRow } from '../domain/perp';
import { loadMarkIndexHistory, type HistoryTarget, type MarkIndexHistory } from '../feeds/chartHistory';
import { useFundingHistoryStore, type ContractHistory, type SettlementSpan } from '../store/fundingHistoryStore';
import { usePerpStore } from '../store/perpStore';
import { wantFundingHistory } from './fundingHistory/fundingHistories';
import { windowHistory } from './fundingHistory/spans';
import { restBases } from './restBases';

export type { HistoryTarget, MarkIndexHistory } from '../feeds/chartHistory';

/** Where a REST load stands: what the view shows while history is loading or retrying. */
export interface LoadState {
  state: 'loading' | 'ok' | 'failed';
  detail: string | null;
  retryAt: number | null;
}

export const FUNDING_HISTORY_DAYS = 30;
const DAY_MS = 86_400_000;

const restOptions = {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(input, init),
  scheduler: realScheduler,
  random: Math.random,
  backoff: { ...DEFAULT_BACKOFF, capMs: 60_000 },
  refreshMs: null,
};

/**
 * Calls `onTick` with a perpetual's mark and index whenever the store applies a newer one. The
 * store takes the ingest workers' batches, one per tick (TICK_MS) each, so this runs at most that often however
 * fast the feed is.
 */
function followQuote(key: string, onTick: (time: number, mark: number | null, index: number | null) => void): () => void {
  let seenMark = 0;
  let seenIndex = 0;
  const emit = (quote: PerpRow | undefined) => {
    if (!quote || (quote.markTime <= seenMark && quote.indexTime <= seenIndex)) return;
    seenMark = quote.markTime;
    seenIndex = quote.indexTime;
    onTick(Math.max(quote.markTime, quote.indexTime), quote.mark, quote.index);
  };
  emit(usePerpStore.getState().rows[key]);
  return usePerpStore.subscribe((state, previous) => {
    const quote = state.rows[key];
    if (quote !== previous.rows[key]) emit(quote);
  });
}

export interface MarkIndexSink {
  onState: (state: LoadState) => void;
  onHistory: (history: MarkIndexHistory) => void;
  onTick: (time: number, mark: number | null, index: number | null) => void;
}

/**
 * Live ticks from the moment the chart opens, and history (retried with backoff until it loads)
 * behind them: a chart whose history cannot load still draws what the streams bring.
 */
export function followMarkIndex(target: HistoryTarget, interval: ChartInterval, sink: MarkIndexSink): () => void {
  const stopLive = followQuote(perpKey(target.exchange, target.symbol), sink.onTick);
  const stopLoad = startRestSource({
    ...restOptions,
    load: (fetchImpl) => loadMarkIndexHistory(fetchImpl, restBases(), target, interval),
    onValue: sink.onHistory,
    onState: sink.onState,
  });
  return () => {
    stopLoad();
    stopLive();
  };
}

/**
 * The last 30 days of realised funding, from the page's history cache and queue (one budget with
 * every other view's history), told again whenever it changes: each settlement as it lands.
 */
export function loadRecentFunding(target: HistoryTarget, onState: (state: LoadState) => void, onValue: (history: FundingHistory) => void): () => void {
  const key = perpKey(target.exchange, target.symbol);
  const release = wantFundingHistory([{ exchange: target.exchange, symbol: target.symbol }]);
  let told: { span: SettlementSpan | null; failure: string | null } | null = null;
  let stateTold = '';
  const tellState = (state: LoadState) => {
    const said = JSON.stringify(state);
    if (said === stateTold) return;
    stateTold = said;
    onState(state);
  };
  const tell = (entry: ContractHistory | undefined) => {
    if (!entry) return;
    const failure = entry.status === 'failed' ? entry.detail : null;
    const now = Date.now();
    const history = entry.span && windowHistory(entry.span, now - FUNDING_HISTORY_DAYS * DAY_MS, now, failure);
    // A history cut short by a failure says so in its shortfall; one with nothing to show says so as the load's state.
    if (history) {
      if (told?.span !== entry.span || told.failure !== failure) onValue(history);
      told = { span: entry.span, failure };
      tellState({ state: 'ok', detail: null, retryAt: null });
    } else if (entry.status === 'failed' || entry.status === 'refused') tellState({ state: 'failed', detail: entry.detail, retryAt: entry.retryAt });
    else tellState({ state: 'loading', detail: null, retryAt: null });
  };
  tell(useFundingHistoryStore.getState().contracts[key]);
  const stop = useFundingHistoryStore.subscribe((state, previous) => {
    if (state.contracts[key] !== previous.contracts[key]) tell(state.contracts[key]);
  });
  return () => {
    stop();
    release();
  };
}
