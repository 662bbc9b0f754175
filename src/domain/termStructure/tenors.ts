import { wingsOf, type ExpiryVols } from './expiryVols';
import { bracket, interpolateTotalVariance } from './totalVariance';

/** The constant tenors the Term panel reads, in days. */
export const TENOR_DAYS = [7, 30, 60, 90, 180] as const;

export interface TenorVols {
  days: number;
  atm: number | null;
  call25: number | null;
  put25: number | null;
  riskReversal: number | null;
  butterfly: number | null;
}

/** One figure at `years`: total variance linear in time between the listed expiries around it that have the figure; null outside them. */
function figureAtTenor(expiries: readonly ExpiryVols[], years: number, figure: (vols: ExpiryVols) => number | null): number | null {
  const points = expiries.flatMap((vols) => {
    const vol = figure(vols);
    return vol === null ? [] : [{ x: vols.years, vol, t: vols.years }];
  });
  const around = bracket(points, years);
  return around ? interpolateTotalVariance({ x: years, t: years }, around[0], around[1]) : null;
}

/** ATM and wing vols at each constant tenor, from the expiries listed (sorted or not); a tenor outside them is unavailable, never extrapolated. */
export function tenorVols(expiries: readonly ExpiryVols[], days: readonly number[] = TENOR_DAYS): TenorVols[] {
  const sorted = [...expiries].sort((a, b) => a.years - b.years);
  return days.map((tenor) => {
    const years = tenor / 365;
    const atm = figureAtTenor(sorted, years, (vols) => vols.atm);
    const call25 = figureAtTenor(sorted, years, (vols) => vols.call25);
    const put25 = figureAtTenor(sorted, years, (vols) => vols.put25);
    return { days: tenor, atm, call25, put25, ...wingsOf(atm, call25, put25) };
  });
}
