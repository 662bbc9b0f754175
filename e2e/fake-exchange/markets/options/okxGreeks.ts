import { DAYS_PER_YEAR } from '../../../../src/math/blackScholes.ts';
import type { OptionQuote } from './quote.ts';

/**
 * OKX's coin-terms ("PA", price-adjusted) greeks of opt-summary, derived from the Black-Scholes
 * (USD, "BS") ones. An OKX option is inverse: its price in coin is P = V/S (V in USD, S the index),
 * which is Black-76 on the forward divided by the forward: V/S = [F·N(d1) − K·N(d2)] / F.
 * The PA greeks are P's sensitivities, scaled so each reads "in coin":
 * - delta = S·∂P/∂S = deltaBS − P;
 * - gamma = S²·∂²P/∂S² = S·gammaBS − 2·delta;
 * - vega  = ∂P/∂σ per vol point = vegaBS / S;
 * - theta = ∂P/∂t per day holding the forward, = −φ(d1)·σ / (2√T) / 365, scaled by the fraction
 *   of a day left when less than one day remains.
 * Source: the response example of GET /api/v5/public/opt-summary in the OKX API v5 docs
 * (BTC-USD-220309-33000-C and -P, ts 1646733631242) satisfies each identity to the last digit:
 * deltaBS − delta = 0.1547125 and 0.0004020 (the coin premiums); with S = vegaBS / vega = 39008.285,
 * S·gammaBS − 2·delta = −1.1965483553276135 and 0.4948306240755159 (the docs' gamma values); theta
 * −0.0014131955002093717 is the same for call and put and equals −0.0015422762 per day × 0.9163051, the
 * day fraction left to the 08:00 UTC expiry. The docs' field text only says "sensitivity of option
 * price to uly price / implied volatility / remaining maturity". `lever` is 1 / markPx: a published
 * sample row (BTC-USD-260321-70000-C) has lever 68.8979953579 = 1 / (deltaBS − delta).
 */
export interface CoinGreeks {
  delta: number;
  gamma: number;
  theta: number;
  vega: number;
}

export function coinGreeks(quote: OptionQuote): CoinGreeks {
  const { usd, mark, vol, point } = quote;
  const delta = usd.delta - mark;
  const vegaPerUnitVolInCoin = (usd.vegaPerVolPoint * 100) / point.spot;
  const thetaPerDay = (-vegaPerUnitVolInCoin * vol) / (2 * point.years) / DAYS_PER_YEAR;
  return {
    delta,
    gamma: point.spot * usd.gamma - 2 * delta,
    theta: thetaPerDay * Math.min(1, point.years * DAYS_PER_YEAR),
    vega: usd.vegaPerVolPoint / point.spot,
  };
}
