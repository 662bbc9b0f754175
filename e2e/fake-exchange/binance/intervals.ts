import type { BarGrid } from '../markets/candles.ts';
import { invalidInterval } from './restErrors.ts';

/** 1970-01-01 was a Thursday; Binance weeks open on Monday 00:00 UTC. */
const MONDAY_OFFSET_MINUTES = 4 * 1440;

const MINUTES: Record<string, number> = {
  '1m': 1, '3m': 3, '5m': 5, '15m': 15, '30m': 30, '1h': 60, '2h': 120, '4h': 240,
  '6h': 360, '8h': 480, '12h': 720, '1d': 1440, '3d': 4320, '1w': 10080,
};

/** Binance kline intervals, UTC-aligned. Monthly bars are not generated (30 days of history). */
export function binanceGrid(interval: string): BarGrid {
  const minutes = MINUTES[interval];
  if (minutes === undefined) throw invalidInterval();
  return { minutes, offsetMinutes: interval === '1w' ? MONDAY_OFFSET_MINUTES : 0 };
}
