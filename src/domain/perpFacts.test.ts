import { describe, expect, it } from 'vitest';
import { completeHistory, type FundingSettlement } from './fundingHistory';
import { annualiseHistory } from './fundingStats';
import { capUsage, intervalChangeText, spreadBps } from './perpFacts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('spreadBps', () => {
  it('is the spread over the mid in basis points', () => {
    // (100.1 − 99.9) / 100 = 0.002 = 20 bps.
    expect(spreadBps({ bid: 99.9, ask: 100.1 })).toBeCloseTo(20, 10);
    // (50,005 − 49,995) / 50,000 = 0.0002 = 2 bps.
    expect(spreadBps({ bid: 49_995, ask: 50_005 })).toBeCloseTo(2, 10);
    expect(spreadBps({ bid: 100, ask: 100 })).toBe(0);
  });

  it('is null when a side is missing or the book is crossed', () => {
    expect(spreadBps({ bid: null, ask: 100 })).toBeNull();
    expect(spreadBps({ bid: 100, ask: null })).toBeNull();
    expect(spreadBps({ bid: 100.1, ask: 99.9 })).toBeNull();
  });
});

describe('capUsage', () => {
  it('measures a positive rate against its cap and a negative one against its floor', () => {
    // 0.0015 / 0.003 = 0.5; −0.00075 / −0.003 = 0.25.
    expect(capUsage(0.0015, 0.003, -0.003)).toBeCloseTo(0.5, 12);
    expect(capUsage(-0.00075, 0.003, -0.003)).toBeCloseTo(0.25, 12);
    expect(capUsage(0.003, 0.003, -0.002)).toBe(1);
    expect(capUsage(0, 0.003, -0.003)).toBe(0);
  });

  it('is null without the bound on its side, or without a rate', () => {
    expect(capUsage(0.001, null, -0.003)).toBeNull();
    expect(capUsage(-0.001, 0.003, null)).toBeNull();
    expect(capUsage(null, 0.003, -0.003)).toBeNull();
    expect(capUsage(-0.001, 0.003, 0)).toBeNull();
  });
});

describe('intervalChangeText', () => {
  /** Settlements every `hours`, `count` of them, the newest at `end`, oldest first. */
  const every = (hours: number, count: number, end: number): FundingSettlement[] =>
    Array.from({ length: count }, (_, i) => ({ time: end - (count - 1 - i) * hours * HOUR, rate: 0.0001 }));
  // 8 h settlements up to 12 Nov 2025 08:00 UTC, 4 h ones after it.
  const CHANGE = Date.UTC(2025, 10, 12, 8);
  const NOW = CHANGE + 10 * DAY;
  const settlements = [...every(8, 60, CHANGE), ...every(4, 60, NOW)];
  const funding = annualiseHistory(completeHistory(settlements, NOW - 40 * DAY, NOW), 4);

  it('names the newest change of the last 30 days and its day', () => {
    expect(intervalChangeText(funding, NOW)).toBe('8 h → 4 h on 12 Nov');
  });

  it('is null once the change is older than 30 days, or when the interval never changed', () => {
    expect(intervalChangeText(funding, CHANGE + 31 * DAY)).toBeNull();
    const steady = annualiseHistory(completeHistory(every(8, 90, NOW), NOW - 40 * DAY, NOW), 8);
    expect(intervalChangeText(steady, NOW)).toBeNull();
  });
});
