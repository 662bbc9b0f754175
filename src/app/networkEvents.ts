import type { WorkerCommand } from '../wire/messages';

/** Calls `tell` on every `online` and `offline` event of the page. */
export function watchNetwork(tell: (command: Extract<WorkerCommand, { type: 'network' }>) => void): void {
  window.addEventListener('online', () => tell({ type: 'network', online: true }));
  window.addEventListener('offline', () => tell({ type: 'network', online: false }));
}
