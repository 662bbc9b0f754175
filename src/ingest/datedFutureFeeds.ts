import type { ExchangeId } from '../domain/exchange';
import { startBinanceDatedFutures } from '../feeds/binance/datedFutureFeed';
import type { DatedFutureFeedDeps } from '../feeds/datedFutureFeedDeps';
import { startOkxDatedFutures } from '../feeds/okx/datedFutureFeed';
import { refCounted } from '../lib/once';
import type { FeedEndpoints } from './feedEndpoints';

/** One coin's dated futures on an exchange, started for its first user and stopped after the last leaves. */
export function datedFutureFeeds(deps: DatedFutureFeedDeps, endpoints: FeedEndpoints): (exchange: ExchangeId, coin: string) => () => void {
  const byCoin = new Map<string, () => () => void>();
  return (exchange, coin) => {
    const key = `${exchange}:${coin}`;
    let acquire = byCoin.get(key);
    if (!acquire) {
      acquire = refCounted(() =>
        exchange === 'binance'
          ? startBinanceDatedFutures(deps, endpoints.binanceFutures, coin)
          : startOkxDatedFutures(deps, endpoints.okxPublic, endpoints.okxRest, coin),
      );
      byCoin.set(key, acquire);
    }
    return acquire();
  };
}
