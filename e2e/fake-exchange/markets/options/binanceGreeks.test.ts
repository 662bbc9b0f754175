import { describe, expect, it } from 'vitest';
import { optionValuation, yearsBetween, type OptionKind } from '../../../../src/math/blackScholes.ts';
import recorded from '../../../../src/feeds/binance/fixtures/optionMarkPrice-live.json';
import { binanceGammaTheta } from './binanceGreeks.ts';
import { javaDecimal, truncatedDecimal } from './format.ts';
import { quoteOption, type PricingPoint } from './quote.ts';
import { BINANCE_RATE_CURVE, rateAt } from './riskFreeRate.ts';

/**
 * The fake's Binance pricing, run on the inputs of three options recorded live on 2026-09-23
 * (`btcusdt@optionMarkPrice`, rf 0.0529 and 0.0558), must give back what the venue sent.
 * What reproduces, and how closely (differences from the recorded text):
 * - `mp`: Black-Scholes at `vo` and `rf` on the index `i`, time (08:00 UTC expiry − `E`) / 365 days:
 *   within 3e-6 relative (905.349 for 905.351), and to the last digit with the polynomial N(x) that
 *   Binance evaluates (Abramowitz-Stegun 26.2.17, as on the seed page in blackScholes.test.ts);
 * - `d` within 4e-8 and `v` to every digit sent, at the same inputs;
 * - `g` to one unit of its 8th decimal, `t` within 2.5e-4 relative, both at the mid of `b` and `a`,
 *   `t` being the time-decay term alone (no rate term). At `vo`, `g` is 0.3-0.8 % off and `t` 0.3-0.8 %
 *   (full Black-Scholes theta 3-13 %): the recorded values rule those out.
 * - `rf` is the fake's term structure at each expiry.
 */
const FAKE_CONVENTION = { inCoin: false, tickAt: () => 5, lotSize: 0.01, maxLots: 500, markVolStep: 0.001 };

interface Recorded {
  s: string; E: number; i: string; vo: string; rf: string; b: string; a: string; mp: string; d: string; g: string; t: string; v: string;
}

function contractOf(symbol: string): { expiry: number; strike: number; kind: OptionKind } {
  const [, date, strike, side] = symbol.split('-') as [string, string, string, string];
  const [yy, mm, dd] = date.match(/\d\d/g)!.map(Number) as [number, number, number];
  return { expiry: Date.UTC(2000 + yy, mm - 1, dd, 8), strike: Number(strike), kind: side === 'C' ? 'call' : 'put' };
}

/** The fake's figures for a recorded option, from the recorded fields alone. */
function fakeFigures(row: Recorded) {
  const { expiry, strike, kind } = contractOf(row.s);
  const spot = Number(row.i);
  const years = yearsBetween(row.E, expiry);
  const rate = Number(row.rf);
  const point: PricingPoint = { expiry, spot, years, carryRate: rate, forward: spot * Math.exp(rate * years), atmVol: Number(row.vo), bucket: 0 };
  const quote = quoteOption({ kind, strike, hash: 1 }, point, Number(row.vo), FAKE_CONVENTION);
  const inputs = { kind, underlying: spot, strike, years, vol: quote.vol, rate };
  return { years, inputs, quote, ...binanceGammaTheta(inputs, Number(row.b), Number(row.a)) };
}

const rows = (recorded as { data: Recorded[] }).data;

describe('the fake prices Binance options as the live stream of 2026-09-23 does', () => {
  it('reads three recorded options at rf 0.0529 and 0.0558', () => {
    expect(rows.map((row) => [row.s, row.rf])).toEqual([
      ['BTC-261225-92000-C', '0.0529'],
      ['BTC-260925-86000-P', '0.0558'],
      ['BTC-260925-86000-C', '0.0558'],
    ]);
  });

  it.each(rows)('$s: mp, d and v at vo and rf', (row) => {
    const { quote } = fakeFigures(row);
    expect(javaDecimal(quote.vol, 8)).toBe(row.vo);
    expect(Math.abs(Number(truncatedDecimal(quote.mark, 3)) / Number(row.mp) - 1)).toBeLessThan(3e-6);
    expect(Math.abs(quote.usd.delta - Number(row.d))).toBeLessThan(4e-8);
    expect(javaDecimal(quote.usd.vegaPerVolPoint, 8)).toBe(row.v);
  });

  it.each(rows)('$s: g and t at the mid IV, t without the rate term', (row) => {
    const { gamma, thetaPerDay } = fakeFigures(row);
    expect(Math.abs(gamma - Number(row.g))).toBeLessThanOrEqual(1e-8);
    expect(Math.abs(thetaPerDay / Number(row.t) - 1)).toBeLessThan(2.5e-4);
  });

  it.each(rows)("$s: mp to the last digit with Binance's polynomial N(x) at rf", (row) => {
    const polynomialCdf = (x: number) => {
      const k = 1 / (1 + 0.2316419 * Math.abs(x));
      const poly = k * (0.31938153 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))));
      const tail = (Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI)) * poly;
      return x > 0 ? 1 - tail : tail;
    };
    const { inputs } = fakeFigures(row);
    const { underlying: s, strike: k, years: t, vol, rate } = inputs;
    const d1 = (Math.log(s / k) + (rate + 0.5 * vol * vol) * t) / (vol * Math.sqrt(t));
    const d2 = d1 - vol * Math.sqrt(t);
    const discountedStrike = k * Math.exp(-rate * t);
    const price = inputs.kind === 'call'
      ? s * polynomialCdf(d1) - discountedStrike * polynomialCdf(d2)
      : discountedStrike * polynomialCdf(-d2) - s * polynomialCdf(-d1);
    expect(truncatedDecimal(price, 3)).toBe(row.mp);
  });

  it.each(rows)('$s: rf is the fake term structure at its expiry', (row) => {
    expect(javaDecimal(rateAt(BINANCE_RATE_CURVE, fakeFigures(row).years), 4)).toBe(row.rf);
  });

  it('rules out the other readings by far more than those tolerances', () => {
    for (const row of rows) {
      const { inputs } = fakeFigures(row);
      const atZeroRate = optionValuation({ ...inputs, rate: 0 });
      expect(Math.abs(atZeroRate.price / Number(row.mp) - 1)).toBeGreaterThan(5e-3);
      const atMarkVol = optionValuation(inputs);
      expect(Math.abs(atMarkVol.gamma - Number(row.g))).toBeGreaterThan(5e-8);
      expect(Math.abs(atMarkVol.thetaPerDay / Number(row.t) - 1)).toBeGreaterThan(3e-2);
      const markVolDecay = binanceGammaTheta(inputs, null, null);
      expect(Math.abs(markVolDecay.thetaPerDay / Number(row.t) - 1)).toBeGreaterThan(2.5e-3);
    }
  });
});
