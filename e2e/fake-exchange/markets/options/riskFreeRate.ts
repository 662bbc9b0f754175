/** A term structure: annualised rates at times to expiry, in years, ascending. */
export type RateCurve = ReadonlyArray<{ years: number; rate: number }>;

/**
 * Binance's `rf` by expiry, as recorded live on 2026-09-23 (real-payloads/binance-optionMarkPrice.json):
 * 0.0558 on an expiry 1.9 days out, 0.0529 on one 93 days out. Between them the rate is interpolated.
 */
export const BINANCE_RATE_CURVE: RateCurve = [
  { years: 1.87 / 365, rate: 0.0558 },
  { years: 92.87 / 365, rate: 0.0529 },
];

/** Decimals `rf` is sent with ("0.0529"); marks and greeks are priced with the rate as sent. */
const RATE_DECIMALS = 4;

/** The curve's rate at `years`: linear between points, flat beyond the ends, rounded as the venue sends it. */
export function rateAt(curve: RateCurve, years: number): number {
  if (curve.length === 0) return 0;
  const first = curve[0]!;
  const last = curve[curve.length - 1]!;
  let rate = years <= first.years ? first.rate : last.rate;
  for (let i = 1; i < curve.length; i++) {
    const low = curve[i - 1]!;
    const high = curve[i]!;
    if (years > low.years && years <= high.years) {
      rate = low.rate + ((high.rate - low.rate) * (years - low.years)) / (high.years - low.years);
      break;
    }
  }
  return Number(rate.toFixed(RATE_DECIMALS));
}
