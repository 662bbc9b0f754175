import { describe, expect, it } from 'vitest';
import { NO_VALUE } from './numbers';
import { volPoints } from './volPoints';

describe('vol points', () => {
  it('shows an IV fraction in vol points to a hundredth, signing spreads but never a zero one', () => {
    expect(volPoints(0.50604)).toBe('50.60');
    expect(volPoints(0.0043, true)).toBe('+0.43');
    expect(volPoints(-0.0043, true)).toBe('−0.43');
    expect(volPoints(-0.00004, true)).toBe('0.00');
    expect(volPoints(null)).toBe(NO_VALUE);
    expect(volPoints(Number.NaN)).toBe(NO_VALUE);
  });
});
