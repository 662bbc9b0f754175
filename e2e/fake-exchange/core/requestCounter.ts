/** REST requests a venue received, per path, since the last reset: what a client asked for, whatever the answer. */
export class RequestCounter {
  private counts = new Map<string, number>();
  since: number;

  constructor(private readonly now: () => number) {
    this.since = now();
  }

  count(path: string): void {
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
  }

  /** Paths in the order first asked for. */
  byPath(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts = new Map();
    this.since = this.now();
  }
}
