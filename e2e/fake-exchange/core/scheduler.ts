/**
 * Every timer the fake exchange runs, in one place so close() can stop them all. Cadences
 * (pushes, market steps) are divided by `rate`; protocol timers are not, they come from FakeTiming.
 */
export class Scheduler {
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(readonly rate: number) {}

  /** Runs `task` every `periodMs / rate` of wall time. */
  cadence(periodMs: number, task: () => void): void {
    this.every(Math.max(1, periodMs / this.rate), task);
  }

  every(periodMs: number, task: () => void): void {
    const timer = setInterval(task, periodMs);
    timer.unref();
    this.timers.add(timer);
  }

  after(delayMs: number, task: () => void): () => void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      task();
    }, delayMs);
    timer.unref();
    this.timers.add(timer);
    return () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    };
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
