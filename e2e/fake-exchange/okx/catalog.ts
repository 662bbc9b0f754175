import type { Market } from '../markets/market.ts';
import type { OkxCatalog } from './channels.ts';
import type { OkxFutures } from './futures.ts';
import type { OkxIndexes } from './indexes.ts';
import type { OkxOptionSource } from './options.ts';

/** What OKX lists, for validating subscription args. */
export function okxCatalog(market: Market, indexes: OkxIndexes, options: OkxOptionSource, futures: OkxFutures): OkxCatalog {
  return {
    hasSwap: (instId) => market.find('okx', instId) !== undefined,
    hasOption: (instId) => options.hasInstrument(instId),
    hasFuture: (instId) => futures.has(instId),
    hasIndex: (instId) => indexes.find(instId) !== undefined,
    hasOptionFamily: (instFamily) => options.families().includes(instFamily),
  };
}
