import type { OrderBook } from '../../domain/bookWalk';
import { levelsOf } from '../bookLevels';
import { isRecord } from '../numbers';

/** Levels a book is asked for: 100 costs 5 request weight and reaches well past any retail notional. */
export const BOOK_DEPTH = 100;

/** USDⓈ-M depth of one perpetual, best first on each side (`GET /fapi/v1/depth`). */
export function depthUrl(restBase: string, symbol: string): string {
  return `${restBase}/fapi/v1/depth?symbol=${encodeURIComponent(symbol)}&limit=${BOOK_DEPTH}`;
}

/** `GET /fapi/v1/depth` → the book; null when the answer, or any level in it, cannot be read. */
export function parseDepth(body: unknown): OrderBook | null {
  if (!isRecord(body)) return null;
  const bids = levelsOf(body.bids);
  const asks = levelsOf(body.asks);
  return bids && asks ? { bids, asks } : null;
}
