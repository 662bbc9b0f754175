import { atmStrike, type OptionRow } from '../option';

/**
 * A chain's ATM implied volatility: at the nearest expiry after `now`, the mark IV of the strike
 * nearest that expiry's forward (from its newest greeks), the mean of call and put where both are
 * known. Null while the expiry has no forward or its ATM strike no mark IV.
 */
export function atmIv(options: Iterable<OptionRow>, now: number): number | null {
  let nearest: OptionRow[] = [];
  for (const option of options) {
    if (option.expiry <= now) continue;
    const expiry = nearest[0]?.expiry;
    if (expiry === undefined || option.expiry < expiry) nearest = [option];
    else if (option.expiry === expiry) nearest.push(option);
  }
  let newest: OptionRow | null = null;
  for (const option of nearest) {
    if (option.underlyingPrice !== null && (newest === null || option.greeksTime > newest.greeksTime)) newest = option;
  }
  const strike = atmStrike(nearest.map((option) => option.strike), newest?.underlyingPrice ?? null);
  const ivs = nearest.filter((option) => option.strike === strike && option.markIv !== null).map((option) => option.markIv!);
  return ivs.length === 0 ? null : ivs.reduce((sum, iv) => sum + iv, 0) / ivs.length;
}
