const DAY_MS = 86_400_000;
const DAYS_PER_YEAR = 365;

/** A realised funding settlement. */
export interface FundingSettlement {
  time: number;
  rate: number;
}

/**
 * Average annualised funding over the last `days`: the sum of the rates settled in the window,
 * scaled to a year. Summing settled rates (rather than annualising each by a fixed interval)
 * stays right when a symbol's interval changed inside the window. Null when the history does
 * not reach back over the whole window.
 */
export function averageAnnualised(settlements: readonly FundingSettlement[], days: number, now: number): number | null {
  const from = now - days * DAY_MS;
  const oldest = settlements[0];
  if (!oldest || oldest.time > from + DAY_MS / 3) return null;
  let sum = 0;
  for (const settlement of settlements) {
    if (settlement.time > from && settlement.time <= now) sum += settlement.rate;
  }
  return (sum * DAYS_PER_YEAR) / days;
}
