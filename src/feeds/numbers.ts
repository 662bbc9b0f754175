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

/** The latest time (ms) a `Date` can hold: past it `new Date(t)` is an Invalid Date and formatting it throws. */
export const LATEST_DATE_MS = 8.64e15;

/** A millisecond timestamp: a positive integer a `Date` can hold, given as a number (Binance) or a string (OKX). */
export function timestamp(value: unknown): number | null {
  const parsed = finite(value);
  return parsed !== null && parsed > 0 && parsed <= LATEST_DATE_MS && Number.isInteger(parsed) ? parsed : null;
}

/** A venue's code or request id as text: a non-empty string, or a finite number written out (2 → "2"). */
export function codeText(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value !== '' ? value : null;
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A number the venue may leave out: absent, null or "" is null (not known); anything else must be finite, else undefined (not valid). */
export function optionalFinite(value: unknown): number | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  return finite(value) ?? undefined;
}
