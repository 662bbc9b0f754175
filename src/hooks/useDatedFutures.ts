import { useEffect, useMemo } from 'react';
import { acquireDatedFutures } from '../app/datedFutures';
import type { DatedFutureRow } from '../domain/datedFuture';
import { useDatedFutureStore } from '../store/datedFutureStore';

/**
 * One coin's dated futures on both exchanges, streaming while the calling view is mounted (null:
 * none), nearest delivery first, as they stood at `readAt`: the caller says how often it reads them.
 */
export function useDatedFutures(coin: string | null, readAt: number): DatedFutureRow[] {
  useEffect(() => (coin === null ? undefined : acquireDatedFutures(coin)), [coin]);
  return useMemo(
    () =>
      Object.values(useDatedFutureStore.getState().rows)
        .filter((row) => row.coin === coin)
        .sort((a, b) => a.expiry - b.expiry || a.key.localeCompare(b.key)),
    // Read again at each `readAt`: the store's every batch is not a reason to redraw.
    [coin, readAt],
  );
}
