import { NO_VALUE } from './numbers';

/** A time (ms) as a Date, or null when no Date holds it (NaN, beyond ±8.64e15): formatting an Invalid Date throws. */
export function realDate(ms: number | null): Date | null {
  if (ms === null) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A time shown by `format` (an Intl format, an ISO slice), or "—" when it is no real date, so no render path throws on one. */
export function formatTime(ms: number | null, format: (date: Date) => string): string {
  const date = realDate(ms);
  return date === null ? NO_VALUE : format(date);
}

const expiryDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' });

/** An option expiry or a future's delivery by its UTC date, as both venues' symbols name it: "25 Dec 26". */
export function formatExpiryDate(ms: number | null): string {
  return formatTime(ms, (date) => expiryDay.format(date));
}
