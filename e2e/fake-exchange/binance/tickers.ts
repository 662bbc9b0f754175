import { fixed, trimmed } from '../core/format.ts';
import type { DayStatsBook } from '../markets/dayStats.ts';
import { isCoinMargined, isStreaming, type Instrument } from '../markets/instrument.ts';
import type { Market } from '../markets/market.ts';
import { settlementType } from './payloads.ts';

/** Rolling 24 h figures in Binance's mini ticker and ticker shapes. */
export class BinanceTickers {
  private lastChangedCall: number;

  constructor(
    private readonly market: Market,
    private readonly dayStats: DayStatsBook,
    now: () => number,
  ) {
    this.lastChangedCall = now();
  }

  /** A COIN-M row counts `v` in contracts and `q` in coin, as the live stream sends it (`st` 2). */
  miniTicker(instrument: Instrument, eventTime: number): Record<string, unknown> {
    const stats = this.dayStats.stats(instrument);
    const price = (value: number) => fixed(value, instrument.priceDecimals);
    const coinMargined = isCoinMargined(instrument);
    return {
      e: '24hrMiniTicker',
      E: eventTime,
      s: instrument.symbol,
      c: price(stats.last),
      o: price(stats.open),
      h: price(stats.high),
      l: price(stats.low),
      v: coinMargined ? fixed(Math.floor(stats.quoteVolume / instrument.contractValue), 0) : fixed(stats.baseVolume, 3),
      q: coinMargined ? trimmed(stats.baseVolume, 8) : fixed(stats.quoteVolume, 2),
      st: settlementType(instrument),
    };
  }

  /** Only the symbols that traded since the previous call, as `!miniTicker@arr` sends them. */
  changedMiniTickers(eventTime: number): Record<string, unknown>[] {
    const since = this.lastChangedCall;
    this.lastChangedCall = eventTime;
    return this.market.binance
      .filter((instrument) => isStreaming(instrument) && instrument.state.tradedAt > since)
      .map((instrument) => this.miniTicker(instrument, eventTime));
  }

  ticker24hr(instrument: Instrument): Record<string, unknown> {
    const stats = this.dayStats.stats(instrument);
    const price = (value: number) => fixed(value, instrument.priceDecimals);
    const change = stats.last - stats.open;
    const lastId = 1_000_000_000 + Math.round(stats.trades * 10);
    return {
      symbol: instrument.symbol,
      priceChange: price(change),
      priceChangePercent: fixed((change / stats.open) * 100, 3),
      weightedAvgPrice: price(stats.quoteVolume / Math.max(stats.baseVolume, Number.MIN_VALUE)),
      lastPrice: price(stats.last),
      lastQty: String(instrument.state.lastQty),
      openPrice: price(stats.open),
      highPrice: price(stats.high),
      lowPrice: price(stats.low),
      volume: fixed(stats.baseVolume, 3),
      quoteVolume: fixed(stats.quoteVolume, 2),
      openTime: stats.openTime,
      closeTime: stats.closeTime,
      firstId: lastId - stats.trades + 1,
      lastId,
      count: stats.trades,
    };
  }
}
