import { realScheduler } from '../connection/scheduler';
import { endpoints } from '../config/endpoints';
import type { ExchangeId } from '../domain/exchange';
import { chainKey } from '../domain/option';
import { binanceOptionInstrument } from '../feeds/binance/optionParse';
import { startBinanceOptionCatalog, startBinanceOptionChain } from '../feeds/binance/optionFeed';
import { okxOptionInstrument } from '../feeds/okx/optionParse';
import { startOkxOptionCatalog, startOkxOptionChain, type OkxOptionChain } from '../feeds/okx/optionFeed';
import type { OptionFeedDeps } from '../feeds/optionFeedDeps';
import { createOptionIngest } from '../store/optionIngest';
import { useOptionStore } from '../store/optionStore';
import { useSourceStatusStore } from '../store/sourceStatusStore';
import { appEndpoints, hub } from './connections';

export const optionIngest = createOptionIngest({
  store: useOptionStore,
  schedule: (flush) => requestAnimationFrame(flush),
  now: () => Date.now(),
  instrumentFromSymbol: { binance: binanceOptionInstrument, okx: okxOptionInstrument },
});

const deps: OptionFeedDeps = {
  hub,
  ingest: optionIngest,
  fetch: (input, init) => fetch(input, init),
  scheduler: realScheduler,
  random: Math.random,
  reportSource: (status) => useSourceStatusStore.getState().report(status),
};

/** Counts users of a shared feed: starts it for the first, stops it after the last has gone. */
function refCounted(start: () => () => void): () => () => void {
  let users = 0;
  let stop: (() => void) | null = null;
  return () => {
    users++;
    if (users === 1) stop = start();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      users--;
      if (users === 0) {
        stop?.();
        stop = null;
      }
    };
  };
}

/** Both exchanges' option lists (which chains exist), while any options view is open. */
export const acquireOptionCatalog = refCounted(() => {
  const stops = [
    startBinanceOptionCatalog(deps, endpoints.VITE_BINANCE_OPTIONS_REST),
    startOkxOptionCatalog(deps, appEndpoints.okxPublic),
  ];
  return () => stops.forEach((stop) => stop());
});

const chainFeeds = new Map<string, () => () => void>();
/** The running OKX chains by family, for following an expiry's marks and books. */
const okxChains = new Map<string, OkxOptionChain>();

function startOkxChain(family: string): () => void {
  const chain = startOkxOptionChain(deps, appEndpoints.okxPublic, family);
  okxChains.set(family, chain);
  return () => {
    okxChains.delete(family);
    chain.stop();
  };
}

/** One chain's live quotes (a trader reads one chain at a time), while a view shows it. */
export function acquireOptionChain(exchange: ExchangeId, underlying: string): () => void {
  const key = chainKey(exchange, underlying);
  let acquire = chainFeeds.get(key);
  if (!acquire) {
    acquire = refCounted(() =>
      exchange === 'binance' ? startBinanceOptionChain(deps, appEndpoints.binanceOptions, underlying) : startOkxChain(underlying),
    );
    chainFeeds.set(key, acquire);
  }
  return acquire();
}

/**
 * The chain plus everything of one expiry (ms) while a view shows that expiry. Binance's one
 * stream per underlying already carries every option's mark; OKX adds per-option marks and books
 * for this expiry only (see startOkxOptionChain).
 */
export function acquireOptionExpiry(exchange: ExchangeId, underlying: string, expiry: number): () => void {
  const releaseChain = acquireOptionChain(exchange, underlying);
  const releaseExpiry = exchange === 'okx' ? okxChains.get(underlying)?.followExpiry(expiry) : undefined;
  return () => {
    releaseExpiry?.();
    releaseChain();
  };
}
