import type { Candle } from '../domain/candles';
import { positive, timestamp } from './numbers';

/**
 * Both exchanges send bars as arrays of strings starting `[openTime, open, high, low, close, ...]`
 * (Binance's open time is a number, OKX's a string). Bad bars are dropped and counted.
 */
export function parseCandleRows(rows: unknown): { candles: Candle[]; rejected: number } | null {
  if (!Array.isArray(rows)) return null;
  const candles: Candle[] = [];
  let rejected = 0;
  for (const row of rows) {
    if (!Array.isArray(row)) {
      rejected++;
      continue;
    }
    const time = timestamp(row[0]);
    const open = positive(row[1]);
    const high = positive(row[2]);
    const low = positive(row[3]);
    const close = positive(row[4]);
    if (time === null || open === null || high === null || low === null || close === null || high < low) {
      rejected++;
      continue;
    }
    candles.push({ time, open, high, low, close });
  }
  return { candles, rejected };
}
