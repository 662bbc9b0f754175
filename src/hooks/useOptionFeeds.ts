import { useEffect } from 'react';
import { acquireOptionCatalog, acquireOptionChain } from '../app/options';
import type { ExchangeId } from '../domain/exchange';

/** Keeps both exchanges' option lists running while the calling view is mounted. */
export function useOptionCatalog(): void {
  useEffect(() => acquireOptionCatalog(), []);
}

/** Keeps one chain's live feed running while the calling view shows it; null for none. */
export function useOptionChainFeed(exchange: ExchangeId, underlying: string | null): void {
  useEffect(() => (underlying === null ? undefined : acquireOptionChain(exchange, underlying)), [exchange, underlying]);
}
