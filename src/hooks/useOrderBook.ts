import { useEffect, useState } from 'react';
import { followOrderBook, type BookState } from '../app/orderBooks';
import type { PerpRow } from '../domain/perp';

const LOADING: BookState = { state: 'loading', book: null, detail: null, fetchedAt: null };

/** A leg's live book while the calling view is mounted (the pair inspected). */
export function useOrderBook(leg: Pick<PerpRow, 'exchange' | 'symbol' | 'margin'> | null): BookState {
  const [state, setState] = useState<BookState>(LOADING);
  const exchange = leg?.exchange;
  const symbol = leg?.symbol;
  const margin = leg?.margin;
  useEffect(() => {
    setState(LOADING);
    if (!exchange || !symbol || !margin) return;
    return followOrderBook({ exchange, symbol, margin }, setState);
  }, [exchange, symbol, margin]);
  return state;
}
