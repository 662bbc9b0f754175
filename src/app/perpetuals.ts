import { realScheduler } from '../connection/scheduler';
import { endpoints } from '../config/endpoints';
import { instrumentFromSymbol } from '../feeds/binance/parse';
import { startBinancePerpFeed } from '../feeds/binance/perpFeed';
import { instrumentFromSwapId } from '../feeds/okx/parse';
import { startOkxPerpFeed } from '../feeds/okx/perpFeed';
import type { PerpFeedDeps } from '../feeds/perpFeedDeps';
import { createPerpIngest } from '../store/perpIngest';
import { usePerpetualStore } from '../store/perpetualStore';
import { useSourceStatusStore } from '../store/sourceStatusStore';
import { appEndpoints, hub } from './connections';

export const perpIngest = createPerpIngest({
  store: usePerpetualStore,
  schedule: (flush) => requestAnimationFrame(flush),
  now: () => Date.now(),
  instrumentFromSymbol: {
    binance: (symbol) => ({ kind: 'instrument', ...instrumentFromSymbol(symbol), indexId: null, listed: true }),
    okx: instrumentFromSwapId,
  },
});

const deps: PerpFeedDeps = {
  hub,
  ingest: perpIngest,
  fetch: (input, init) => fetch(input, init),
  scheduler: realScheduler,
  random: Math.random,
  reportSource: (status) => useSourceStatusStore.getState().report(status),
};

let users = 0;
let stopFeeds: (() => void) | null = null;

/** Starts both exchanges' perpetual feeds for the first user and stops them after the last leaves. */
export function acquirePerpetualFeeds(): () => void {
  users++;
  if (users === 1) {
    const stops = [
      startBinancePerpFeed(deps, appEndpoints.binanceFutures, endpoints.VITE_BINANCE_FUTURES_REST),
      startOkxPerpFeed(deps, appEndpoints.okxPublic),
    ];
    stopFeeds = () => stops.forEach((stop) => stop());
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    users--;
    if (users === 0) {
      stopFeeds?.();
      stopFeeds = null;
    }
  };
}
