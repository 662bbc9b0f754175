import { describe, expect, it } from 'vitest';
import { lastFridayOfMonth, scheduledExpiries, yymmdd } from './calendar.ts';

const at = (date: string) => Date.parse(`${date}Z`);
const dates = (now: number, counts = { daily: 3, weekly: 4, monthly: 3, quarterly: 2 }) =>
  scheduledExpiries(now, counts).map(({ time, tenor }) => `${yymmdd(time)} ${tenor}`);

describe('scheduledExpiries', () => {
  it('lists dailies, Friday weeklies, last-Friday monthlies and quarterlies, each date once with its longest tenor', () => {
    // Monday 23 Nov 2026, noon.
    expect(dates(at('2026-11-23T12:00:00'))).toEqual([
      '261124 daily',
      '261125 daily',
      '261126 daily',
      '261127 monthly', // a Friday, and November's last one
      '261204 weekly',
      '261211 weekly',
      '261218 weekly',
      '261225 quarterly', // December's last Friday closes the quarter
      '270129 monthly',
      '270326 quarterly',
    ]);
  });

  it('expires at 08:00 UTC: at 08:00 sharp the day has gone, a minute earlier it is still listed', () => {
    const first = (now: number) => scheduledExpiries(now, { daily: 1, weekly: 0, monthly: 0, quarterly: 0 })[0]!.time;
    expect(first(at('2026-11-24T07:59:00'))).toBe(at('2026-11-24T08:00:00'));
    expect(first(at('2026-11-24T08:00:00'))).toBe(at('2026-11-25T08:00:00'));
  });

  it('rolls over month and year ends', () => {
    expect(dates(at('2026-12-30T09:00:00'), { daily: 3, weekly: 1, monthly: 2, quarterly: 1 })).toEqual([
      '261231 daily',
      '270101 weekly',
      '270102 daily',
      '270129 monthly',
      '270226 monthly',
      '270326 quarterly',
    ]);
  });

  it('finds the last Friday of any month', () => {
    expect(yymmdd(lastFridayOfMonth(2026, 1))).toBe('260227');
    expect(yymmdd(lastFridayOfMonth(2026, 4))).toBe('260529'); // 31 May is a Sunday
    expect(yymmdd(lastFridayOfMonth(2026, 13))).toBe('270226'); // month 13 = February next year
    expect(new Date(lastFridayOfMonth(2027, 6)).getUTCHours()).toBe(8);
  });
});
