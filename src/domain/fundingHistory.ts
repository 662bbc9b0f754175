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

/** Why a page of settlements is refused whole: a history with a hole would misstate every average over it. */
export function unreadableSettlementsDetail(count: number): string {
  return `${count} ${count === 1 ? 'settlement' : 'settlements'} in the answer could not be read`;
}

/** Why a funding history stops short of its window: the venue has nothing earlier, or a request failed (why). */
export type FundingShortfall = { cause: 'none-earlier' } | { cause: 'failed'; detail: string };

/** The realised funding of a window (`from`, `to`], and how much of it the venue's answers cover. */
export interface FundingHistory {
  /** Oldest first, inside the window. */
  settlements: FundingSettlement[];
  from: number;
  to: number;
  /** Every settlement after this moment is here: `from` when nothing is missing. */
  coveredFrom: number;
  shortfall: FundingShortfall | null;
}

/** A history of the whole window: nothing before `from` was asked for, nothing in it is missing. */
export function completeHistory(settlements: readonly FundingSettlement[], from: number, to: number): FundingHistory {
  return { settlements: inWindow(settlements, from, to), from, to, coveredFrom: from, shortfall: null };
}

/** A history that reaches back only to its oldest settlement (or nowhere, without one). */
export function shortHistory(settlements: readonly FundingSettlement[], from: number, to: number, shortfall: FundingShortfall): FundingHistory {
  const kept = inWindow(settlements, from, to);
  return { settlements: kept, from, to, coveredFrom: kept[0]?.time ?? to, shortfall };
}

function inWindow(settlements: readonly FundingSettlement[], from: number, to: number): FundingSettlement[] {
  const byTime = new Map<number, FundingSettlement>();
  for (const settlement of settlements) if (settlement.time > from && settlement.time <= to) byTime.set(settlement.time, settlement);
  return [...byTime.values()].sort((a, b) => a.time - b.time);
}

/** Whole days the history covers, up to its window. */
export function coveredDays(history: FundingHistory): number {
  return Math.floor((history.to - history.coveredFrom) / DAY_MS);
}

export interface FundingAverage {
  days: number;
  value: number | null;
}

/**
 * Averages over the windows the history covers. A window it does not cover is never averaged
 * over the part it has as if whole: the windows past its reach are replaced by one over the whole
 * days it does cover.
 */
export function coveredAverages(history: FundingHistory, windows: readonly number[], now: number): FundingAverage[] {
  const reach = coveredDays(history);
  const covered = history.shortfall === null ? [...windows] : windows.filter((days) => days <= reach);
  if (history.shortfall !== null && reach >= 1 && !covered.includes(reach) && covered.length < windows.length) covered.push(reach);
  return covered.map((days) => ({ days, value: averageAnnualised(history.settlements, days, now) }));
}
