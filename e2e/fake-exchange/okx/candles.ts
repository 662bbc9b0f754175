import { MINUTE_MS } from '../markets/bars.ts';
import { barOpen, candleAt, candlesBack, type Candle, type MinuteSeries } from '../markets/candles.ts';
import type { Market } from '../markets/market.ts';
import type { PriceHistory } from '../markets/priceHistory.ts';
import { quoteFactor } from '../markets/universe.ts';
import { okxGrid } from './bars.ts';
import type { OkxBar } from './channels.ts';
import type { OkxIndexes } from './indexes.ts';
import { indexDecimals } from './marketPayloads.ts';

export type CandleKind = 'mark' | 'index';

export interface CandleSource {
  series: MinuteSeries;
  decimals: number;
}

export interface CandlePage {
  /** Only candles opening before this time (ms). */
  after?: number;
  /** Only candles opening after this time (ms). */
  before?: number;
  limit: number;
  /** The non-history endpoints reach back this many bars only. */
  recentBars?: number;
}

/** Mark-price and index candles of OKX instruments and indexes, over the shared minute history. */
export class OkxCandles {
  constructor(
    private readonly market: Market,
    private readonly prices: PriceHistory,
    private readonly indexes: OkxIndexes,
  ) {}

  source(kind: CandleKind, instId: string): CandleSource | undefined {
    const common = { firstMinute: this.prices.firstMinute, currentMinute: this.prices.currentMinute() };
    if (kind === 'index') {
      const index = this.indexes.find(instId);
      if (!index) return undefined;
      const factor = quoteFactor(index.quote);
      return {
        series: { ...common, span: (from, to) => this.prices.indexSpan(index.coin, factor, from, to) },
        decimals: indexDecimals(this.indexes.price(index)),
      };
    }
    const instrument = this.market.find('okx', instId);
    if (!instrument) return undefined;
    return {
      series: { ...common, span: (from, to) => this.prices.span('mark', instrument, from, to) },
      decimals: instrument.priceDecimals,
    };
  }

  /** The bar forming now (what candle channels push). */
  current(source: CandleSource, bar: OkxBar): Candle | undefined {
    const grid = okxGrid(bar);
    return candleAt(source.series, grid, barOpen(grid, source.series.currentMinute));
  }

  /** The bar that closed just before the current one. */
  previous(source: CandleSource, bar: OkxBar): Candle | undefined {
    const grid = okxGrid(bar);
    return candleAt(source.series, grid, barOpen(grid, source.series.currentMinute) - grid.minutes);
  }

  /** Newest first, as OKX's candle endpoints answer. */
  page(source: CandleSource, bar: OkxBar, page: CandlePage): Candle[] {
    const grid = okxGrid(bar);
    const toMinute = page.after === undefined ? Number.MAX_SAFE_INTEGER : Math.floor((page.after - 1) / MINUTE_MS);
    let fromMinute = page.before === undefined ? Number.MIN_SAFE_INTEGER : Math.floor(page.before / MINUTE_MS) + 1;
    if (page.recentBars !== undefined) {
      fromMinute = Math.max(fromMinute, barOpen(grid, source.series.currentMinute) - (page.recentBars - 1) * grid.minutes);
    }
    return candlesBack(source.series, grid, fromMinute, toMinute, page.limit);
  }
}
