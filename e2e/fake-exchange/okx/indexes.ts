import type { Coin } from '../markets/coins.ts';
import type { QuoteCurrency } from '../markets/instrument.ts';
import type { Market } from '../markets/market.ts';
import { quoteFactor } from '../markets/universe.ts';

export interface OkxIndex {
  instId: string;
  coin: Coin;
  quote: QuoteCurrency;
}

/** OKX's indexes ("BTC-USDT", "BTC-USD", ...): one per coin and quote currency of a listed swap. */
export class OkxIndexes {
  private readonly byId = new Map<string, OkxIndex>();

  constructor(private readonly market: Market) {
    for (const instrument of market.okx) {
      const instId = `${instrument.coin.name}-${instrument.quote}`;
      if (!this.byId.has(instId)) this.byId.set(instId, { instId, coin: instrument.coin, quote: instrument.quote });
    }
  }

  find(instId: string): OkxIndex | undefined {
    return this.byId.get(instId);
  }

  all(): IterableIterator<OkxIndex> {
    return this.byId.values();
  }

  price(index: OkxIndex): number {
    return this.market.spot(index.coin.name)! * quoteFactor(index.quote);
  }
}
