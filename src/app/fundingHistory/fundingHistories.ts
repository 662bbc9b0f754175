import { browserStorage } from '../browserStorage';
import { storedLedger } from '../storedLedger';
import { realScheduler } from '../../connection/scheduler';
import { useFundingHistoryStore } from '../../store/fundingHistoryStore';
import { usePerpStore } from '../../store/perpStore';
import { restBases } from '../restBases';
import { FundingHistoryLoader, type HistoryContract } from './fundingHistoryLoader';
import { openSettlementCache } from './settlementCache';
import { NO_HINT, type FundingHint } from './spans';

export type { HistoryContract } from './fundingHistoryLoader';

function hintOf(key: string): FundingHint {
  const row = usePerpStore.getState().rows[key];
  return row ? { nextFundingTime: row.nextFundingTime, intervalHours: row.intervalHours } : NO_HINT;
}

let loader: FundingHistoryLoader | null = null;

/** The page's one loader, made at its first use: every view's history shares its cache, queues and budgets. */
function pageLoader(): FundingHistoryLoader {
  if (loader) return loader;
  const made = new FundingHistoryLoader({
    store: useFundingHistoryStore,
    openCache: openSettlementCache,
    fetch: (input, init) => fetch(input, init),
    scheduler: realScheduler,
    random: Math.random,
    restBases,
    hintOf,
    binanceBudgetLedger: storedLedger(browserStorage(), 'binance-funding-history'),
  });
  // Back online, waiting out a failure's backoff only hides that the network is back.
  window.addEventListener('online', () => made.retryFailedNow());
  loader = made;
  return made;
}

/**
 * Keeps these contracts' funding history loaded, cached and topped up after each settlement until
 * the returned release; progress and settlements are in `useFundingHistoryStore`.
 */
export function wantFundingHistory(contracts: readonly HistoryContract[]): () => void {
  return pageLoader().want(contracts);
}
