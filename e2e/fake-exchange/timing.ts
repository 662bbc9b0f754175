/** Protocol timers of both exchanges, at their documented values; tests shorten them. */
export interface FakeTiming {
  binancePingIntervalMs: number;
  binancePongTimeoutMs: number;
  binanceMaxLifetimeMs: number;
  okxIdleTimeoutMs: number;
  /** Delay between OKX's 64008 "closing for an upgrade" notice and the close (60 s since 2026; it was 30 s). */
  okxNoticeCloseDelayMs: number;
  /**
   * [min, max] delay of a subscription's first `funding-rate` push: OKX sends none on subscribe and
   * pushes every 30-90 s. Each swap draws its own delay in the range, from the seed.
   */
  okxFirstFundingPushMs: [number, number];
}

export const DEFAULT_TIMING: FakeTiming = {
  binancePingIntervalMs: 180_000,
  binancePongTimeoutMs: 600_000,
  binanceMaxLifetimeMs: 24 * 3_600_000,
  okxIdleTimeoutMs: 30_000,
  okxNoticeCloseDelayMs: 60_000,
  okxFirstFundingPushMs: [30_000, 90_000],
};
