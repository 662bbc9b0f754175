import { quotedSpread } from './carry';
import { intervalChanges, type ContractFunding } from './fundingStats';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The bid/ask spread in basis points of the mid; null when a side is missing or the book is crossed. */
export function spreadBps(quote: { bid: number | null; ask: number | null }): number | null {
  const spread = quotedSpread(quote);
  return spread === null ? null : spread * 10_000;
}

/**
 * How far the rate has gone towards the bound on its side, as a fraction (1 = at the bound): a
 * positive rate against its cap, a negative one against its floor; null without that bound.
 */
export function capUsage(rate: number | null, cap: number | null, floor: number | null): number | null {
  if (rate === null) return null;
  const positive = rate >= 0;
  const bound = positive ? cap : floor;
  if (bound === null || (positive ? !(bound > 0) : !(bound < 0))) return null;
  return rate / bound;
}

/** A settlement's day in UTC, as the venues date them: "12 Nov". */
function dayText(ms: number): string {
  const date = new Date(ms);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

/** The newest change of interval within the last 30 days, as "8 h → 4 h on 12 Nov"; null when it kept its interval. */
export function intervalChangeText(funding: ContractFunding, now: number): string | null {
  const newest = intervalChanges(funding, now).at(-1);
  if (!newest) return null;
  return `${newest.fromHours} h → ${newest.toHours} h on ${dayText(newest.at)}`;
}
