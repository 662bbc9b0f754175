import { describe, expect, it } from 'vitest';
import { completeHistory, type FundingSettlement } from './fundingHistory';
import { pairSpreadStats, spreadPercentile, spreadSeries } from './fundingSpread';
import { annualiseHistory } from './fundingStats';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = 200 * DAY;

/** Settlements every `hours` over (from, to], at `rate`. */
function every(hours: number, from: number, to: number, rate: number): FundingSettlement[] {
  const settlements: FundingSettlement[] = [];
  for (let time = to; time > from; time -= hours * HOUR) settlements.unshift({ time, rate });
  return settlements;
}

function contract(settlements: FundingSettlement[], intervalHours: number, days = 31) {
  return annualiseHistory(completeHistory(settlements, NOW - days * DAY, NOW), intervalHours);
}

describe('spreadSeries', () => {
  it('holds each leg’s last settled rate until its next settlement', () => {
    // Long, 8 h: 0.01 % at 0 (0.1095), 0.02 % at 8 h (0.219). Short, 4 h: 0.01 % (0.219), then
    // −0.01 % (−0.219), then 0.03 % (0.657). At 4 h the long's 0.1095 still holds.
    const t = NOW - 8 * HOUR;
    const long = contract(
      [
        { time: t - 8 * HOUR, rate: 0.0001 },
        { time: t, rate: 0.0001 },
        { time: t + 8 * HOUR, rate: 0.0002 },
      ],
      8,
    );
    const short = contract(
      [
        { time: t - 4 * HOUR, rate: 0.0001 },
        { time: t, rate: 0.0001 },
        { time: t + 4 * HOUR, rate: -0.0001 },
        { time: t + 8 * HOUR, rate: 0.0003 },
      ],
      4,
    );
    const series = spreadSeries(long, short);
    expect(series.map((point) => point.time)).toEqual([t - 4 * HOUR, t, t + 4 * HOUR, t + 8 * HOUR]);
    // 0.219 − 0.1095; 0.219 − 0.1095; −0.219 − 0.1095; 0.657 − 0.219.
    const spreads = [0.1095, 0.1095, -0.3285, 0.438];
    series.forEach((point, i) => expect(point.spread).toBeCloseTo(spreads[i]!, 12));
  });
});

describe('pairSpreadStats', () => {
  // Long, 8 h at 0.01 % (0.1095) for 31 days. Short, 4 h at 0.02 % (0.438), then from NOW − 96 h at
  // 0.001 % (0.0219): the spread is 0.3285 until NOW − 96 h, then −0.0876.
  const long = contract(every(8, NOW - 31 * DAY - HOUR, NOW, 0.0001), 8);
  const shortSettlements = [...every(4, NOW - 31 * DAY - HOUR, NOW - 100 * HOUR, 0.0002), ...every(4, NOW - 100 * HOUR, NOW, 0.00001)];
  const short = contract(shortSettlements, 4);

  it('medians over 7 and 30 days weigh each value by how long it held', () => {
    const stats = pairSpreadStats(long, short, NOW);
    // 7 d: 72 h at 0.3285, 96 h at −0.0876 → −0.0876. 30 d: 624 h at 0.3285, 96 h at −0.0876 → 0.3285.
    expect(stats.median7d).toBeCloseTo(-0.0876, 12);
    expect(stats.median30d).toBeCloseTo(0.3285, 12);
  });

  it('stability is the 30-day deviation: two values 0.4161 apart, the lower 2/15 of the time', () => {
    // 0.4161 × √(2/15 × 13/15) = 0.4161 × √26 / 15 = 0.4161 × 0.33993463 = 0.1414468.
    expect(pairSpreadStats(long, short, NOW).stability30d).toBeCloseTo(0.1414468, 6);
  });

  it('time alive runs from the last change of sign, or beyond the history when there was none', () => {
    expect(pairSpreadStats(long, short, NOW).alive).toEqual({ since: NOW - 96 * HOUR, hours: 96, beyondHistory: false });
    expect(pairSpreadStats(long, short, NOW).latest).toBeCloseTo(-0.0876, 12);
    const steady = contract(every(4, NOW - 31 * DAY - HOUR, NOW, 0.0002), 4);
    // The histories hold (NOW − 31 d, NOW]: both legs have settled once by the long's first, 31 d − 8 h = 736 h back.
    expect(pairSpreadStats(long, steady, NOW).alive).toEqual({ since: NOW - 736 * HOUR, hours: 736, beyondHistory: true });
  });

  it('places today’s spread among the settled hours of the last 90 days the history holds', () => {
    // 640 h at 0.3285 and 96 h at −0.0876 since both legs first settled, 736 h back.
    // 0.1: 96 of 736 h below it = 13.0435; 0.3285: 96 + 640 / 2 = 416 of 736 = 56.5217.
    const stats = pairSpreadStats(long, short, NOW);
    expect(spreadPercentile(stats, 0.1)).toBeCloseTo(13.0434783, 6);
    expect(spreadPercentile(stats, 0.3285)).toBeCloseTo(56.5217391, 6);
    expect(spreadPercentile(stats, null)).toBeNull();
  });

  it('a window one leg’s history does not reach is unknown', () => {
    const tenDays = contract(every(4, NOW - 10 * DAY - HOUR, NOW, 0.0002), 4, 10);
    const stats = pairSpreadStats(long, tenDays, NOW);
    expect(stats.median7d).toBeCloseTo(0.3285, 12);
    expect(stats.median30d).toBeNull();
    expect(stats.stability30d).toBeNull();
  });
});
