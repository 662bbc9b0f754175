import { optionValuation, DAYS_PER_YEAR, type OptionInputs } from '../../../../src/math/blackScholes.ts';

/** Gamma and theta the way Binance sends them in `g` and `t`. */
export interface BinanceGammaTheta {
  gamma: number;
  thetaPerDay: number;
}

/**
 * Binance's `g` and `t`, worked out on the live frames of 2026-09-23 (binanceGreeks.test.ts): unlike
 * `mp`, `d` and `v`, which are Black-Scholes at the mark IV `vo` and `rf`, they are taken at the mid
 * of the bid and ask IVs, and `t` is the time-decay term alone, −S·φ(d1)·σ / (2√T) a day, without
 * the rate's part. With one side unquoted (and on the seed page, whose `vo` is that mid) the mark IV serves.
 * `inputs` carries the mark IV; it is not changed.
 */
export function binanceGammaTheta(inputs: OptionInputs, bidVol: number | null, askVol: number | null): BinanceGammaTheta {
  const vol = bidVol !== null && askVol !== null ? (bidVol + askVol) / 2 : inputs.vol;
  const valuation = optionValuation({ ...inputs, vol });
  if (!(inputs.years > 0)) return { gamma: valuation.gamma, thetaPerDay: 0 };
  // S·φ(d1)·√T is vega per unit of vol, so the time decay is −vega·σ / (2T).
  const vegaPerUnitVol = valuation.vegaPerVolPoint * 100;
  return { gamma: valuation.gamma, thetaPerDay: (-vegaPerUnitVol * vol) / (2 * inputs.years) / DAYS_PER_YEAR };
}
