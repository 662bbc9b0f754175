import { weightedMedian, weightedPercentile, weightedStdDev, type Weighted } from '../math/weightedStats';
import { MIN_STANDING_POINTS, type ContractFunding } from './fundingStats';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Short leg's annualised rate less the long leg's, from `time` until the next point. */
export interface SpreadPoint {
  time: number;
  spread: number;
}

/**
 * A pair's spread, stepped: each leg's last settled rate (annualised by its own interval) holds until
 * its next settlement, so a point falls at every settlement of either leg once both have settled.
 */
export function spreadSeries(long: ContractFunding, short: ContractFunding): SpreadPoint[] {
  const points: SpreadPoint[] = [];
  let longValue: number | null = null;
  let shortValue: number | null = null;
  let l = 0;
  let s = 0;
  while (l < long.settlements.length || s < short.settlements.length) {
    const time = Math.min(long.settlements[l]?.time ?? Infinity, short.settlements[s]?.time ?? Infinity);
    if (long.settlements[l]?.time === time) longValue = long.settlements[l++]!.annualised;
    if (short.settlements[s]?.time === time) shortValue = short.settlements[s++]!.annualised;
    if (longValue !== null && shortValue !== null) points.push({ time, spread: shortValue - longValue });
  }
  return points;
}

/** Each point weighted by the time it holds inside (now − days, now]; null when the series starts after the window does. */
function spreadWindow(series: readonly SpreadPoint[], days: number, now: number): Weighted[] | null {
  const from = now - days * DAY_MS;
  if (series.length === 0 || series[0]!.time > from) return null;
  return series.map((point, i) => {
    const until = Math.min(series[i + 1]?.time ?? now, now);
    return { value: point.spread, weight: Math.max(0, until - Math.max(point.time, from)) };
  });
}

/** How long the spread has kept its current sign; `beyondHistory` when it held over the whole series, so for at least `hours`. */
export interface SpreadAlive {
  since: number;
  hours: number;
  beyondHistory: boolean;
}

function spreadAlive(series: readonly SpreadPoint[], now: number): SpreadAlive | null {
  const newest = series.at(-1);
  if (!newest) return null;
  const sign = Math.sign(newest.spread);
  let first = series.length - 1;
  while (first > 0 && Math.sign(series[first - 1]!.spread) === sign) first--;
  const since = series[first]!.time;
  return { since, hours: (now - since) / HOUR_MS, beyondHistory: first === 0 };
}

export interface PairSpreadStats {
  /** The newest settled spread: its sign against today's tells whether the spread has just flipped. */
  latest: number | null;
  median7d: number | null;
  median30d: number | null;
  alive: SpreadAlive | null;
  /** Standard deviation of the spread over 30 days, each value weighted by how long it held. */
  stability30d: number | null;
  /** The settled spread over the last 90 days the history holds, each value weighted by its hours; null below MIN_STANDING_POINTS. */
  standing: readonly Weighted[] | null;
}

const STANDING_DAYS = 90;

/** The spread's points inside the last 90 days, each weighted by the time it held there; null below MIN_STANDING_POINTS. */
function standingSample(series: readonly SpreadPoint[], now: number): Weighted[] | null {
  const from = now - STANDING_DAYS * DAY_MS;
  const sample: Weighted[] = [];
  series.forEach((point, i) => {
    const until = Math.min(series[i + 1]?.time ?? now, now);
    if (until > from) sample.push({ value: point.spread, weight: until - Math.max(point.time, from) });
  });
  return sample.length < MIN_STANDING_POINTS ? null : sample;
}

export function pairSpreadStats(long: ContractFunding, short: ContractFunding, now: number): PairSpreadStats {
  const series = spreadSeries(long, short);
  const week = spreadWindow(series, 7, now);
  const month = spreadWindow(series, 30, now);
  return {
    latest: series.at(-1)?.spread ?? null,
    median7d: week && weightedMedian(week),
    median30d: month && weightedMedian(month),
    alive: spreadAlive(series, now),
    stability30d: month && weightedStdDev(month),
    standing: standingSample(series, now),
  };
}

/** 0–100: the share of those hours the settled spread stood below today's (annualised); equal ones count half. */
export function spreadPercentile(stats: PairSpreadStats, current: number | null): number | null {
  return stats.standing === null || current === null ? null : weightedPercentile(stats.standing, current);
}
