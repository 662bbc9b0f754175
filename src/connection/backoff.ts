export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 };

/** Full-jitter backoff, so tabs and sockets do not reconnect in lockstep; a floor of a tenth of the base prevents a tight loop. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const window = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.max(policy.baseMs / 10, Math.floor(random() * window));
}
