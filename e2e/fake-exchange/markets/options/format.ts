/**
 * Number-to-string the way each venue prints option fields. Binance's option engine prints like
 * Java decimals: fixed prices ("0.000", "900.000"), and stripped values that keep one decimal
 * ("0.9408058", "-1.0", "0.0"); marks and price limits are truncated, not rounded (pinned on the
 * seed page in src/math/blackScholes.test.ts). OKX prints tick prices in their shortest form ("0.0125").
 */

/** Fixed decimals ("1200.000"). */
export function fixed(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

/** Rounded to `decimals`, trailing zeros stripped but one decimal kept; never "-0.0". */
export function javaDecimal(value: number, decimals: number): string {
  const text = stripZeros(value.toFixed(decimals), 1);
  // A small negative value rounds to "-0.0": print it as zero.
  return text === '-0.0' ? '0.0' : text;
}

/** Truncated toward zero to `decimals`, then stripped like {@link javaDecimal} ("770.5438" → "770.543"). */
export function truncatedDecimal(value: number, decimals: number): string {
  const scale = 10 ** decimals;
  // The nudge keeps values that are exact in decimal (1249.61) from truncating one unit low.
  return javaDecimal(Math.trunc(value * scale + Math.sign(value) * 1e-6) / scale, decimals);
}

/** Shortest decimal text ("0.0125", "3"). */
export function shortest(value: number, decimals: number): string {
  return stripZeros(value.toFixed(decimals), 0);
}

/** Drops trailing zeros after the point, keeping `keepDecimals` of them (and the point only if any remain). */
function stripZeros(text: string, keepDecimals: number): string {
  const point = text.indexOf('.');
  if (point < 0) return keepDecimals > 0 ? `${text}.0` : text;
  let end = text.length;
  while (end > point + 1 + keepDecimals && text.charCodeAt(end - 1) === 48 /* '0' */) end--;
  return end === point + 1 ? text.slice(0, point) : text.slice(0, end);
}
