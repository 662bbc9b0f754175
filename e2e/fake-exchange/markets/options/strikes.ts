/**
 * Strike grids. An expiry's grid has one step (chosen from the spot when it is listed) and covers
 * spot ± a half-width; when spot walks towards an edge the exchange lists more strikes, never fewer,
 * so a chain can gain strikes while the app is open.
 */

/** The mantissas exchanges use for strike steps: 1, 2, 2.5, 5 × 10^n. */
const NICE_MANTISSAS = [1, 2, 2.5, 5, 10];

/** The nice step closest to `raw` in ratio terms (BTC at 95 000 × 1 % → 1000). */
export function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  let best = magnitude;
  for (const mantissa of NICE_MANTISSAS) {
    const candidate = mantissa * magnitude;
    if (Math.abs(Math.log(candidate / raw)) < Math.abs(Math.log(best / raw))) best = candidate;
  }
  return best;
}

/** Decimals a multiple of `step` needs: 0 for 500, 1 for 2.5, 3 for 0.001. */
export function decimalsOf(step: number): number {
  for (let decimals = 0; decimals < 12; decimals++) {
    if (Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) < 1e-9) return decimals;
  }
  return 12;
}

/** Strike `index × step` without binary-fraction noise (0.1 × 3 → 0.3, not 0.30000000000000004). */
export function strikeAt(index: number, step: number, decimals: number): number {
  return Number((index * step).toFixed(decimals));
}

/** The shortest text of a strike, as both venues print it in symbols ("95000", "0.17", "2.5"). */
export function strikeText(strike: number, decimals: number): string {
  const text = strike.toFixed(decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Grid indices (strike = index × step) covering [low, high], never below the first step. */
export function indicesCovering(low: number, high: number, step: number): { first: number; last: number } {
  return { first: Math.max(1, Math.ceil(low / step - 1e-9)), last: Math.floor(high / step + 1e-9) };
}
