import { describe, expect, it } from 'vitest';
import { completeHistory, coveredAverages, coveredDays, shortHistory } from './fundingHistory';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = 100 * DAY;
const FROM = NOW - 30 * DAY;

/** 0.0001 every 8 h, the last settlement at `NOW`, back `days`: 10.95 % a year. */
function eightHourly(days: number) {
  return Array.from({ length: days * 3 }, (_, i) => ({ time: NOW - i * 8 * HOUR, rate: 0.0001 })).reverse();
}

describe('funding history coverage', () => {
  it('a complete history averages every window and keeps only the window’s settlements', () => {
    const history = completeHistory(eightHourly(40), FROM, NOW);
    expect(history.settlements).toHaveLength(90);
    expect(coveredDays(history)).toBe(30);
    const averages = coveredAverages(history, [1, 7, 30], NOW);
    expect(averages.map((average) => average.days)).toEqual([1, 7, 30]);
    for (const { value } of averages) expect(value).toBeCloseTo(0.1095, 9);
  });

  it('a history cut short averages only what it covers: the 30-day window becomes one over its whole days', () => {
    const history = shortHistory(eightHourly(12).slice(1), FROM, NOW, { cause: 'failed', detail: 'rate limited by OKX (50011)' });
    // The oldest settlement is 11 days and 8 hours back.
    expect(history.coveredFrom).toBe(NOW - 11 * DAY - 8 * HOUR);
    expect(coveredDays(history)).toBe(11);
    const averages = coveredAverages(history, [1, 7, 30], NOW);
    expect(averages.map((average) => average.days)).toEqual([1, 7, 11]);
    for (const { value } of averages) expect(value).toBeCloseTo(0.1095, 9);
  });

  it('a history shorter than a day has no average at all, and one with nothing covers nothing', () => {
    const history = shortHistory(eightHourly(1).slice(1), FROM, NOW, { cause: 'none-earlier' });
    expect(coveredDays(history)).toBe(0);
    expect(coveredAverages(history, [1, 7, 30], NOW)).toEqual([]);
    expect(coveredDays(shortHistory([], FROM, NOW, { cause: 'none-earlier' }))).toBe(0);
  });
});
