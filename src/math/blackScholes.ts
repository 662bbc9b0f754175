/**
 * Black-Scholes-Merton pricing for European options, with greeks and an implied-volatility solver.
 *
 * Units (every exchange number we show is checked against these):
 * - prices are in the currency the underlying and strike are quoted in (USD/USDT for crypto options);
 * - `years` is calendar time over a 365-day year (ACT/365): {@link yearsBetween};
 * - `vol`, `rate` and `carryYield` are annualised fractions (0.94 = 94 %);
 * - `delta` is per 1 unit of underlying price, `gamma` per 1 unit squared;
 * - `thetaPerDay` is the value change over one calendar day (1/365 year), usually negative;
 * - `vegaPerVolPoint` is the value change for +1 percentage point of vol (σ + 0.01).
 *
 * Black-76 (options on a forward F): pass `underlying: F` and `carryYield` equal to `rate`; the
 * price is then e^{-rT}·[F·N(d1) − K·N(d2)] and delta/gamma are with respect to F.
 *
 * Binance's `@optionMarkPrice` uses these conventions with `underlying` = index `i`, `rate` = `rf` (0 on
 * the seed page, ≈ 0.05 live) and the time from event time `E` to the 08:00 UTC expiry: see
 * blackScholes.test.ts, which pins `d`, `g`, `t`, `v` and `mp` of the seed page against this module.
 */

export type OptionKind = 'call' | 'put';

export const DAYS_PER_YEAR = 365;
export const MS_PER_DAY = 86_400_000;
export const MS_PER_YEAR = DAYS_PER_YEAR * MS_PER_DAY;

/** Lowest and highest vol the implied-vol solver searches (0.01 % … 1000 %). */
export const MIN_SOLVABLE_VOL = 1e-4;
export const MAX_SOLVABLE_VOL = 10;

export interface OptionInputs {
  kind: OptionKind;
  /** Spot price S, or the forward F for Black-76. */
  underlying: number;
  strike: number;
  /** Time to expiry in years (ACT/365). */
  years: number;
  /** Annualised volatility as a fraction. */
  vol: number;
  /** Continuously compounded risk-free rate; 0 when omitted. */
  rate?: number;
  /** Continuous yield earned by holding the underlying (dividends, or `rate` for Black-76); 0 when omitted. */
  carryYield?: number;
}

export interface OptionValuation {
  price: number;
  delta: number;
  gamma: number;
  thetaPerDay: number;
  vegaPerVolPoint: number;
}

/** Calendar time between two epoch-ms instants, in ACT/365 years (negative when `toMs` is earlier). */
export function yearsBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / MS_PER_YEAR;
}

export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}

/**
 * Standard normal CDF, accurate to about 1e-14 everywhere: Hart's algorithm 5666 as given by
 * G. West, "Better approximations to cumulative normal functions" (2005). The short polynomial
 * approximations (Abramowitz-Stegun 26.2.17, ~1e-7) are too coarse for implied vols of far wings.
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x);
  let tail: number;
  if (z > 37) {
    tail = 0;
  } else if (z < 7.07106781186547) {
    const e = Math.exp(-0.5 * z * z);
    let num = 3.52624965998911e-2 * z + 0.700383064443688;
    num = num * z + 6.37396220353165;
    num = num * z + 33.912866078383;
    num = num * z + 112.079291497871;
    num = num * z + 221.213596169931;
    num = num * z + 220.206867912376;
    let den = 8.83883476483184e-2 * z + 1.75566716318264;
    den = den * z + 16.064177579207;
    den = den * z + 86.7807322029461;
    den = den * z + 296.564248779674;
    den = den * z + 637.333633378831;
    den = den * z + 793.826512519948;
    den = den * z + 440.413735824752;
    tail = (e * num) / den;
  } else {
    const e = Math.exp(-0.5 * z * z);
    let cf = z + 0.65;
    cf = z + 4 / cf;
    cf = z + 3 / cf;
    cf = z + 2 / cf;
    cf = z + 1 / cf;
    tail = e / cf / 2.506628274631;
  }
  return x > 0 ? 1 - tail : tail;
}

/**
 * Price and greeks in one pass (they share d1, N(d1) and φ(d1)).
 * At or after expiry (`years` ≤ 0) or with zero vol the option is worth its discounted forward
 * intrinsic value; gamma, theta and vega are then 0 and delta is the step of that payoff.
 */
export function optionValuation(o: OptionInputs): OptionValuation {
  const rate = o.rate ?? 0;
  const carryYield = o.carryYield ?? 0;
  const { underlying: s, strike: k, years: t, vol } = o;
  const isCall = o.kind === 'call';
  const carryDiscount = Math.exp(-carryYield * Math.max(t, 0));
  const rateDiscount = Math.exp(-rate * Math.max(t, 0));

  if (!(t > 0) || !(vol > 0)) {
    const forwardGain = s * carryDiscount - k * rateDiscount;
    const inTheMoney = isCall ? forwardGain > 0 : forwardGain < 0;
    return {
      price: inTheMoney ? Math.abs(forwardGain) : 0,
      delta: inTheMoney ? (isCall ? carryDiscount : -carryDiscount) : 0,
      gamma: 0,
      thetaPerDay: 0,
      vegaPerVolPoint: 0,
    };
  }

  const sqrtT = Math.sqrt(t);
  const volSqrtT = vol * sqrtT;
  const d1 = (Math.log(s / k) + (rate - carryYield + 0.5 * vol * vol) * t) / volSqrtT;
  const d2 = d1 - volSqrtT;
  const pdfD1 = normalPdf(d1);
  const discountedSpot = s * carryDiscount;
  const discountedStrike = k * rateDiscount;
  const timeDecay = (-discountedSpot * pdfD1 * vol) / (2 * sqrtT);

  let price: number;
  let delta: number;
  let thetaPerYear: number;
  if (isCall) {
    const nd1 = normalCdf(d1);
    const nd2 = normalCdf(d2);
    price = discountedSpot * nd1 - discountedStrike * nd2;
    delta = carryDiscount * nd1;
    thetaPerYear = timeDecay - rate * discountedStrike * nd2 + carryYield * discountedSpot * nd1;
  } else {
    const nMinusD1 = normalCdf(-d1);
    const nMinusD2 = normalCdf(-d2);
    price = discountedStrike * nMinusD2 - discountedSpot * nMinusD1;
    delta = -carryDiscount * nMinusD1;
    thetaPerYear = timeDecay + rate * discountedStrike * nMinusD2 - carryYield * discountedSpot * nMinusD1;
  }

  return {
    price,
    delta,
    gamma: (carryDiscount * pdfD1) / (s * volSqrtT),
    thetaPerDay: thetaPerYear / DAYS_PER_YEAR,
    vegaPerVolPoint: (discountedSpot * pdfD1 * sqrtT) / 100,
  };
}

export function optionPrice(o: OptionInputs): number {
  return optionValuation(o).price;
}

/**
 * The vol at which the model price equals `targetPrice`, or null when no vol in
 * [MIN_SOLVABLE_VOL, MAX_SOLVABLE_VOL] does: a price at or below the discounted intrinsic value,
 * at or above the no-arbitrage ceiling, or an expired option.
 *
 * Newton steps on vega, kept inside a shrinking [low, high] bracket; a step that would leave the
 * bracket (flat vega in the wings) is replaced by bisection, so the solver always converges.
 * `initialGuess` speeds it up when the answer is known to be near (e.g. a quote's own vol): from a
 * close guess it costs two or three valuations.
 */
export function impliedVol(
  targetPrice: number,
  o: Omit<OptionInputs, 'vol'>,
  initialGuess = 0.5,
): number | null {
  if (!(o.years > 0) || !(targetPrice > 0)) return null;
  const rate = o.rate ?? 0;
  const carryYield = o.carryYield ?? 0;
  const discountedSpot = o.underlying * Math.exp(-carryYield * o.years);
  const discountedStrike = o.strike * Math.exp(-rate * o.years);
  const isCall = o.kind === 'call';
  const floor = Math.max(isCall ? discountedSpot - discountedStrike : discountedStrike - discountedSpot, 0);
  const ceiling = isCall ? discountedSpot : discountedStrike;
  if (targetPrice <= floor || targetPrice >= ceiling) return null;

  // Relative to the price, but never below the round-off of S·N(d1) − K·N(d2).
  const tolerance = Math.max(1e-12 * targetPrice, 1e-14 * ceiling);
  let low = MIN_SOLVABLE_VOL;
  let high = MAX_SOLVABLE_VOL;
  let pricedBelow = false;
  let pricedAbove = false;
  // One inputs object, re-priced in place: `{ ...o, vol }` per step costs microseconds in V8.
  const trial: OptionInputs = {
    kind: o.kind, underlying: o.underlying, strike: o.strike, years: o.years, vol: 0, rate, carryYield,
  };
  let vol = Math.min(Math.max(initialGuess, low), high);
  for (let iteration = 0; iteration < 200; iteration++) {
    trial.vol = vol;
    const valuation = optionValuation(trial);
    const error = valuation.price - targetPrice;
    if (Math.abs(error) <= tolerance) return vol;
    if (error > 0) {
      high = vol;
      pricedAbove = true;
    } else {
      low = vol;
      pricedBelow = true;
    }
    // A bracket that closed without ever straddling the target sits on a search limit: no solution.
    if (high - low <= 1e-14 * high) return pricedBelow && pricedAbove ? vol : null;
    const vegaPerUnitVol = valuation.vegaPerVolPoint * 100;
    const newton = vegaPerUnitVol > 0 ? vol - error / vegaPerUnitVol : Number.NaN;
    vol = newton > low && newton < high ? newton : 0.5 * (low + high);
  }
  return null;
}
