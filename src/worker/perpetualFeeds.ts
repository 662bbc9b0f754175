import { endpoints } from '../config/endpoints';
import { startBinancePerpFeed } from '../feeds/binance/perpFeed';
import { startOkxPerpFeed } from '../feeds/okx/perpFeed';
import type { PerpFeedDeps } from '../feeds/perpFeedDeps';
import { appEndpoints } from './endpoints';
import { refCounted } from './refCounted';

/** Both exchanges' perpetual feeds, started for the first user and stopped after the last leaves. */
export function perpetualFeeds(deps: PerpFeedDeps): () => () => void {
  return refCounted(() => {
    const stops = [
      startBinancePerpFeed(deps, appEndpoints.binanceFutures, endpoints.VITE_BINANCE_FUTURES_REST),
      startOkxPerpFeed(deps, appEndpoints.okxPublic, endpoints.VITE_OKX_REST),
    ];
    return () => stops.forEach((stop) => stop());
  });
}
