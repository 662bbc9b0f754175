import type { ExchangeId } from '../domain/exchange';
import type { PerpBookTopEvent } from '../domain/perpEvents';
import { finite } from './numbers';

/** One side's best price: "" (OKX) or 0 (Binance options' sentinel, read alike here) is no order on that side; undefined when not valid. */
function sidePrice(value: unknown): number | null | undefined {
  if (value === '') return null;
  const price = finite(value);
  if (price === 0) return null;
  return price !== null && price > 0 ? price : undefined;
}

/** A book-top event from a venue's best bid and ask, or null when either side is not valid or the two cross. */
export function bookTopEvent(exchange: ExchangeId, symbol: string, time: number, bidValue: unknown, askValue: unknown): PerpBookTopEvent | null {
  const bid = sidePrice(bidValue);
  const ask = sidePrice(askValue);
  if (bid === undefined || ask === undefined || (bid !== null && ask !== null && bid > ask)) return null;
  return { kind: 'book-top', exchange, symbol, time, bid, ask };
}
