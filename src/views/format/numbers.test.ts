import { describe, expect, it } from 'vitest';
import { formatBps, formatCountdown, formatPercent, formatPrice, formatVolume, NO_VALUE, priceDecimals } from './numbers';

describe('number formatting', () => {
  it('keeps about six significant digits for prices of any size', () => {
    expect(formatPrice(95_123.456)).toBe('95,123.46');
    expect(formatPrice(3.521404)).toBe('3.52140');
    expect(formatPrice(0.000012345)).toBe('0.00001235');
    expect(priceDecimals(0)).toBe(2);
  });

  it('shows percentages and basis points with a sign and fixed decimals', () => {
    expect(formatPercent(0.000125, 4)).toBe('+0.0125%');
    expect(formatPercent(1.095, 2)).toBe('+109.50%');
    expect(formatPercent(0.3285, 2)).toBe('+32.85%');
    expect(formatPercent(-0.0002, 4)).toBe('−0.0200%');
    expect(formatPercent(0, 4)).toBe('0.0000%');
    expect(formatBps(0.000512)).toBe('+5.12');
    expect(formatBps(-0.0508)).toBe('−508.00');
  });

  it('never shows NaN, undefined or a sentinel', () => {
    for (const text of [formatPrice(null), formatPercent(Number.NaN, 2), formatBps(Infinity), formatVolume(null), formatCountdown(null)]) {
      expect(text).toBe(NO_VALUE);
    }
  });

  it('formats volumes compactly and countdowns as a clock', () => {
    expect(formatVolume(1_234_567)).toBe('1.23M');
    expect(formatCountdown(8 * 3_600_000 - 2000)).toBe('07:59:58');
    expect(formatCountdown(26 * 3_600_000)).toBe('1d 02:00:00');
    expect(formatCountdown(-5)).toBe('00:00:00');
  });
});
