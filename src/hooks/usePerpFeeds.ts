import { useEffect } from 'react';
import { acquirePerpFeeds } from '../app/perpFeeds';
import { showRows } from '../app/shownRows';
import type { ExchangeId } from '../domain/exchange';

/** Keeps the Binance and OKX perpetual feeds running while the calling view is mounted. */
export function usePerpFeeds(): void {
  useEffect(() => acquirePerpFeeds(), []);
}

/** Which perpetuals the calling view shows, while it is mounted; compared by value, so a fresh array each render is fine. */
export function useShownPerps(rows: 'all' | readonly { exchange: ExchangeId; symbol: string }[]): void {
  const shown = JSON.stringify(rows === 'all' ? rows : rows.map(({ exchange, symbol }) => ({ exchange, symbol })));
  useEffect(() => showRows({ perps: JSON.parse(shown) as typeof rows }), [shown]);
}

/** The perpetuals in the calling view's sight, whose per-symbol facts (Binance open interest) are polled while it is mounted; compared by value. */
export function usePolledPerps(rows: readonly { exchange: ExchangeId; symbol: string }[]): void {
  const polled = JSON.stringify(rows.map(({ exchange, symbol }) => ({ exchange, symbol })));
  useEffect(() => showRows({ polled: JSON.parse(polled) as typeof rows }), [polled]);
}
