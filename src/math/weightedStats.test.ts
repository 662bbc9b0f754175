import { describe, expect, it } from 'vitest';
import { weightedMean, weightedMedian, weightedPercentile, weightedStdDev } from './weightedStats';

const equal = (...values: number[]) => values.map((value) => ({ value, weight: 1 }));

describe('weighted statistics', () => {
  it('with equal weights are the plain mean, median, deviation and mid-rank percentile', () => {
    // 1, 2, 3, 4: mean 2.5; median between 2 and 3 = 2.5; variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25.
    expect(weightedMean(equal(1, 2, 3, 4))).toBe(2.5);
    expect(weightedMedian(equal(4, 1, 3, 2))).toBe(2.5);
    expect(weightedMedian(equal(3, 1, 2))).toBe(2);
    expect(weightedStdDev(equal(1, 2, 3, 4))).toBeCloseTo(Math.sqrt(1.25), 12);
    // 3 against 1, 2, 3, 4: two below, one equal counted half = 2.5 of 4 = 62.5.
    expect(weightedPercentile(equal(1, 2, 3, 4), 3)).toBe(62.5);
  });

  it('weigh each value by its weight', () => {
    // 1 for 3 hours, 5 for 1 hour: mean (3 + 5) / 4 = 2; median: 3 of 4 hours at 1 → 1;
    // variance (3 × 1² + 1 × 3²) / 4 = 3; 2 sits above 3 of the 4 hours → 75.
    const sample = [
      { value: 5, weight: 1 },
      { value: 1, weight: 3 },
    ];
    expect(weightedMean(sample)).toBe(2);
    expect(weightedMedian(sample)).toBe(1);
    expect(weightedStdDev(sample)).toBeCloseTo(Math.sqrt(3), 12);
    expect(weightedPercentile(sample, 2)).toBe(75);
  });

  it('have no value for an empty sample', () => {
    expect(weightedMean([])).toBeNull();
    expect(weightedMedian([])).toBeNull();
    expect(weightedStdDev([])).toBeNull();
    expect(weightedPercentile([], 1)).toBeNull();
  });
});
