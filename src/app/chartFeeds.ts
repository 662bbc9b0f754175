import { DEFAULT_BACKOFF } from '../connection/backoff';
import { RequestPacer } from '../connection/requestPacer';
import { startRestSource } from '../connection/restSource';
import { realScheduler } from '../connection/scheduler';
import { endpoints, okxRegionEndpoints } from '../config/buildEndpoints';
import type { ChartInterval } from '../domain/candles';
import type { FundingHistory } from '../domain/fundingHistory';
import { perpKey, type PerpRow } from '../domain/perp';
import { loadFundingHistory, loadMarkIndexHistory, type HistoryTarget, type MarkIndexHistory, type RestBases } from '../feeds/chartHistory';
import { FUNDING_HISTORY_RATE } from '../feeds/okx/fundingHistoryPages';
import { useOkxRegionStore } from '../store/okxRegionStore';
import { usePerpStore } from '../store/perpStore';

export type { HistoryTarget, MarkIndexHistory } from '../feeds/chartHistory';

/** Where a REST load stands: what the view shows while history is loading or retrying. */
export interface LoadState {
  state: 'loading' | 'ok' | 'failed';
  detail: string | null;
  retryAt: number | null;
}

/** Read at each load, so a retry after the trader switched OKX region asks the new region's host. */
const restBases = (): RestBases => ({
  binance: endpoints.VITE_BINANCE_FUTURES_REST,
  okx: okxRegionEndpoints(useOkxRegionStore.getState().region).rest,
});
export const FUNDING_HISTORY_DAYS = 30;
/** A history cut short by a failed page is asked for again after this long; the short one stays shown meanwhile. */
const SHORT_HISTORY_RETRY_MS = 60_000;
const fundingPacer = new RequestPacer(FUNDING_HISTORY_RATE.requests, FUNDING_HISTORY_RATE.windowMs, realScheduler);

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

/** The last 30 days of realised funding, retried with backoff until it loads, and again while a failure left it short. */
export function loadRecentFunding(target: HistoryTarget, onState: (state: LoadState) => void, onValue: (history: FundingHistory) => void): () => void {
  return startRestSource({
    ...restOptions,
    load: (fetchImpl) =>
      loadFundingHistory({ fetch: fetchImpl, scheduler: realScheduler, random: Math.random, pacer: fundingPacer }, restBases(), target, Date.now(), FUNDING_HISTORY_DAYS),
    refreshMs: (history) => (history.shortfall?.cause === 'failed' ? SHORT_HISTORY_RETRY_MS : null),
    onValue,
    onState,
  });
}
