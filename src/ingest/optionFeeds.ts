import type { ExchangeId } from '../domain/exchange';
import { chainKey } from '../domain/option';
import { startBinanceOptionCatalog, startBinanceOptionChain } from '../feeds/binance/optionFeed';
import { startOkxOptionCatalog, startOkxOptionChain, type OkxOptionChain } from '../feeds/okx/optionFeed';
import type { OptionFeedDeps } from '../feeds/optionFeedDeps';
import type { FeedEndpoints } from './feedEndpoints';
import { refCounted } from '../lib/once';

export interface OptionFeeds {
  /** An exchange's option list (which chains exist), while any options view is open. */
  acquireCatalog(exchange: ExchangeId): () => void;
  /** One chain's live quotes (a trader reads one chain at a time), while a view shows it. */
  acquireChain(exchange: ExchangeId, underlying: string): () => void;
  /** The chain plus one expiry (ms) a view shows: OKX adds that expiry's marks and books; Binance's stream has every mark. */
  acquireExpiry(exchange: ExchangeId, underlying: string, expiry: number): () => void;
}

export function optionFeeds(deps: OptionFeedDeps, endpoints: FeedEndpoints): OptionFeeds {
  const catalogs: Record<ExchangeId, () => () => void> = {
    binance: refCounted(() => startBinanceOptionCatalog(deps, endpoints.binanceOptionsRest)),
    okx: refCounted(() => startOkxOptionCatalog(deps, endpoints.okxPublic, endpoints.okxRest)),
  };
  const acquireCatalog = (exchange: ExchangeId): (() => void) => catalogs[exchange]();

  const chainFeeds = new Map<string, () => () => void>();
  /** The running OKX chains by family, for following an expiry's marks and books. */
  const okxChains = new Map<string, OkxOptionChain>();

  const startOkxChain = (family: string): (() => void) => {
    const chain = startOkxOptionChain(deps, endpoints.okxPublic, family);
    okxChains.set(family, chain);
    return () => {
      okxChains.delete(family);
      chain.stop();
    };
  };

  const acquireChain = (exchange: ExchangeId, underlying: string): (() => void) => {
    const key = chainKey(exchange, underlying);
    let acquire = chainFeeds.get(key);
    if (!acquire) {
      acquire = refCounted(() =>
        exchange === 'binance' ? startBinanceOptionChain(deps, endpoints.binanceOptions, underlying) : startOkxChain(underlying),
      );
      chainFeeds.set(key, acquire);
    }
    return acquire();
  };

  const acquireExpiry = (exchange: ExchangeId, underlying: string, expiry: number): (() => void) => {
    const releaseChain = acquireChain(exchange, underlying);
    const releaseExpiry = exchange === 'okx' ? okxChains.get(underlying)?.followExpiry(expiry) : undefined;
    return () => {
      releaseExpiry?.();
      releaseChain();
    };
  };

  return { acquireCatalog, acquireChain, acquireExpiry };
}
