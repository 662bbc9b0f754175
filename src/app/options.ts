import type { ExchangeId } from '../domain/exchange';
import { acquireFeed, acquireOnEveryExchange } from './workerClient';

/** Both exchanges' option lists (which chains exist), while any options view is open. */
export function acquireOptionCatalog(): () => void {
  return acquireOnEveryExchange('option-catalog');
}

/** One chain's live quotes, while a view shows it. */
export function acquireOptionChain(exchange: ExchangeId, underlying: string): () => void {
  return acquireFeed({ feed: 'option-chain', exchange, underlying });
}

/** The chain plus everything of one expiry (ms): on OKX only that expiry gets marks and books. */
export function acquireOptionExpiry(exchange: ExchangeId, underlying: string, expiry: number): () => void {
  return acquireFeed({ feed: 'option-expiry', exchange, underlying, expiry });
}
