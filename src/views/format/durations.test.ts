import { describe, expect, it } from 'vitest';
import { formatHours } from './durations';

describe('formatHours', () => {
  it('reads in minutes under an hour, hours under two days, days beyond', () => {
    expect(formatHours(0.75)).toBe('45 min');
    expect(formatHours(14)).toBe('14.0 h');
    expect(formatHours(47.96)).toBe('48.0 h');
    expect(formatHours(76.8)).toBe('3.2 d');
  });

  it('shows a dash for nothing, never NaN or a negative time', () => {
    expect(formatHours(null)).toBe('—');
    expect(formatHours(Number.NaN)).toBe('—');
    expect(formatHours(-1)).toBe('—');
  });
});
