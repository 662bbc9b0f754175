import { MINUTE_MS, type Bar } from './bars.ts';

/** A bar grid: bars of `minutes` length whose opens sit at `offsetMinutes` modulo the length. */
export interface BarGrid {
  minutes: number;
  offsetMinutes: number;
}

export interface Candle extends Bar {
  openTime: number;
  /** Last millisecond inside the bar (Binance's closeTime). */
  closeTime: number;
  /** False for the bar still forming. */
  confirmed: boolean;
  /** Minutes of data in the bar. */
  minutes: number;
}

/** Minute bars of one series and the range they cover. */
export interface MinuteSeries {
  /** One bar merging minutes [from, to]. */
  span(from: number, to: number): Bar | undefined;
  firstMinute: number;
  currentMinute: number;
}

export function barOpen(grid: BarGrid, minute: number): number {
  return Math.floor((minute - grid.offsetMinutes) / grid.minutes) * grid.minutes + grid.offsetMinutes;
}

/** The candle opening at `openMinute`, from whatever minutes of it exist; undefined when none do. */
export function candleAt(series: MinuteSeries, grid: BarGrid, openMinute: number): Candle | undefined {
  const from = Math.max(openMinute, series.firstMinute);
  const to = Math.min(openMinute + grid.minutes - 1, series.currentMinute);
  const merged = from <= to ? series.span(from, to) : undefined;
  if (!merged) return undefined;
  return {
    ...merged,
    openTime: openMinute * MINUTE_MS,
    closeTime: (openMinute + grid.minutes) * MINUTE_MS - 1,
    confirmed: openMinute + grid.minutes <= series.currentMinute,
    minutes: to - from + 1,
  };
}

/** Candles opening in [fromMinute, toMinute], oldest first, at most `limit` starting from the oldest. */
export function candlesFrom(series: MinuteSeries, grid: BarGrid, fromMinute: number, toMinute: number, limit: number): Candle[] {
  const candles: Candle[] = [];
  let open = barOpen(grid, Math.max(fromMinute, barOpen(grid, series.firstMinute)));
  if (open < fromMinute) open += grid.minutes;
  const last = Math.min(toMinute, series.currentMinute);
  for (; open <= last && candles.length < limit; open += grid.minutes) {
    const candle = candleAt(series, grid, open);
    if (candle) candles.push(candle);
  }
  return candles;
}

/** Candles opening in [fromMinute, toMinute], newest first, at most `limit` starting from the newest. */
export function candlesBack(series: MinuteSeries, grid: BarGrid, fromMinute: number, toMinute: number, limit: number): Candle[] {
  const candles: Candle[] = [];
  const first = Math.max(fromMinute, barOpen(grid, series.firstMinute));
  for (let open = barOpen(grid, Math.min(toMinute, series.currentMinute)); open >= first && candles.length < limit; open -= grid.minutes) {
    if (open < fromMinute) break;
    const candle = candleAt(series, grid, open);
    if (candle) candles.push(candle);
  }
  return candles;
}
