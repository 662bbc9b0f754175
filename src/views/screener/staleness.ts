import type { ExchangeId } from '../../domain/exchange';
import type { PerpRow } from '../../domain/perp';

/**
 * How long a row may go without any update before it greys out. Binance pushes every
 * perpetual each second; OKX pushes a mark that has not moved only every 10 s.
 */
export const STALE_AFTER_MS: Record<ExchangeId, number> = { binance: 5000, okx: 25_000 };

export function isStale(quote: PerpRow, now: number): boolean {
  return quote.appliedAt > 0 && now - quote.appliedAt > STALE_AFTER_MS[quote.exchange];
}
