import { useEffect } from 'react';
import { appEndpoints, hub } from '../app/connections';

const ignorePayload = (): void => undefined;

/**
 * Keeps each exchange's base market stream open while the app is mounted, so the header's
 * connection status is the real state of the link. Views that consume these streams
 * subscribe to the same topics; the hub shares one subscription between them.
 */
export function useExchangeLinks(): void {
  useEffect(() => {
    const stops = [
      hub.subscribe(appEndpoints.binanceFutures, ['!markPrice@arr@1s'], ignorePayload),
      hub.subscribe(appEndpoints.okxPublic, [{ channel: 'instruments', instType: 'SWAP' }], ignorePayload),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);
}
