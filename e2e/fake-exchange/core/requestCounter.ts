import type { ServerResponse } from 'node:http';

/** REST requests a venue received, per path and per answer status, since the last reset: what a client asked for, whatever the answer. */
export class RequestCounter {
  private counts = new Map<string, number>();
  private statuses = new Map<number, number>();
  since: number;

  constructor(private readonly now: () => number) {
    this.since = now();
  }

  /** Counts the request's path now and its status once answered; an answer sent after a reset counts in the new period. */
  count(path: string, response: ServerResponse): void {
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
    response.once('finish', () => this.statuses.set(response.statusCode, (this.statuses.get(response.statusCode) ?? 0) + 1));
  }

  /** Paths in the order first asked for. */
  byPath(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  /** Answers by HTTP status, e.g. { "200": 40, "429": 2 }. */
  byStatus(): Record<string, number> {
    return Object.fromEntries([...this.statuses].sort(([a], [b]) => a - b));
  }

  reset(): void {
    this.counts = new Map();
    this.statuses = new Map();
    this.since = this.now();
  }
}
