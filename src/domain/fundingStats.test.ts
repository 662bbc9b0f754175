import { describe, expect, it } from 'vitest';
import { completeHistory, shortHistory, type FundingSettlement } from './fundingHistory';
import { annualiseHistory, fundingWindows, intervalChanges, rateStanding, settlementIntervals, signStreak } from './fundingStats';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = 200 * DAY;

/** Settlements every `hours` at `rate`, the newest at `end`, `count` of them, oldest first. */
function every(hours: number, count: number, end: number, rate: number): FundingSettlement[] {
  return Array.from({ length: count }, (_, i) => ({ time: end - (count - 1 - i) * hours * HOUR, rate }));
}

const at = (...hours: number[]) => hours.map((h) => NOW - 40 * HOUR + h * HOUR);

describe('settlementIntervals', () => {
  it('reads each interval from the gap before it, the first from the one after', () => {
    expect(settlementIntervals(at(0, 8, 16, 24, 28, 32, 36, 40), 4)).toEqual([8, 8, 8, 8, 4, 4, 4, 4]);
  });

  it('a single missed settlement (a double gap) keeps the interval', () => {
    // 16 → 32 is one 16 h gap between 8 h ones.
    expect(settlementIntervals(at(0, 8, 16, 32, 40), 8)).toEqual([8, 8, 8, 8, 8]);
    // …and a missed first one, likewise.
    expect(settlementIntervals(at(0, 16, 24, 32), 8)).toEqual([8, 8, 8, 8]);
  });

  it('the newest lone gap is an interval only when the current interval agrees', () => {
    expect(settlementIntervals(at(0, 8, 16, 24, 28), 4)).toEqual([8, 8, 8, 8, 4]);
    expect(settlementIntervals(at(0, 8, 16, 24, 28), 8)).toEqual([8, 8, 8, 8, 8]);
  });

  it('rounds gaps to whole hours: Binance stamps settlements a few ms late', () => {
    // The current interval (4 h) differs, so the 8 h can only come from the gaps.
    expect(settlementIntervals([0, 8 * HOUR + 3, 16 * HOUR + 8, 24 * HOUR + 1], 4)).toEqual([8, 8, 8, 8]);
  });

  it('a lone settlement, or none, takes the current interval', () => {
    expect(settlementIntervals([NOW], 4)).toEqual([4]);
    expect(settlementIntervals([], 4)).toEqual([]);
  });
});

describe('a contract whose interval changed 8 h → 4 h', () => {
  // 0.01 % every 8 h until NOW − 40 h, then every 4 h to NOW.
  const settlements = [...every(8, 60, NOW - 40 * HOUR, 0.0001), ...every(4, 10, NOW, 0.0001)];
  const funding = annualiseHistory(completeHistory(settlements, NOW - 30 * DAY, NOW), 4);

  it('annualises each settlement by its own interval', () => {
    // 0.0001 × 8,760 / 8 = 0.1095; / 4 = 0.219.
    expect(funding.settlements.at(-12)!.annualised).toBeCloseTo(0.1095, 12);
    expect(funding.settlements.at(-11)!.annualised).toBeCloseTo(0.1095, 12);
    expect(funding.settlements.at(-10)!.annualised).toBeCloseTo(0.219, 12);
    expect(funding.settlements.at(-1)!.annualised).toBeCloseTo(0.219, 12);
  });

  it('flags the change at the settlement from which periods ran 4 h, only within 30 days', () => {
    expect(intervalChanges(funding, NOW)).toEqual([{ at: NOW - 40 * HOUR, fromHours: 8, toHours: 4 }]);
    expect(intervalChanges(funding, NOW + 31 * DAY)).toEqual([]);
  });

  it('a double gap is not a change', () => {
    const missed = every(8, 90, NOW, 0.0001).filter((_, i) => i !== 80);
    expect(intervalChanges(annualiseHistory(completeHistory(missed, NOW - 30 * DAY, NOW), 8), NOW)).toEqual([]);
  });
});

describe('fundingWindows', () => {
  it('a steady 0.01 % every 8 h is 10.95 % in every window', () => {
    const funding = annualiseHistory(completeHistory(every(8, 300, NOW, 0.0001), NOW - 100 * DAY, NOW), 8);
    for (const window of fundingWindows(funding, NOW)) {
      expect(window.mean).toBeCloseTo(0.1095, 12);
      expect(window.median).toBeCloseTo(0.1095, 12);
    }
  });

  it('weighs each settlement by its hours across an interval change, and covers only what the history reaches', () => {
    // 0.02 % / 8 h (21.9 %) to NOW − 40 h, then 0.005 % / 4 h (10.95 %). Over the last 72 h: four 8 h
    // settlements (32 h at 0.219) and ten 4 h ones (40 h at 0.1095): mean (7.008 + 4.38) / 72 = 0.15816667
    // (a plain mean of the 14 would be 0.14078571); median 0.1095, which holds 40 of the 72 h.
    const settlements = [...every(8, 60, NOW - 40 * HOUR, 0.0002), ...every(4, 10, NOW, 0.00005)];
    const funding = annualiseHistory(completeHistory(settlements, NOW - 10 * DAY, NOW), 4);
    const [three, seven, thirty, ninety] = fundingWindows(funding, NOW);
    expect(three!.mean).toBeCloseTo(0.1581666667, 9);
    expect(three!.median).toBeCloseTo(0.1095, 12);
    expect(seven!.mean).not.toBeNull();
    expect(thirty).toEqual({ days: 30, mean: null, median: null });
    expect(ninety).toEqual({ days: 90, mean: null, median: null });
  });

  it('a history cut short covers a window when its oldest settlement’s period starts at or before it', () => {
    // Oldest at NOW − 64 h closes the 8 h from NOW − 72 h: the 3-day window is whole.
    const reaching = annualiseHistory(shortHistory(every(8, 9, NOW, 0.0001), NOW - 30 * DAY, NOW, { cause: 'none-earlier' }), 8);
    expect(fundingWindows(reaching, NOW, [3])[0]!.mean).toBeCloseTo(0.1095, 12);
    // Oldest at NOW − 56 h: the first 8 h of the window are unknown.
    const short = annualiseHistory(shortHistory(every(8, 8, NOW, 0.0001), NOW - 30 * DAY, NOW, { cause: 'none-earlier' }), 8);
    expect(fundingWindows(short, NOW, [3])[0]).toEqual({ days: 3, mean: null, median: null });
  });
});

describe('rateStanding', () => {
  // 0.01 %, 0.02 %, … 0.10 % every 8 h: 0.1095 × 1 … 10, mean 0.1095 × 5.5, deviation 0.1095 × √8.25.
  const ladder = Array.from({ length: 10 }, (_, i) => ({ time: NOW - (9 - i) * 8 * HOUR, rate: 0.0001 * (i + 1) }));
  const funding = annualiseHistory(completeHistory(ladder, NOW - 90 * DAY, NOW), 8);

  it('places the current rate among the last 90 days’ settlements', () => {
    // 0.1095 × 7.5: 7 of 10 below → 70; z = (7.5 − 5.5) / √8.25 = 2 / 2.87228132 = 0.69631062.
    const standing = rateStanding(funding, 0.1095 * 7.5, NOW);
    expect(standing.percentile).toBeCloseTo(70, 9);
    expect(standing.zScore).toBeCloseTo(0.69631062, 7);
    expect(standing.points).toBe(10);
    expect(rateStanding(funding, 2, NOW).percentile).toBe(100);
  });

  it('says nothing from fewer than 10 settlements, nor a z-score when they never varied', () => {
    const nine = annualiseHistory(completeHistory(ladder.slice(1), NOW - 90 * DAY, NOW), 8);
    expect(rateStanding(nine, 0.5, NOW)).toEqual({ percentile: null, zScore: null, points: 9 });
    const flat = annualiseHistory(completeHistory(every(8, 12, NOW, 0.0001), NOW - 90 * DAY, NOW), 8);
    expect(rateStanding(flat, 0.5, NOW)).toEqual({ percentile: 100, zScore: null, points: 12 });
  });
});

describe('signStreak', () => {
  it('counts the newest settlements of the newest one’s sign', () => {
    const rates = [1, 1, -1, -1, 1, 1, 1].map((sign, i) => ({ time: NOW - (6 - i) * 8 * HOUR, rate: sign * 0.0001 }));
    const funding = annualiseHistory(completeHistory(rates, NOW - 30 * DAY, NOW), 8);
    expect(signStreak(funding)).toEqual({ sign: 1, count: 3, since: NOW - 16 * HOUR });
    const zeroLast = annualiseHistory(completeHistory([...rates.slice(0, -1), { time: NOW, rate: 0 }], NOW - 30 * DAY, NOW), 8);
    expect(signStreak(zeroLast)).toEqual({ sign: 0, count: 1, since: NOW });
    expect(signStreak(annualiseHistory(completeHistory([], NOW - DAY, NOW), 8))).toBeNull();
  });
});
