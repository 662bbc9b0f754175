/**
 * A budget that refills at fixed window boundaries (Binance counts request weight per clock
 * minute and reports it in X-MBX-USED-WEIGHT-1M; OKX counts requests per 2 s).
 */
export class RateWindow {
  private windowStart = 0;
  private used = 0;

  constructor(
    private readonly windowMs: number,
    private readonly limit: number,
  ) {}

  /** Spends `cost`; false when that goes over the budget (the spend still counts, as on the exchanges). */
  spend(now: number, cost: number): boolean {
    const windowStart = Math.floor(now / this.windowMs) * this.windowMs;
    if (windowStart !== this.windowStart) {
      this.windowStart = windowStart;
      this.used = 0;
    }
    this.used += cost;
    return this.used <= this.limit;
  }

  usedAt(now: number): number {
    return Math.floor(now / this.windowMs) * this.windowMs === this.windowStart ? this.used : 0;
  }

  reset(): void {
    this.used = 0;
  }
}
