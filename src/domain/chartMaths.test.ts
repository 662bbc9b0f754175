import { describe, expect, it } from 'vitest';
import { barStart, normaliseCandles, premiumSeries } from './candles';
import { averageAnnualised } from './fundingHistory';
import { RingBuffer } from './ringBuffer';

describe('premiumSeries', () => {
  it('pairs mark and index closes by bar time', () => {
    const mark = [
      { time: 0, open: 1, high: 1, low: 1, close: 100.05 },
      { time: 60_000, open: 1, high: 1, low: 1, close: 99.9 },
      { time: 120_000, open: 1, high: 1, low: 1, close: 50 },
    ];
    const index = [
      { time: 0, open: 1, high: 1, low: 1, close: 100 },
      { time: 60_000, open: 1, high: 1, low: 1, close: 100 },
    ];
    const points = premiumSeries(mark, index);
    expect(points.map((p) => p.time)).toEqual([0, 60_000]);
    expect(points[0]!.premium * 10_000).toBeCloseTo(5, 9);
    expect(points[1]!.premium * 10_000).toBeCloseTo(-10, 9);
  });
});

describe('candles', () => {
  it('finds bar starts and orders overlapping pages', () => {
    expect(barStart(Date.UTC(2026, 0, 1, 10, 7, 31), '5m')).toBe(Date.UTC(2026, 0, 1, 10, 5));
    expect(barStart(Date.UTC(2026, 0, 1, 10, 7, 31), '1h')).toBe(Date.UTC(2026, 0, 1, 10));
    const c = (time: number, close: number) => ({ time, open: close, high: close, low: close, close });
    expect(normaliseCandles([c(2, 1), c(1, 1), c(2, 3)]).map((x) => [x.time, x.close])).toEqual([
      [1, 1],
      [2, 3],
    ]);
  });
});

describe('averageAnnualised', () => {
  const DAY = 86_400_000;
  const now = 100 * DAY;
  it('scales the rates settled in the window to a year, whatever their interval', () => {
    // 8 h at 0.0001 for 30 days = 10.95 % a year.
    const eightHourly = Array.from({ length: 90 }, (_, i) => ({ time: now - i * 8 * 3_600_000, rate: 0.0001 })).reverse();
    expect(averageAnnualised(eightHourly, 30, now)).toBeCloseTo(0.1095, 9);
    expect(averageAnnualised(eightHourly, 1, now)).toBeCloseTo(0.1095, 9);
    // 4 h at 0.0005 for a day = 109.5 %.
    const fourHourly = Array.from({ length: 12 }, (_, i) => ({ time: now - i * 4 * 3_600_000, rate: 0.0005 })).reverse();
    expect(averageAnnualised(fourHourly, 1, now)).toBeCloseTo(1.095, 9);
  });
  it('is null when history does not cover the window', () => {
    expect(averageAnnualised([{ time: now - DAY, rate: 0.0001 }], 7, now)).toBeNull();
    expect(averageAnnualised([], 1, now)).toBeNull();
  });
});

describe('RingBuffer', () => {
  it('keeps the newest items up to its capacity', () => {
    const ring = new RingBuffer<number>(3);
    for (let i = 1; i <= 5; i++) ring.push(i);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.size).toBe(3);
    ring.replaceLast(9);
    expect(ring.toArray()).toEqual([3, 4, 9]);
    expect(ring.last()).toBe(9);
    ring.clear();
    expect(ring.toArray()).toEqual([]);
  });
});
