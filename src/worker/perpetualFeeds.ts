import { endpoints } from '../config/endpoints';
import type { ExchangeId } from '../domain/exchange';
import { startBinancePerpFeed } from '../feeds/binance/perpFeed';
import { startOkxPerpFeed } from '../feeds/okx/perpFeed';
import type { PerpFeedDeps } from '../feeds/perpFeedDeps';
import { appEndpoints } from './endpoints';
import { refCounted } from './refCounted';

/** An exchange's perpetual feed, started for its first user and stopped after the last leaves. */
export function perpetualFeeds(deps: PerpFeedDeps): (exchange: ExchangeId) => () => void {
  const byExchange: Record<ExchangeId, () => () => void> = {
    binance: refCounted(() => startBinancePerpFeed(deps, appEndpoints.binanceFutures, endpoints.VITE_BINANCE_FUTURES_REST)),
    okx: refCounted(() => startOkxPerpFeed(deps, appEndpoints.okxPublic, endpoints.VITE_OKX_REST)),
  };
  return (exchange) => byExchange[exchange]();
}
