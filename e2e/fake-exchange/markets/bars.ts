/** One OHLC bar; history is kept per minute and aggregated on request. */
export interface Bar {
  open: number;
  high: number;
  low: number;
  close: number;
}

export const MINUTE_MS = 60_000;
export const MINUTES_PER_DAY = 1440;
/** How far back generated history reaches. */
export const HISTORY_DAYS = 30;
export const HISTORY_MINUTES = HISTORY_DAYS * MINUTES_PER_DAY;
const YEAR_MINUTES = 365 * MINUTES_PER_DAY;

/** Standard deviation of one minute's log return at an annualised volatility. */
export function minuteSigma(annualVolatility: number): number {
  return annualVolatility / Math.sqrt(YEAR_MINUTES);
}

/** Merges consecutive minute bars into one (open of the first, close of the last). */
export function mergeBars(into: Bar | undefined, next: Bar): Bar {
  if (!into) return { ...next };
  into.high = Math.max(into.high, next.high);
  into.low = Math.min(into.low, next.low);
  into.close = next.close;
  return into;
}
