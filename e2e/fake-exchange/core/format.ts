/** Exchanges send numbers as strings with a fixed number of decimals; these helpers make those strings. */

/** Fixed decimals, as Binance prints them ("0.00010000"). */
export function fixed(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** Decimals needed to show a price of this size with about `significant` significant digits. */
export function decimalsFor(price: number, significant = 6): number {
  if (price <= 0) return 2;
  const magnitude = Math.floor(Math.log10(price));
  return Math.min(10, Math.max(0, significant - 1 - magnitude));
}

/** Shortest decimal text for a tick-rounded value, as OKX prints them ("97012.3", "0.0001"). */
export function trimmed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** The tick size string for a number of decimals ("0.01" for 2, "1" for 0). */
export function tickSize(decimals: number): string {
  return decimals === 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`;
}
