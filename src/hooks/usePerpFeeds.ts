import { useEffect } from 'react';
import { acquirePerpetualFeeds, showPerpetuals } from '../app/perpFeeds';
import type { ExchangeId } from '../domain/exchange';

/** Keeps the Binance and OKX perpetual feeds running while the calling view is mounted. */
export function usePerpetualFeeds(): void {
  useEffect(() => acquirePerpetualFeeds(), []);
}

/**
 * Which perpetuals the calling view shows, while it is mounted (see showPerpetuals). Compared by
 * value, so a view may pass a fresh array each render; a change re-declares.
 */
export function useShownPerpetuals(rows: 'all' | readonly { exchange: ExchangeId; symbol: string }[]): void {
  const shown = JSON.stringify(rows === 'all' ? rows : rows.map(({ exchange, symbol }) => ({ exchange, symbol })));
  useEffect(() => showPerpetuals(JSON.parse(shown) as Parameters<typeof showPerpetuals>[0]), [shown]);
}
