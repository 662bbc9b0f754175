/** Protocol timers of both exchanges, at their documented values; tests shorten them. */
export interface FakeTiming {
  binancePingIntervalMs: number;
  binancePongTimeoutMs: number;
  binanceMaxLifetimeMs: number;
  okxIdleTimeoutMs: number;
  /** Delay between OKX's 64008 "closing for an upgrade" notice and the close. */
  okxNoticeCloseDelayMs: number;
}

export const DEFAULT_TIMING: FakeTiming = {
  binancePingIntervalMs: 180_000,
  binancePongTimeoutMs: 600_000,
  binanceMaxLifetimeMs: 24 * 3_600_000,
  okxIdleTimeoutMs: 30_000,
  okxNoticeCloseDelayMs: 30_000,
};
