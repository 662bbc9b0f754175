import { useEffect } from 'react';
import { acquirePerpetualFeeds } from '../app/perpetuals';

/** Keeps the Binance and OKX perpetual feeds running while the calling view is mounted. */
export function usePerpetualFeeds(): void {
  useEffect(() => acquirePerpetualFeeds(), []);
}
