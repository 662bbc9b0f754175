import { useEffect, useMemo } from 'react';
import { acquireDatedFutures } from '../app/datedFutures';
import type { DatedFutureRow } from '../domain/datedFuture';
import { useDatedFutureStore } from '../store/datedFutureStore';

/** One coin's dated futures on both exchanges, streaming while the calling view is mounted (null: none), nearest delivery first. */
export function useDatedFutures(coin: string | null): DatedFutureRow[] {
  useEffect(() => (coin === null ? undefined : acquireDatedFutures(coin)), [coin]);
  const rows = useDatedFutureStore((state) => state.rows);
  return useMemo(
    () => Object.values(rows).filter((row) => row.coin === coin).sort((a, b) => a.expiry - b.expiry || a.key.localeCompare(b.key)),
    [rows, coin],
  );
}
