import { trimmed } from '../core/format.ts';
import type { Candle } from '../markets/candles.ts';
import type { DayStats, PriceStats } from '../markets/dayStats.ts';
import type { Instrument } from '../markets/instrument.ts';
import type { Settlement } from '../markets/market.ts';
import type { OkxIndex } from './indexes.ts';
import { okxPrice, rateText } from './payloads.ts';

/** `tickers` channel / market/ticker(s) row of a swap. */
export function ticker(instrument: Instrument, stats: DayStats, ts: number): Record<string, string> {
  const price = (value: number) => okxPrice(instrument, value);
  const tick = 10 ** -instrument.priceDecimals;
  // Thin books quote wider: a few ticks for the majors, dozens for the tail.
  const halfSpread = Math.max(1, Math.round((1 - instrument.coin.activity) * 20)) * tick;
  const inverse = instrument.quote === 'USD';
  const baseVolume = stats.baseVolume;
  const contracts = inverse ? stats.quoteVolume / instrument.contractValue : baseVolume / instrument.contractValue;
  const size = (share: number) => String(Math.max(1, Math.round((instrument.quoteVolume / 2e6) * share)));
  return {
    instType: 'SWAP',
    instId: instrument.symbol,
    last: price(stats.last),
    lastSz: String(Math.max(1, instrument.state.lastQty)),
    askPx: price(stats.last + halfSpread),
    askSz: size(0.8),
    bidPx: price(stats.last - halfSpread),
    bidSz: size(1.2),
    open24h: price(stats.open),
    high24h: price(stats.high),
    low24h: price(stats.low),
    volCcy24h: trimmed(baseVolume, 4),
    vol24h: trimmed(contracts, 2),
    sodUtc0: price(stats.openUtc0),
    sodUtc8: price(stats.openUtc8),
    ts: String(ts),
  };
}

/** Indexes carry about 7 significant digits. */
export function indexDecimals(price: number): number {
  return Math.max(1, Math.min(12, 6 - Math.floor(Math.log10(Math.max(price, 1e-12)))));
}

export function indexTicker(index: OkxIndex, stats: PriceStats, ts: number): Record<string, string> {
  const decimals = indexDecimals(stats.last);
  const price = (value: number) => trimmed(value, decimals);
  return {
    instId: index.instId,
    idxPx: price(stats.last),
    high24h: price(stats.high),
    low24h: price(stats.low),
    open24h: price(stats.open),
    sodUtc0: price(stats.openUtc0),
    sodUtc8: price(stats.openUtc8),
    ts: String(ts),
  };
}

/** [ts, o, h, l, c, confirm], numbers as strings: mark-price and index candles. */
export function candleRow(candle: Candle, decimals: number): string[] {
  const price = (value: number) => trimmed(value, decimals);
  return [String(candle.openTime), price(candle.open), price(candle.high), price(candle.low), price(candle.close), candle.confirmed ? '1' : '0'];
}

export function fundingHistoryRow(instrument: Instrument, settlement: Settlement): Record<string, string> {
  return {
    instType: 'SWAP',
    instId: instrument.symbol,
    formulaType: 'withRate',
    fundingRate: rateText(settlement.rate),
    realizedRate: rateText(settlement.rate),
    fundingTime: String(settlement.time),
    method: 'current_period',
  };
}
