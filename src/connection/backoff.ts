export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 };

/**
 * "Full jitter" exponential backoff: a uniform delay in [0, min(cap, base·2^attempt)).
 * Spreading retries over the whole window keeps many tabs (or many sockets of one tab)
 * from reconnecting in lockstep after an exchange-wide drop. A floor of a tenth of the
 * base keeps even an unlucky draw from becoming a tight loop.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const window = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.max(policy.baseMs / 10, Math.floor(random() * window));
}
