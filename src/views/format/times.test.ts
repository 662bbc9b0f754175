import { describe, expect, it } from 'vitest';
import { formatTime, realDate } from './times';

const iso = (date: Date) => date.toISOString();

describe('formatTime', () => {
  it('formats a real date', () => {
    expect(formatTime(Date.UTC(2026, 8, 25, 8), iso)).toBe('2026-09-25T08:00:00.000Z');
    expect(formatTime(8.64e15, iso)).toBe('+275760-09-13T00:00:00.000Z');
  });

  it('shows a time no Date holds as a dash instead of throwing', () => {
    const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
    for (const ms of [9e15, -9e15, NaN, Infinity, null]) {
      expect(formatTime(ms, iso)).toBe('—');
      expect(formatTime(ms, (date) => dayFormat.format(date))).toBe('—');
      expect(realDate(ms)).toBeNull();
    }
  });
});
