import type { ExchangeId } from '../domain/exchange';
import { startBinancePerpFeed } from '../feeds/binance/perpFeed';
import { startOkxPerpFeed } from '../feeds/okx/perpFeed';
import type { PerpFeedDeps } from '../feeds/perpFeedDeps';
import { refCounted } from '../lib/once';
import type { FeedEndpoints } from './feedEndpoints';

/** An exchange's perpetual feed, started for its first user and stopped after the last leaves. */
export function perpFeeds(deps: PerpFeedDeps, endpoints: FeedEndpoints): (exchange: ExchangeId) => () => void {
  const byExchange: Record<ExchangeId, () => () => void> = {
    binance: refCounted(() => startBinancePerpFeed(deps, endpoints.binanceFutures, endpoints.binanceFuturesRest)),
    okx: refCounted(() => startOkxPerpFeed(deps, endpoints.okxPublic, endpoints.okxRest)),
  };
  return (exchange) => byExchange[exchange]();
}
