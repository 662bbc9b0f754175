import type { Scheduler } from './scheduler';

/** At most `limit` requests per key in any sliding `windowMs` (OKX counts funding-rate-history per IP and instrument). */
export class RequestPacer {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly scheduler: Scheduler,
  ) {}

  /** Resolves when a request under `key` may go, and counts it as sent from then. */
  async take(key: string): Promise<void> {
    for (;;) {
      const now = this.scheduler.now();
      const recent = (this.sent.get(key) ?? []).filter((time) => time > now - this.windowMs);
      if (recent.length < this.limit) {
        recent.push(now);
        this.sent.set(key, recent);
        return;
      }
      this.sent.set(key, recent);
      await new Promise<void>((resolve) => this.scheduler.setTimeout(resolve, recent[0]! + this.windowMs - now));
    }
  }
}
