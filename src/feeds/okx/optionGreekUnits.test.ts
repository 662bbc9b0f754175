import { describe, expect, it } from 'vitest';
import { optionValuation, yearsBetween } from '../../math/blackScholes';
import optSummaryRest from './fixtures/optSummaryRest.json';
import { parseOptSummary } from './optionParse';

/**
 * OKX's opt-summary docs do not name the units of the BS greeks. Pinned here on the docs'
 * BTC-USD-220309-33000-C/P rows (ts 1646733631242, expiry 2022-03-09 08:00 UTC, forward fwdPx,
 * mark vol 155.5 %) against Black-Scholes on the forward: deltaBS is per USD, gammaBS per USD,
 * vegaBS USD per vol point and thetaBS USD per calendar day, the same units as Binance's d/g/v/t,
 * so the chain shows both venues' greeks side by side. OKX's call and put theta straddle the
 * driftless value by a carry term (±5.55 USD/day here) that cancels in their mean.
 */
describe('OKX BS greek units (docs example)', () => {
  const [call, put] = parseOptSummary(optSummaryRest.data).events;
  const inputs = {
    underlying: call!.underlyingPrice,
    strike: 33_000,
    years: yearsBetween(call!.time, Date.UTC(2022, 2, 9, 8)),
    vol: call!.markIv,
  };
  const ours = optionValuation({ ...inputs, kind: 'call' });
  const oursPut = optionValuation({ ...inputs, kind: 'put' });

  it('delta and gamma are per 1 USD of underlying', () => {
    expect(Math.abs(call!.delta - ours.delta)).toBeLessThan(1e-4);
    expect(Math.abs(put!.delta - oursPut.delta)).toBeLessThan(1e-4);
    expect(Math.abs(call!.gamma / ours.gamma - 1)).toBeLessThan(0.01);
  });

  it('vega is USD per vol point, not per unit of vol', () => {
    expect(Math.abs(call!.vega / ours.vegaPerVolPoint - 1)).toBeLessThan(0.01);
    expect(Math.abs(call!.vega / (ours.vegaPerVolPoint * 100) - 1)).toBeGreaterThan(0.9);
  });

  it('theta is USD per calendar day, not per year', () => {
    const meanTheta = (call!.theta + put!.theta) / 2;
    expect(Math.abs(meanTheta / ours.thetaPerDay - 1)).toBeLessThan(0.01);
    expect(Math.abs(call!.theta / (ours.thetaPerDay * 365) - 1)).toBeGreaterThan(0.9);
  });
});
