/** One bar of a price series; time is the bar's open, in ms. */
export interface Candle {
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

export const CHART_INTERVALS = ['1m', '5m', '1h'] as const;
export type ChartInterval = (typeof CHART_INTERVALS)[number];

export const INTERVAL_MS: Record<ChartInterval, number> = { '1m': 60_000, '5m': 300_000, '1h': 3_600_000 };

/** The open time of the bar a moment falls in. */
export function barStart(time: number, interval: ChartInterval): number {
  return Math.floor(time / INTERVAL_MS[interval]) * INTERVAL_MS[interval];
}

/** A premium point per bar where both mark and index closed: mark / index − 1. */
export interface PremiumPoint {
  time: number;
  premium: number;
}

export function premiumSeries(mark: readonly Candle[], index: readonly Candle[]): PremiumPoint[] {
  const indexByTime = new Map(index.map((candle) => [candle.time, candle.close]));
  const points: PremiumPoint[] = [];
  for (const candle of mark) {
    const indexClose = indexByTime.get(candle.time);
    if (indexClose !== undefined && indexClose > 0) points.push({ time: candle.time, premium: candle.close / indexClose - 1 });
  }
  return points;
}

/** Orders bars by time and keeps the last of any duplicates (pages of history can overlap). */
export function normaliseCandles(candles: readonly Candle[]): Candle[] {
  const byTime = new Map<number, Candle>();
  for (const candle of candles) byTime.set(candle.time, candle);
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}
