import type { LinkState } from '../../domain/connectionState';
import type { ExchangeId } from '../../domain/exchange';
import type { PerpRow } from '../../domain/perp';

/**
 * How long a row may go without an update from its stream before it greys out. Binance pushes
 * every perpetual each second; OKX pushes a mark that has not moved only every 10 s.
 */
export const STALE_AFTER_MS: Record<ExchangeId, number> = { binance: 5000, okx: 25_000 };

/** Link states in which an exchange's streams are silent: none of its rows can be current, whatever polls say. */
const SILENT_LINKS: ReadonlySet<LinkState> = new Set<LinkState>(['stalled', 'reconnecting', 'down', 'offline']);

export function isStreamSilent(state: LinkState): boolean {
  return SILENT_LINKS.has(state);
}

/** Grey when the row's exchange's streams are silent, or its own stream has not updated it for too long. */
export function isStale(quote: Pick<PerpRow, 'exchange' | 'streamedAt'>, now: number, silent: Readonly<Record<ExchangeId, boolean>>): boolean {
  if (silent[quote.exchange]) return true;
  return quote.streamedAt > 0 && now - quote.streamedAt > STALE_AFTER_MS[quote.exchange];
}
