import { retryRestSourcesNow } from '../connection/restSource';
import type { WorkerCommand } from '../wire/messages';

/** Calls `tell` on every `online` and `offline` event of the page; online, the page's own REST loads (chart history) retry at once too. */
export function watchNetwork(tell: (command: Extract<WorkerCommand, { type: 'network' }>) => void): void {
  window.addEventListener('online', () => {
    retryRestSourcesNow();
    tell({ type: 'network', online: true });
  });
  window.addEventListener('offline', () => tell({ type: 'network', online: false }));
}
