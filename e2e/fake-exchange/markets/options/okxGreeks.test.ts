import { describe, expect, it } from 'vitest';
import { yearsBetween } from '../../../../src/math/blackScholes.ts';
import { coinGreeks } from './okxGreeks.ts';
import type { OptionQuote } from './quote.ts';

/**
 * The response example of GET /api/v5/public/opt-summary (OKX API v5 docs): BS greeks in, the
 * docs' coin-terms greeks out. Only the index is not in the payload: S = vegaBS / vega.
 */
describe('coinGreeks reproduces the OKX docs example', () => {
  const ts = 1646733631242;
  const expiry = Date.UTC(2022, 2, 9, 8);
  const markVol = 1.5551965233045728;
  const rows = [
    {
      instId: 'BTC-USD-220309-33000-C',
      deltaBS: 0.9857332101544538, gammaBS: 0.000011933182397798109, thetaBS: -66.03526900575946, vegaBS: 0.7089307622132419,
      delta: 0.8310206676289528, gamma: -1.1965483553276135, theta: -0.0014131955002093717, vega: 0.000018173851073258973,
    },
    {
      instId: 'BTC-USD-220309-33000-P',
      deltaBS: -0.01426678984554619, gammaBS: 0.000011933182397798109, thetaBS: -54.93377294845015, vegaBS: 0.7089307622132419,
      delta: -0.014668822072611904, gamma: 0.49483062407551576, theta: -0.0014131955002093717, vega: 0.000018173851073258973,
    },
  ];

  it.each(rows)('$instId', (row) => {
    const spot = row.vegaBS / row.vega;
    const quote = {
      vol: markVol,
      usd: { price: Number.NaN, delta: row.deltaBS, gamma: row.gammaBS, thetaPerDay: row.thetaBS, vegaPerVolPoint: row.vegaBS },
      // The coin premium is what the docs' deltaBS − delta implies; the other three identities are real checks.
      mark: row.deltaBS - row.delta,
      point: { spot, years: yearsBetween(ts, expiry) },
    } as OptionQuote;
    const coin = coinGreeks(quote);
    expect(coin.delta).toBeCloseTo(row.delta, 15);
    expect(coin.gamma / row.gamma - 1).toBeCloseTo(0, 12);
    expect(coin.theta / row.theta - 1).toBeCloseTo(0, 12);
    expect(coin.vega / row.vega - 1).toBeCloseTo(0, 12);
  });
});
