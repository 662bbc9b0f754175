import type { OptionRow } from '../option';
import { smileOf, type ExpiryVols } from './expiryVols';

/** One expiry both venues list (the same expiry timestamp), with each venue's ATM IV and their spread, as fractions. */
export interface AtmSpread {
  expiry: number;
  years: number;
  left: number | null;
  right: number | null;
  /** left − right; null when either ATM IV is. */
  spread: number | null;
}

/** The expiries in both term structures, nearest first, with the left venue's ATM IV less the right's. */
export function atmSpreads(left: readonly ExpiryVols[], right: readonly ExpiryVols[]): AtmSpread[] {
  const rightByExpiry = new Map(right.map((vols) => [vols.expiry, vols]));
  return left.flatMap((vols) => {
    const other = rightByExpiry.get(vols.expiry);
    if (!other) return [];
    const spread = vols.atm !== null && other.atm !== null ? vols.atm - other.atm : null;
    return [{ expiry: vols.expiry, years: vols.years, left: vols.atm, right: other.atm, spread }];
  }).sort((a, b) => a.expiry - b.expiry);
}

/** One strike of a smile placed by its log-moneyness ln(K/F) against its own venue's forward. */
export interface MoneynessPoint {
  strike: number;
  moneyness: number;
  iv: number;
}

/** One expiry's smile (out-of-the-money mark IVs) against log-moneyness, so venues with different strikes and forwards line up. */
export function moneynessSmile(options: readonly OptionRow[], forward: number): MoneynessPoint[] {
  if (!(forward > 0)) return [];
  return smileOf(options, forward).map(({ strike, iv }) => ({ strike, moneyness: Math.log(strike / forward), iv }));
}
