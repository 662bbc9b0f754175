import { NO_VALUE } from './numbers';

/** An IV fraction in vol points to a hundredth, signed where a spread can go either way; a spread that rounds to zero reads 0.00, never −0.00. */
export function volPoints(value: number | null, signed = false): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  const hundredths = Math.round(value * 10_000);
  const text = (Math.abs(hundredths) / 100).toFixed(2);
  if (hundredths === 0) return text;
  return hundredths < 0 ? `−${text}` : signed ? `+${text}` : text;
}
