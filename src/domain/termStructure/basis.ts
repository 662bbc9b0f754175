const DAY_MS = 86_400_000;

/**
 * A dated future's basis, annualised simply: (future mark / index − 1) × 365 / days to expiry, as
 * a fraction a year. Null at or after expiry, or without both prices.
 */
export function annualisedBasis(futureMark: number | null, index: number | null, expiry: number, now: number): number | null {
  if (futureMark === null || index === null || !(index > 0) || !(futureMark > 0) || expiry <= now) return null;
  const days = (expiry - now) / DAY_MS;
  return ((futureMark / index - 1) * 365) / days;
}
