import { describe, expect, it } from 'vitest';
import { annualiseFunding, intervalHoursBetween, nextSettlement, premiumOf } from './funding';
import { coinOf } from './perp';

describe('annualiseFunding', () => {
  it('annualises from the interval, never a constant', () => {
    expect(annualiseFunding(0.0005, 4)).toBeCloseTo(1.095, 12);
    expect(annualiseFunding(0.0003, 8)).toBeCloseTo(0.3285, 12);
    expect(annualiseFunding(0.0001, 8)).toBeCloseTo(0.1095, 12);
    expect(annualiseFunding(0.0001, 1)).toBeCloseTo(0.876, 12);
    expect(annualiseFunding(-0.0002, 2)).toBeCloseTo(-0.876, 12);
  });
});

describe('premiumOf', () => {
  it('is mark / index − 1', () => {
    expect(premiumOf(100.05, 100)).toBeCloseTo(0.0005, 12);
    expect(premiumOf(11185.87786614, 11784.62659091)! * 10_000).toBeCloseTo(-508.08, 1);
  });
  it('is null without both prices', () => {
    expect(premiumOf(null, 1)).toBeNull();
    expect(premiumOf(1, 0)).toBeNull();
  });
});

describe('nextSettlement', () => {
  const t = Date.UTC(2026, 10, 23, 8);
  it('counts down to the next funding time and rolls over by whole intervals', () => {
    expect(nextSettlement(t, 8, t - 1000)).toBe(t);
    expect(nextSettlement(t, 8, t)).toBe(t + 8 * 3_600_000);
    expect(nextSettlement(t, 4, t + 5 * 3_600_000)).toBe(t + 8 * 3_600_000);
  });
});

describe('intervalHoursBetween', () => {
  it('derives OKX intervals', () => {
    expect(intervalHoursBetween(0, 3_600_000)).toBe(1);
    expect(intervalHoursBetween(0, 8 * 3_600_000)).toBe(8);
    expect(intervalHoursBetween(10, 5)).toBeNull();
  });
});

describe('coinOf', () => {
  it('strips contract multipliers so one coin lines up across exchanges', () => {
    expect(coinOf('1000PEPE')).toBe('PEPE');
    expect(coinOf('1000000MOG')).toBe('MOG');
    expect(coinOf('1MBABYDOGE')).toBe('BABYDOGE');
    expect(coinOf('BTC')).toBe('BTC');
    expect(coinOf('1INCH')).toBe('1INCH');
  });
});
