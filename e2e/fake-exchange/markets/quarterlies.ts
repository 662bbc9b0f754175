/** Binance quarterly delivery dates: the last Friday of March, June, September, December at 08:00 UTC. */

const QUARTER_MONTHS = [2, 5, 8, 11];

function lastFridayAt0800(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0, 8));
  const back = (lastDay.getUTCDay() - 5 + 7) % 7;
  return Date.UTC(year, month, lastDay.getUTCDate() - back, 8);
}

/** [current quarter, next quarter] delivery times that are still ahead of `now`. */
export function quarterlyExpiries(now: number): [number, number] {
  const upcoming: number[] = [];
  const start = new Date(now);
  for (let year = start.getUTCFullYear(); upcoming.length < 2; year++) {
    for (const month of QUARTER_MONTHS) {
      const expiry = lastFridayAt0800(year, month);
      if (expiry > now && upcoming.length < 2) upcoming.push(expiry);
    }
  }
  return [upcoming[0]!, upcoming[1]!];
}

/** "261225" for 25 Dec 2026. */
export function deliverySuffix(time: number): string {
  const date = new Date(time);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(date.getUTCFullYear() % 100)}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}`;
}
