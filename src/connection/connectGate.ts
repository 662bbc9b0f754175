import type { Scheduler } from './scheduler';

/** At most `sockets` new sockets in any `perMs` window (an exchange's per-IP connection-rate limit). */
export interface ConnectRate {
  sockets: number;
  perMs: number;
}

/** Holds new sockets to one exchange within its connection-rate limit over a sliding window; `acquire` returns a cancel function. */
export interface ConnectGate {
  acquire(go: () => void): () => void;
}

export function createConnectGate(scheduler: Scheduler, rate: ConnectRate): ConnectGate {
  const waiting: Array<() => void> = [];
  const grantedAt: number[] = [];
  let timer: unknown = null;

  const drain = (): void => {
    timer = null;
    while (waiting.length > 0) {
      const now = scheduler.now();
      while (grantedAt.length > 0 && grantedAt[0]! + rate.perMs <= now) grantedAt.shift();
      if (grantedAt.length >= rate.sockets) {
        timer = scheduler.setTimeout(drain, grantedAt[0]! + rate.perMs - now);
        return;
      }
      grantedAt.push(now);
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
