import { describe, expect, it } from 'vitest';
import {
  impliedVol,
  MS_PER_DAY,
  normalCdf,
  optionPrice,
  optionValuation,
  yearsBetween,
  type OptionInputs,
} from './blackScholes';

describe('normalCdf', () => {
  it.each([
    [0, 0.5],
    [1, 0.8413447460685429],
    [-1.96, 0.024997895148220435],
    [3, 0.9986501019683699],
    [-5, 2.866515718791939e-7],
    [-8, 6.22096057427178e-16],
  ])('N(%f) = %f', (x, expected) => {
    expect(Math.abs(normalCdf(x) - expected)).toBeLessThan(1e-15);
    // Relative accuracy only matters for pricing far wings; it stays below 1e-8 even at x = −8.
    expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-8);
  });
});

describe('optionValuation against textbook values (Hull, Options, Futures and Other Derivatives)', () => {
  it('prices the call and put of Example 15.6 (S 42, K 40, r 10 %, σ 20 %, 6 months)', () => {
    const inputs = { underlying: 42, strike: 40, years: 0.5, vol: 0.2, rate: 0.1 };
    expect(optionPrice({ ...inputs, kind: 'call' })).toBeCloseTo(4.7594, 4);
    expect(optionPrice({ ...inputs, kind: 'put' })).toBeCloseTo(0.8086, 4);
  });

  it('gives the greeks of the delta-hedging example (S 49, K 50, r 5 %, σ 20 %, 20 weeks)', () => {
    const call = optionValuation({ kind: 'call', underlying: 49, strike: 50, years: 0.3846, vol: 0.2, rate: 0.05 });
    expect(call.price).toBeCloseTo(2.4, 2);
    expect(call.delta).toBeCloseTo(0.522, 3);
    expect(call.gamma).toBeCloseTo(0.066, 3);
    // Hull: theta −4.31 per year = −0.0118 per calendar day; vega 12.1 per unit vol = 0.121 per vol point.
    expect(call.thetaPerDay * 365).toBeCloseTo(-4.31, 2);
    expect(call.vegaPerVolPoint).toBeCloseTo(0.121, 3);
  });

  it('prices Black-76 futures options with carryYield = rate (F 20, K 20, r 9 %, σ 25 %, 4 months)', () => {
    const onForward = { underlying: 20, strike: 20, years: 4 / 12, vol: 0.25, rate: 0.09, carryYield: 0.09 };
    expect(optionPrice({ ...onForward, kind: 'put' })).toBeCloseTo(1.12, 2);
    expect(optionPrice({ ...onForward, kind: 'call' })).toBeCloseTo(optionPrice({ ...onForward, kind: 'put' }), 12);
  });

  it('satisfies put-call parity and call-put delta = e^{-qT}', () => {
    const inputs = { underlying: 3500, strike: 3200, years: 0.25, vol: 0.7, rate: 0.04, carryYield: 0.01 };
    const call = optionValuation({ ...inputs, kind: 'call' });
    const put = optionValuation({ ...inputs, kind: 'put' });
    const parity = 3500 * Math.exp(-0.01 * 0.25) - 3200 * Math.exp(-0.04 * 0.25);
    expect(call.price - put.price).toBeCloseTo(parity, 9);
    expect(call.delta - put.delta).toBeCloseTo(Math.exp(-0.01 * 0.25), 12);
    expect(call.gamma).toBeCloseTo(put.gamma, 15);
    expect(call.vegaPerVolPoint).toBeCloseTo(put.vegaPerVolPoint, 12);
  });

  it('matches finite differences for delta, gamma, theta and vega', () => {
    const base: OptionInputs = { kind: 'put', underlying: 100_000, strike: 95_000, years: 30 / 365, vol: 0.55 };
    const at = (change: Partial<OptionInputs>) => optionPrice({ ...base, ...change });
    const v = optionValuation(base);
    const h = 1;
    expect(v.delta).toBeCloseTo((at({ underlying: 100_000 + h }) - at({ underlying: 100_000 - h })) / (2 * h), 6);
    expect(v.gamma).toBeCloseTo((at({ underlying: 100_000 + h }) - 2 * v.price + at({ underlying: 100_000 - h })) / h ** 2, 9);
    const dt = 1e-6;
    expect(v.thetaPerDay).toBeCloseTo((at({ years: 30 / 365 - dt }) - at({ years: 30 / 365 + dt })) / (2 * dt * 365), 4);
    expect(v.vegaPerVolPoint).toBeCloseTo((at({ vol: 0.555 }) - at({ vol: 0.545 })) / 1, 3);
  });

  it('is worth its intrinsic value at expiry, with no time value greeks', () => {
    const expired = optionValuation({ kind: 'call', underlying: 105, strike: 100, years: 0, vol: 0.5 });
    expect(expired).toEqual({ price: 5, delta: 1, gamma: 0, thetaPerDay: 0, vegaPerVolPoint: 0 });
    expect(optionValuation({ kind: 'put', underlying: 105, strike: 100, years: -1, vol: 0.5 }).price).toBe(0);
  });
});

describe('impliedVol', () => {
  it.each([
    ['call', 60_000],
    ['call', 100_000],
    ['call', 180_000],
    ['put', 40_000],
    ['put', 100_000],
    ['put', 130_000],
  ] as const)('recovers the vol of a %s struck at %d', (kind, strike) => {
    const inputs = { kind, underlying: 100_000, strike, years: 45 / 365, rate: 0.03 };
    for (const vol of [0.05, 0.4, 0.9, 2.5]) {
      const { price, vegaPerVolPoint } = optionValuation({ ...inputs, vol });
      if (vegaPerVolPoint < 1e-6) continue; // so far from the money that the price carries no vol
      expect(impliedVol(price, inputs)).toBeCloseTo(vol, 7);
    }
  });

  it('converges from any starting guess', () => {
    const inputs = { kind: 'call' as const, underlying: 0.17, strike: 0.2, years: 3 / 365 };
    const price = optionPrice({ ...inputs, vol: 1.1 });
    for (const guess of [1e-4, 0.3, 5, 10]) expect(impliedVol(price, inputs, guess)).toBeCloseTo(1.1, 7);
  });

  it('returns null when no vol reproduces the price', () => {
    const call = { kind: 'call' as const, underlying: 100, strike: 90, years: 0.5 };
    expect(impliedVol(9.99, call)).toBeNull(); // below intrinsic value
    expect(impliedVol(100, call)).toBeNull(); // a call is never worth the underlying
    expect(impliedVol(0, call)).toBeNull();
    expect(impliedVol(-1, call)).toBeNull();
    expect(impliedVol(12, { ...call, years: 0 })).toBeNull();
    expect(impliedVol(Number.NaN, call)).toBeNull();
    const needsVolAboveLimit = optionPrice({ ...call, years: 1 / 365, vol: 15 });
    expect(impliedVol(needsVolAboveLimit, { ...call, years: 1 / 365 })).toBeNull();
  });
});

/**
 * Binance `@optionMarkPrice` units, pinned on the two rows of the seed page
 * (exchange-docs/binance-options-mark-price.txt): index i = 104334.60217391, E = 1762867543321,
 * rf = 0, expiries 251120 and 251123 at 08:00 UTC, mark IV `vo`.
 *
 * Conclusion (Black-Scholes at `vo` on the index, time = (expiry − E) / (365 × 86 400 000 ms)):
 * - `d` = delta, per 1 USDT of underlying: 0.11111964 vs 0.1111196 (ours), 0.14869196 vs 0.1486919;
 * - `g` = gamma per USDT, rounded to 8 decimals: 0.00001245 vs 0.0000124456, 0.00001326 vs 0.0000132569;
 * - `t` = theta in USDT per calendar day of a 365-day year: −164.26702615 vs −164.2670239,
 *   −172.12148811 vs −172.1214884 (a 365.25-day year gives −164.117, per-year −59 957);
 * - `v` = vega in USDT per 1 vol point (σ + 0.01): 30.63855919 vs 30.6385589, 43.43627792 vs 43.4362780;
 * - `mp` = the call price at `vo` (770.543 vs 770.5445, 1249.61 vs 1249.6166), truncated to the price
 *   precision; `b`/`a` are the IVs of `bo`/`ao`; `hl`/`ll` = mark × 1.2 / × 0.8, truncated.
 * The last digits of `mp`, `hl`, `ll` and `a` differ from an exact N(x) by a few 1e-6 relative: Binance
 * evaluates N(x) with the Abramowitz-Stegun 26.2.17 polynomial (|error| < 7.5e-8). With that polynomial
 * every seed number reproduces to its last printed digit (last test below).
 */
describe('Binance option mark price units (seed page)', () => {
  const index = 104334.60217391;
  const eventTime = 1762867543321;
  const seedRows = [
    {
      symbol: 'BTC-251120-126000-C',
      expiry: Date.UTC(2025, 10, 20, 8),
      mp: 770.543, bo: 0, ao: 900, b: -1, a: 0.98161161, hl: 924.652, ll: 616.435,
      vo: 0.9408058, d: 0.11111964, t: -164.26702615, g: 0.00001245, v: 30.63855919,
    },
    {
      symbol: 'BTC-251123-126000-C',
      expiry: Date.UTC(2025, 10, 23, 8),
      mp: 1249.61, bo: 1200, ao: 1300, b: 0.92159033, a: 0.94461441, hl: 1499.533, ll: 999.688,
      vo: 0.93310237, d: 0.14869196, t: -172.12148811, g: 0.00001326, v: 43.43627792,
    },
  ];
  const inputsOf = (row: (typeof seedRows)[number]) =>
    ({ kind: 'call', underlying: index, strike: 126_000, years: yearsBetween(eventTime, row.expiry), rate: 0 }) as const;

  it.each(seedRows)('$symbol: d, g, t, v are delta, gamma, theta per day (ACT/365) and vega per vol point', (row) => {
    const ours = optionValuation({ ...inputsOf(row), vol: row.vo });
    expect(Math.abs(ours.delta - row.d)).toBeLessThan(1e-7);
    expect(Math.abs(ours.gamma - row.g)).toBeLessThan(5.1e-9); // `g` carries 8 decimals
    expect(Math.abs(ours.thetaPerDay / row.t - 1)).toBeLessThan(1e-6);
    expect(Math.abs(ours.vegaPerVolPoint / row.v - 1)).toBeLessThan(1e-6);
  });

  it.each(seedRows)('$symbol: mp is the price at vo, bo/ao are priced at the b/a IVs (within 1e-5)', (row) => {
    const inputs = inputsOf(row);
    expect(Math.abs(optionPrice({ ...inputs, vol: row.vo }) / row.mp - 1)).toBeLessThan(1e-5);
    expect(Math.abs(optionPrice({ ...inputs, vol: row.a }) / row.ao - 1)).toBeLessThan(1e-5);
    if (row.b > 0) expect(Math.abs(optionPrice({ ...inputs, vol: row.b }) / row.bo - 1)).toBeLessThan(1e-5);
  });

  it('rejects the other candidate units by orders of magnitude more than the tolerance', () => {
    const row = seedRows[0]!;
    const years365_25 = (row.expiry - eventTime) / (365.25 * MS_PER_DAY);
    const alt = optionValuation({ ...inputsOf(row), years: years365_25, vol: row.vo });
    const altThetaPerDay = (alt.thetaPerDay * 365) / 365.25;
    expect(Math.abs(altThetaPerDay / row.t - 1)).toBeGreaterThan(5e-4); // ACT/365.25: −164.117
    expect(Math.abs(alt.vegaPerVolPoint / row.v - 1)).toBeGreaterThan(5e-4);
    const ours = optionValuation({ ...inputsOf(row), vol: row.vo });
    expect(ours.vegaPerVolPoint * 100).not.toBeCloseTo(row.v, 0); // not per unit of vol
    expect(ours.thetaPerDay * 365).not.toBeCloseTo(row.t, 0); // not per year
  });

  it('reproduces mp, hl, ll, bo and ao to the last digit with the Abramowitz-Stegun N(x)', () => {
    const polynomialCdf = (x: number) => {
      const k = 1 / (1 + 0.2316419 * Math.abs(x));
      const poly = k * (0.31938153 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))));
      const tail = (Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI)) * poly;
      return x > 0 ? 1 - tail : tail;
    };
    const binanceCall = (years: number, vol: number) => {
      const d1 = (Math.log(index / 126_000) + 0.5 * vol * vol * years) / (vol * Math.sqrt(years));
      return index * polynomialCdf(d1) - 126_000 * polynomialCdf(d1 - vol * Math.sqrt(years));
    };
    const truncate3 = (x: number) => Math.trunc(x * 1000) / 1000;
    for (const row of seedRows) {
      const years = yearsBetween(eventTime, row.expiry);
      const mark = binanceCall(years, row.vo);
      expect(truncate3(mark)).toBe(row.mp);
      expect(truncate3(mark * 1.2)).toBe(row.hl);
      expect(truncate3(mark * 0.8)).toBe(row.ll);
      expect(binanceCall(years, row.a)).toBeCloseTo(row.ao, 2);
      if (row.b > 0) expect(binanceCall(years, row.b)).toBeCloseTo(row.bo, 2);
    }
  });
});
