import { describe, expect, it } from 'vitest';
import type { CallPut, OptionRow } from '../option';
import { annualisedBasis } from './basis';
import { atmVol, chainExpiryVols, expiryVols, nearestExpiryAtm, smileOf, volAtDelta, type ExpiryVols } from './expiryVols';
import { tenorVols } from './tenors';
import { interpolateTotalVariance } from './totalVariance';

const DAY = 86_400_000;

function option(strike: number, callPut: CallPut, values: Partial<OptionRow> = {}): OptionRow {
  return {
    exchange: 'binance', symbol: `BTC-30-${strike}-${callPut}`, underlying: 'BTCUSDT', base: 'BTC', expiry: 30 * DAY, strike, callPut, priceCurrency: 'USDT',
    key: `binance:${strike}:${callPut}`, mark: null, bid: null, ask: null, bidSize: null, askSize: null, markIv: null, bidIv: null, askIv: null,
    delta: null, gamma: null, theta: null, vega: null, underlyingPrice: null, highLimit: null, lowLimit: null, greeksTime: 0, markTime: 0, bookTime: 0, appliedAt: 0,
    ...values,
  };
}

function expiry(days: number, atm: number | null, call25: number | null = null, put25: number | null = null): ExpiryVols {
  return { expiry: days * DAY, years: days / 365, forward: 100, atm, call25, put25, riskReversal: null, butterfly: null };
}

describe('total variance interpolation', () => {
  it('is linear in σ²·t between the two points, and refuses to reach outside them', () => {
    // 0.5² + (0.7² − 0.5²) × ½ = 0.37.
    expect(interpolateTotalVariance({ x: 0.5, t: 1 }, { x: 0, vol: 0.5, t: 1 }, { x: 1, vol: 0.7, t: 1 })).toBeCloseTo(Math.sqrt(0.37), 12);
    expect(interpolateTotalVariance({ x: 1.1, t: 1 }, { x: 0, vol: 0.5, t: 1 }, { x: 1, vol: 0.7, t: 1 })).toBeNull();
  });
});

describe('an expiry’s vols', () => {
  // Forward 100: the 95 put (55 %) and the 105 call (50 %) are the strikes around it, each the out-of-the-money side.
  const chain = [
    option(95, 'put', { markIv: 0.55, delta: -0.3 }),
    option(95, 'call', { markIv: 0.9, delta: 0.7, underlyingPrice: 100, greeksTime: 2 }),
    option(105, 'call', { markIv: 0.5, delta: 0.3 }),
    option(105, 'put', { markIv: 0.9, delta: -0.7 }),
    option(110, 'call', { markIv: 0.56, delta: 0.2 }),
    option(90, 'put', { markIv: 0.6, delta: -0.2 }),
    // An older forward: the newest greeks' forward is the one used.
    option(120, 'call', { markIv: null, underlyingPrice: 90, greeksTime: 1 }),
  ];

  it('takes the out-of-the-money side per strike', () => {
    expect(smileOf(chain, 100)).toEqual([
      { strike: 90, iv: 0.6 },
      { strike: 95, iv: 0.55 },
      { strike: 105, iv: 0.5 },
      { strike: 110, iv: 0.56 },
    ]);
  });

  it('reads ATM IV at the forward in total variance against log-moneyness', () => {
    // k = ln(0.95) = −0.051293, ln(1.05) = 0.048790; weight 0.512504; σ² = 0.3025 − 0.0525 × 0.512504 = 0.275594.
    expect(atmVol(smileOf(chain, 100), 100, 30 / 365)).toBeCloseTo(0.52497, 5);
    // A forward beyond the strikes listed: no ATM IV rather than an extrapolated one.
    expect(atmVol(smileOf(chain, 100), 130, 30 / 365)).toBeNull();
  });

  it('reads the 25-delta wings between the strikes around them, and the risk reversal and butterfly', () => {
    // Calls: delta 0.3 → 50 %, 0.2 → 56 %: at 0.25, 53 %. Puts: −0.3 → 55 %, −0.2 → 60 %: at −0.25, 57.5 %.
    expect(volAtDelta(chain, 'call', 0.25)).toBeCloseTo(0.53, 12);
    expect(volAtDelta(chain, 'put', -0.25)).toBeCloseTo(0.575, 12);
    expect(volAtDelta(chain, 'call', 0.1)).toBeNull();
    const vols = expiryVols(chain, 0)!;
    expect(vols.forward).toBe(100);
    expect(vols.riskReversal).toBeCloseTo(-0.045, 12);
    // (53 + 57.5) / 2 − 52.497 = 2.753 vol points.
    expect(vols.butterfly).toBeCloseTo(0.02753, 5);
    expect(expiryVols(chain, 30 * DAY)).toBeNull();
  });

  it('gives an ATM IV alert the nearest expiry’s ATM, passing over one expired', () => {
    const later = (days: number) => option(100, 'call', { expiry: days * DAY, markIv: 0.9, underlyingPrice: 100, greeksTime: 3 });
    expect(nearestExpiryAtm([later(2), ...chain, later(60)], 3 * DAY)).toBeCloseTo(0.52497, 5);
    expect(nearestExpiryAtm([later(2)], 3 * DAY)).toBeNull();
  });
});

describe("a chain's expiries", () => {
  it('are read nearest first, leaving out one expired and one with no forward yet', () => {
    const at = (days: number, values: Partial<OptionRow>) => option(100, 'call', { expiry: days * DAY, markIv: 0.5, ...values });
    const chain = [at(20, { underlyingPrice: 100 }), at(5, { underlyingPrice: 100 }), at(1, { underlyingPrice: 100 }), at(9, {})];
    expect(chainExpiryVols(chain, 2 * DAY).map((vols) => vols.expiry / DAY)).toEqual([5, 20]);
  });
});

describe('constant tenors', () => {
  it('interpolate total variance between the expiries around them, and never extrapolate', () => {
    // 10 d at 50 % and 40 d at 60 %: σ²·days 2.5 and 14.4; at 30 d, 2.5 + 11.9 × ⅔ = 10.4333, σ² = 0.347778.
    const [seven, thirty, sixty] = tenorVols([expiry(40, 0.6, 0.62, 0.7), expiry(10, 0.5, 0.52, 0.6)], [7, 30, 60]);
    expect(seven).toEqual({ days: 7, atm: null, call25: null, put25: null, riskReversal: null, butterfly: null });
    expect(thirty!.atm).toBeCloseTo(0.589727, 6);
    expect(thirty!.riskReversal).toBeCloseTo(thirty!.call25! - thirty!.put25!, 12);
    expect(sixty!.atm).toBeNull();
  });

  it('a tenor on a listed expiry is that expiry’s figure', () => {
    expect(tenorVols([expiry(7, 0.45), expiry(30, 0.5)], [7, 30]).map((tenor) => tenor.atm)).toEqual([0.45, 0.5]);
  });
});

describe('annualised basis', () => {
  it('is (mark / index − 1) × 365 / days to expiry', () => {
    // 1 % over 30 days: 12.1667 % a year.
    expect(annualisedBasis(101, 100, 30 * DAY, 0)).toBeCloseTo(0.121667, 6);
    expect(annualisedBasis(99, 100, 73 * DAY, 0)).toBeCloseTo(-0.05, 12);
    expect(annualisedBasis(101, 100, 0, 0)).toBeNull();
    expect(annualisedBasis(null, 100, 30 * DAY, 0)).toBeNull();
  });
});
