import { useEffect } from 'react';
import { acquireOptionCatalog, acquireOptionChain, acquireOptionExpiry } from '../app/options';
import { showRows } from '../app/shownRows';
import type { ExchangeId } from '../domain/exchange';

/** Keeps both exchanges' option lists running while the calling view is mounted. */
export function useOptionCatalog(): void {
  useEffect(() => acquireOptionCatalog(), []);
}

/**
 * Keeps one chain's live feed running while the calling view shows it (null: none), and the
 * shown expiry's (ms; null until the chain lists one): on OKX only that expiry gets marks and books,
 * and the chain's other expiries reach the page once a second.
 */
export function useOptionChainFeed(exchange: ExchangeId, underlying: string | null, expiry: number | null): void {
  useEffect(() => (underlying === null ? undefined : acquireOptionChain(exchange, underlying)), [exchange, underlying]);
  useEffect(
    () => {
      if (underlying === null || expiry === null) return undefined;
      const releases = [acquireOptionExpiry(exchange, underlying, expiry), showRows({ expiries: [{ exchange, underlying, expiry }] })];
      return () => releases.forEach((release) => release());
    },
    [exchange, underlying, expiry],
  );
}
