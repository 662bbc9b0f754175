/**
 * Display formatting for market numbers. Every formatter takes null for "no value" and shows
 * an em dash, so NaN, undefined or a sentinel can never reach the screen.
 */
export const NO_VALUE = '—';

const groupedCache = new Map<number, Intl.NumberFormat>();
function grouped(decimals: number): Intl.NumberFormat {
  let format = groupedCache.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    groupedCache.set(decimals, format);
  }
  return format;
}

/** Decimals that keep about six significant digits: 95,000.12 · 3.52140 · 0.00001234. */
export function priceDecimals(value: number): number {
  if (value === 0) return 2;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  return Math.min(8, Math.max(2, 5 - magnitude));
}

export function formatPrice(value: number | null, decimals = value === null ? 2 : priceDecimals(value)): string {
  return value === null || !Number.isFinite(value) ? NO_VALUE : grouped(decimals).format(value);
}

/** A fraction shown as a percentage with fixed decimals and an explicit sign: 0.000125 → "+0.0125%". */
export function formatPercent(fraction: number | null, decimals: number): string {
  if (fraction === null || !Number.isFinite(fraction)) return NO_VALUE;
  const percent = fraction * 100;
  const text = grouped(decimals).format(Math.abs(percent));
  if (Number(text.replace(/,/g, '')) === 0) return `${grouped(decimals).format(0)}%`;
  return `${percent < 0 ? '−' : '+'}${text}%`;
}

/** A fraction shown in basis points: 0.000512 → "+5.12". */
export function formatBps(fraction: number | null, decimals = 2): string {
  if (fraction === null || !Number.isFinite(fraction)) return NO_VALUE;
  const bps = fraction * 10_000;
  const text = grouped(decimals).format(Math.abs(bps));
  if (Number(text.replace(/,/g, '')) === 0) return grouped(decimals).format(0);
  return `${bps < 0 ? '−' : '+'}${text}`;
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2, minimumFractionDigits: 2 });

/** Quote volume: 1234567 → "1.23M". */
export function formatVolume(value: number | null): string {
  return value === null || !Number.isFinite(value) ? NO_VALUE : compact.format(value);
}

/** Time left until a settlement: "07:59:58", or "1d 02:00:00" beyond a day. */
export function formatCountdown(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return NO_VALUE;
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const clock = [hours, minutes, seconds].map((part) => String(part).padStart(2, '0')).join(':');
  return days > 0 ? `${days}d ${clock}` : clock;
}

/** The sign of a value for colouring: 'up', 'down' or '' for zero and missing. */
export function signClass(value: number | null): 'up' | 'down' | '' {
  if (value === null || !Number.isFinite(value) || value === 0) return '';
  return value > 0 ? 'up' : 'down';
}

/** A fraction as a plain percentage number for export (0.0125 → 1.25), null kept. */
export function asPercent(fraction: number | null): number | null {
  return fraction === null ? null : fraction * 100;
}
