import type { Scheduler } from './scheduler';

/**
 * Spaces out new sockets to one exchange (OKX allows 3 new connections a second per IP):
 * callers queue and are let through one per interval. `acquire` returns a cancel function.
 */
export interface ConnectGate {
  acquire(go: () => void): () => void;
}

export function createConnectGate(scheduler: Scheduler, minIntervalMs: number): ConnectGate {
  const waiting: Array<() => void> = [];
  let lastAt = -Infinity;
  let timer: unknown = null;

  const drain = (): void => {
    timer = null;
    while (waiting.length > 0) {
      const wait = lastAt + minIntervalMs - scheduler.now();
      if (wait > 0) {
        timer = scheduler.setTimeout(drain, wait);
        return;
      }
      lastAt = scheduler.now();
      waiting.shift()?.();
    }
  };

  return {
    acquire(go) {
      waiting.push(go);
      if (timer === null) drain();
      return () => {
        const index = waiting.indexOf(go);
        if (index >= 0) waiting.splice(index, 1);
      };
    },
  };
}
