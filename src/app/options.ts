import { EXCHANGES, type ExchangeId } from '../domain/exchange';
import { acquireFeed } from './workerClient';

/** Both exchanges' option lists (which chains exist), while any options view is open. */
export function acquireOptionCatalog(): () => void {
  const releases = EXCHANGES.map((exchange) => acquireFeed({ feed: 'option-catalog', exchange }));
  return () => releases.forEach((release) => release());
}

/** One chain's live quotes, while a view shows it. */
export function acquireOptionChain(exchange: ExchangeId, underlying: string): () => void {
  return acquireFeed({ feed: 'option-chain', exchange, underlying });
}

/** The chain plus everything of one expiry (ms): on OKX only that expiry gets marks and books. */
export function acquireOptionExpiry(exchange: ExchangeId, underlying: string, expiry: number): () => void {
  return acquireFeed({ feed: 'option-expiry', exchange, underlying, expiry });
}
