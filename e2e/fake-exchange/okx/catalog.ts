import type { Market } from '../markets/market.ts';
import type { OkxCatalog } from './channels.ts';

/** OKX index ids ("BTC-USDT", "BTC-USD") of every listed swap's underlying. */
export function okxIndexIds(market: Market): Set<string> {
  return new Set(market.okx.map((instrument) => `${instrument.coin.name}-${instrument.quote}`));
}

export function swapCatalog(market: Market): OkxCatalog {
  const indexes = okxIndexIds(market);
  return {
    hasSwap: (instId) => market.find('okx', instId) !== undefined,
    hasOption: () => false,
    hasIndex: (instId) => indexes.has(instId),
    hasOptionFamily: () => false,
  };
}
