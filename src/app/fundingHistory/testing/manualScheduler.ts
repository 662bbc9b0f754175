import type { Scheduler } from '../../../connection/scheduler';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/** Lets promises, and fake IndexedDB's own queued work, run to rest: it answers on later turns of the event loop. */
export async function settle(turns = 30): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A clock and timers that move only when a test says, settling what they set off between timers. */
export class ManualScheduler implements Scheduler {
  private timers: Timer[] = [];
  private ids = 0;

  constructor(private time: number) {}

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.ids;
    this.timers.push({ id, at: this.time + Math.max(0, ms), fn });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** Runs every timer due within `ms`, in time order, then rests at the end. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await settle();
      const next = this.timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((timer) => timer !== next);
      this.time = next.at;
      next.fn();
    }
    this.time = end;
    await settle();
  }
}
