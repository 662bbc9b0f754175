import { useEffect } from 'react';
import { acquireOptionCatalog, acquireOptionChain, acquireOptionExpiry } from '../app/options';
import type { ExchangeId } from '../domain/exchange';

/** Keeps both exchanges' option lists running while the calling view is mounted. */
export function useOptionCatalog(): void {
  useEffect(() => acquireOptionCatalog(), []);
}

/**
 * Keeps one chain's live feed running while the calling view shows it (null: none), and the
 * shown expiry's (ms; null until the chain lists one): on OKX only that expiry gets marks and books.
 */
export function useOptionChainFeed(exchange: ExchangeId, underlying: string | null, expiry: number | null): void {
  useEffect(() => (underlying === null ? undefined : acquireOptionChain(exchange, underlying)), [exchange, underlying]);
  useEffect(
    () => (underlying === null || expiry === null ? undefined : acquireOptionExpiry(exchange, underlying, expiry)),
    [exchange, underlying, expiry],
  );
}
