/**
 * Exchange numbers arrive as strings. Each is parsed once, here at the edge, and anything
 * that is not a finite number (or not positive where it must be) becomes null so the
 * caller can drop the message instead of carrying NaN into a row.
 */
export function finite(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : null;
}

export function positive(value: unknown): number | null {
  const parsed = finite(value);
  return parsed !== null && parsed > 0 ? parsed : null;
}

export function nonNegative(value: unknown): number | null {
  const parsed = finite(value);
  return parsed !== null && parsed >= 0 ? parsed : null;
}

/** A millisecond timestamp: a positive integer, given as a number (Binance) or a string (OKX). */
export function timestamp(value: unknown): number | null {
  const parsed = finite(value);
  return parsed !== null && parsed > 0 && Number.isInteger(parsed) ? parsed : null;
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
