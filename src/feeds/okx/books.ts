import type { OrderBook } from '../../domain/bookWalk';
import { levelsOf } from '../bookLevels';
import { isRecord, positive, text } from '../numbers';
import { okxData } from './envelope';

/** The most `books` serves a side. */
export const BOOK_SIZE = 400;

export function booksUrl(restBase: string, instId: string): string {
  return `${restBase}/api/v5/market/books?instId=${encodeURIComponent(instId)}&sz=${BOOK_SIZE}`;
}

export function swapInstrumentUrl(restBase: string, instId: string): string {
  return `${restBase}/api/v5/public/instruments?instType=SWAP&instId=${encodeURIComponent(instId)}`;
}

/** What one contract is worth: `ctVal` of `ctValCcy`, the coin for linear swaps, USD for inverse ones. */
export interface ContractValue {
  value: number;
  currency: string;
}

/** `GET /api/v5/public/instruments?instType=SWAP&instId=` → the swap's contract value; null when unreadable. */
export function parseContractValue(body: unknown): ContractValue | null {
  const unwrapped = okxData(body);
  const item: unknown = unwrapped.ok && Array.isArray(unwrapped.data) ? unwrapped.data[0] : null;
  if (!isRecord(item)) return null;
  const value = positive(item.ctVal);
  const currency = text(item.ctValCcy);
  return value === null || currency === null ? null : { value, currency };
}

/**
 * `GET /api/v5/market/books` → the book in base units: sizes come in contracts, each worth `ctVal`
 * of the coin (linear) or of USD (inverse, so ÷ price). Null when any level cannot be read.
 */
export function parseBooks(body: unknown, contract: ContractValue): OrderBook | null {
  const unwrapped = okxData(body);
  const book: unknown = unwrapped.ok && Array.isArray(unwrapped.data) ? unwrapped.data[0] : null;
  if (!isRecord(book)) return null;
  const inUsd = contract.currency === 'USD';
  const baseOf = (price: number, contracts: number) => (inUsd ? (contracts * contract.value) / price : contracts * contract.value);
  const bids = levelsOf(book.bids, baseOf);
  const asks = levelsOf(book.asks, baseOf);
  return bids && asks ? { bids, asks } : null;
}
