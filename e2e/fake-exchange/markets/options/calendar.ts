/**
 * Which expiries a venue lists at a given time. Both venues expire options at 08:00 UTC and list
 * the next few dailies, Friday weeklies, last-Friday monthlies and last-Friday-of-quarter
 * quarterlies. The schedule only moves forward: an expiry, once listed, stays until it settles,
 * and each settlement brings the next date of its kind into the list.
 */

export type Tenor = 'daily' | 'weekly' | 'monthly' | 'quarterly';

/** Shortest to longest; an expiry serving several kinds takes the longest (it decides the strike grid). */
const TENORS: readonly Tenor[] = ['daily', 'weekly', 'monthly', 'quarterly'];

export type ExpiryCounts = Readonly<Record<Tenor, number>>;

export interface ScheduledExpiry {
  time: number;
  tenor: Tenor;
}

const EXPIRY_HOUR_UTC = 8;
const FRIDAY = 5;
const QUARTER_END_MONTHS = new Set([2, 5, 8, 11]);

/** Expiries listed at `now` (strictly after it), oldest first. */
export function scheduledExpiries(now: number, counts: ExpiryCounts): ScheduledExpiry[] {
  const byTime = new Map<number, Tenor>();
  const add = (time: number, tenor: Tenor) => {
    const current = byTime.get(time);
    if (current === undefined || TENORS.indexOf(tenor) > TENORS.indexOf(current)) byTime.set(time, tenor);
  };

  const start = new Date(now);
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth();
  let dailies = 0;
  let weeklies = 0;
  for (let day = start.getUTCDate(); dailies < counts.daily || weeklies < counts.weekly; day++) {
    const time = Date.UTC(year, month, day, EXPIRY_HOUR_UTC);
    if (time <= now) continue;
    if (dailies < counts.daily) {
      add(time, 'daily');
      dailies++;
    }
    if (weeklies < counts.weekly && new Date(time).getUTCDay() === FRIDAY) {
      add(time, 'weekly');
      weeklies++;
    }
  }
  let monthlies = 0;
  let quarterlies = 0;
  for (let offset = 0; monthlies < counts.monthly || quarterlies < counts.quarterly; offset++) {
    const time = lastFridayOfMonth(year, month + offset);
    if (time <= now) continue;
    if (monthlies < counts.monthly) {
      add(time, 'monthly');
      monthlies++;
    }
    if (quarterlies < counts.quarterly && QUARTER_END_MONTHS.has(new Date(time).getUTCMonth())) {
      add(time, 'quarterly');
      quarterlies++;
    }
  }
  return [...byTime].map(([time, tenor]) => ({ time, tenor })).sort((a, b) => a.time - b.time);
}

/** 08:00 UTC on the last Friday of `month` (0-based, may run past 11 into later years). */
export function lastFridayOfMonth(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, EXPIRY_HOUR_UTC));
  const daysBack = (lastDay.getUTCDay() - FRIDAY + 7) % 7;
  return Date.UTC(lastDay.getUTCFullYear(), lastDay.getUTCMonth(), lastDay.getUTCDate() - daysBack, EXPIRY_HOUR_UTC);
}

/** The symbol's date part: "261127" for 27 Nov 2026. */
export function yymmdd(time: number): string {
  const date = new Date(time);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getUTCFullYear() % 100)}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}`;
}
