import { weightedMean, weightedMedian, weightedPercentile, weightedStdDev, type Weighted } from '../math/weightedStats';
import type { FundingHistory, FundingSettlement } from './fundingHistory';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const HOURS_PER_YEAR = 24 * 365;

/** A settlement with the interval it closed and its rate over a year at that interval. */
export interface AnnualisedSettlement extends FundingSettlement {
  intervalHours: number;
  annualised: number;
}

/** A contract's settlements, oldest first, each annualised by its own interval. */
export interface ContractFunding {
  settlements: AnnualisedSettlement[];
  /** Every funding period after this moment is in the history: its `coveredFrom`, or earlier by the oldest settlement's own period. */
  coveredFrom: number;
}

/** Gaps round to whole hours: venues stamp a settlement a few ms after the hour (Binance). */
function gapHours(from: number, to: number): number | null {
  const hours = Math.round((to - from) / HOUR_MS);
  return hours >= 1 ? hours : null;
}

/**
 * Each settlement's interval, from the gap to the one before it. A gap is taken as an interval only
 * when a neighbouring gap agrees (or, for the newest, the current interval does): a lone gap of
 * another length, as a missed settlement leaves, keeps the interval before it. The first settlement
 * takes the first interval so found; the current one when none is.
 */
export function settlementIntervals(times: readonly number[], currentIntervalHours: number): number[] {
  const gaps = times.map((time, i) => (i === 0 ? null : gapHours(times[i - 1]!, time)));
  const agreed = gaps.map((gap, i) => {
    if (gap === null) return null;
    const newest = i === gaps.length - 1;
    return gap === gaps[i - 1] || gap === gaps[i + 1] || (newest && gap === currentIntervalHours) ? gap : null;
  });
  let interval = agreed.find((gap) => gap !== null) ?? currentIntervalHours;
  return agreed.map((gap) => (interval = gap ?? interval));
}

export function annualiseHistory(history: FundingHistory, currentIntervalHours: number): ContractFunding {
  const intervals = settlementIntervals(
    history.settlements.map((settlement) => settlement.time),
    currentIntervalHours,
  );
  const settlements = history.settlements.map((settlement, i) => {
    const intervalHours = intervals[i]!;
    return { ...settlement, intervalHours, annualised: (settlement.rate * HOURS_PER_YEAR) / intervalHours };
  });
  const oldest = settlements[0];
  const oldestPeriodStart = oldest ? oldest.time - oldest.intervalHours * HOUR_MS : history.coveredFrom;
  return { settlements, coveredFrom: Math.min(history.coveredFrom, oldestPeriodStart) };
}

/** The settlements of (from, now], each weighted by the hours it settled. */
function settledSample(funding: ContractFunding, from: number, now: number): Weighted[] {
  return funding.settlements
    .filter((settlement) => settlement.time > from && settlement.time <= now)
    .map((settlement) => ({ value: settlement.annualised, weight: settlement.intervalHours }));
}

/** The window (now − days, now]; null when the history does not reach back over it. */
function windowSample(funding: ContractFunding, days: number, now: number): Weighted[] | null {
  const from = now - days * DAY_MS;
  return funding.coveredFrom > from ? null : settledSample(funding, from, now);
}

export const FUNDING_WINDOWS = [3, 7, 30, 90] as const;

/** Annualised mean and median over a window; each settlement counts for the hours it settled, so a shortened interval is not counted twice over. */
export interface FundingWindow {
  days: number;
  mean: number | null;
  median: number | null;
}

export function fundingWindows(funding: ContractFunding, now: number, windows: readonly number[] = FUNDING_WINDOWS): FundingWindow[] {
  return windows.map((days) => {
    const sample = windowSample(funding, days, now);
    return { days, mean: sample && weightedMean(sample), median: sample && weightedMedian(sample) };
  });
}

/** Fewer settlements than this: a percentile moves in steps of 10 points or more, and a deviation is noise. */
export const MIN_STANDING_POINTS = 10;
const STANDING_DAYS = 90;

export interface RateStanding {
  /** 0–100: the share of the last 90 days' settled hours below the current rate (equal ones count half). */
  percentile: number | null;
  /** Deviations from the 90-day mean; null also when every settlement was the same (no deviation to measure by). */
  zScore: number | null;
  points: number;
}

/** The current rate (annualised) against the settlements of the last 90 days, however many of them the history holds. */
export function rateStanding(funding: ContractFunding, currentAnnualised: number, now: number): RateStanding {
  const sample = settledSample(funding, now - STANDING_DAYS * DAY_MS, now);
  if (sample.length < MIN_STANDING_POINTS) return { percentile: null, zScore: null, points: sample.length };
  const mean = weightedMean(sample);
  const deviation = weightedStdDev(sample);
  return {
    percentile: weightedPercentile(sample, currentAnnualised),
    zScore: mean === null || deviation === null || deviation === 0 ? null : (currentAnnualised - mean) / deviation,
    points: sample.length,
  };
}

export interface SignStreak {
  sign: -1 | 0 | 1;
  count: number;
  /** The oldest settlement of the streak. */
  since: number;
}

/** How many of the newest settlements share the newest one's sign; null without a settlement. */
export function signStreak(funding: ContractFunding): SignStreak | null {
  const { settlements } = funding;
  const newest = settlements.at(-1);
  if (!newest) return null;
  const sign = Math.sign(newest.rate) as SignStreak['sign'];
  let first = settlements.length - 1;
  while (first > 0 && Math.sign(settlements[first - 1]!.rate) === sign) first--;
  return { sign, count: settlements.length - first, since: settlements[first]!.time };
}

/** `at`: the settlement from which periods ran at the new length. */
export interface IntervalChange {
  at: number;
  fromHours: number;
  toHours: number;
}

export const INTERVAL_CHANGE_DAYS = 30;

export function intervalChanges(funding: ContractFunding, now: number, days = INTERVAL_CHANGE_DAYS): IntervalChange[] {
  const from = now - days * DAY_MS;
  const changes: IntervalChange[] = [];
  const { settlements } = funding;
  for (let i = 1; i < settlements.length; i++) {
    const before = settlements[i - 1]!;
    const after = settlements[i]!;
    if (after.intervalHours !== before.intervalHours && before.time > from && before.time <= now) {
      changes.push({ at: before.time, fromHours: before.intervalHours, toHours: after.intervalHours });
    }
  }
  return changes;
}
