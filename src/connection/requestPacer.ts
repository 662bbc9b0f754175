import type { Scheduler } from './scheduler';

/** Where a pacer keeps its send times per key: its own memory, or a store that outlives the page. */
export interface SentLedger {
  read(key: string): number[];
  write(key: string, times: readonly number[]): void;
}

export function memoryLedger(): SentLedger {
  const sent = new Map<string, number[]>();
  return { read: (key) => sent.get(key) ?? [], write: (key, times) => sent.set(key, [...times]) };
}

/** At most `limit` requests per key in any sliding `windowMs` (OKX counts funding-rate-history per IP and instrument). */
export class RequestPacer {
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly scheduler: Scheduler,
    private readonly sent: SentLedger = memoryLedger(),
  ) {}

  /** Resolves when a request under `key` may go, and counts it as sent from then. */
  async take(key: string): Promise<void> {
    for (;;) {
      const now = this.scheduler.now();
      // Read at every turn: another tab, or this page before a reload, may have spent some since.
      const recent = this.sent.read(key).filter((time) => time > now - this.windowMs && time <= now);
      if (recent.length < this.limit) {
        recent.push(now);
        this.sent.write(key, recent);
        return;
      }
      this.sent.write(key, recent);
      await new Promise<void>((resolve) => this.scheduler.setTimeout(resolve, recent[0]! + this.windowMs - now));
    }
  }
}
