import { EXCHANGES } from '../domain/exchange';
import { acquireFeed } from './workerClient';

/** One coin's dated futures on both exchanges, while a view shows them. */
export function acquireDatedFutures(coin: string): () => void {
  const releases = EXCHANGES.map((exchange) => acquireFeed({ feed: 'dated-futures', exchange, coin }));
  return () => releases.forEach((release) => release());
}
