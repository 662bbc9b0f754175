const HOURS_PER_DAY = 24;
const DAYS_PER_YEAR = 365;
const HOUR_MS = 3_600_000;

/** The interval an exchange uses when it says nothing else (Binance's default). */
export const DEFAULT_FUNDING_INTERVAL_HOURS = 8;

/**
 * Simple annualised funding, as exchanges and screeners show it: rate × periods per year.
 * 0.0005 every 4 h = 1.095 (109.5 %); 0.0003 every 8 h = 0.3285 (32.85 %).
 */
export function annualiseFunding(rate: number, intervalHours: number): number {
  return rate * (HOURS_PER_DAY / intervalHours) * DAYS_PER_YEAR;
}

/** Premium of mark over index as a fraction; null unless both are positive. */
export function premiumOf(mark: number | null, index: number | null): number | null {
  if (mark === null || index === null || !(mark > 0) || !(index > 0)) return null;
  return mark / index - 1;
}

/**
 * The next settlement at or after `now`. When the exchange's next funding time has passed
 * and no update has arrived yet, the schedule simply rolls on by whole intervals.
 */
export function nextSettlement(nextFundingTime: number, intervalHours: number, now: number): number {
  if (now < nextFundingTime) return nextFundingTime;
  const interval = intervalHours * HOUR_MS;
  return nextFundingTime + Math.ceil((now - nextFundingTime + 1) / interval) * interval;
}

/** The funding interval implied by two consecutive settlement times (OKX: nextFundingTime − fundingTime). */
export function intervalHoursBetween(settlement: number, following: number): number | null {
  const hours = (following - settlement) / HOUR_MS;
  return Number.isFinite(hours) && hours > 0 && Number.isInteger(hours) ? hours : null;
}
