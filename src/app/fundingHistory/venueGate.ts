import { backoffDelay, type BackoffPolicy } from '../../connection/backoff';
import type { RequestPacer } from '../../connection/requestPacer';
import { requestJson, type HttpReply } from '../../connection/restSource';
import type { Scheduler } from '../../connection/scheduler';
import type { RateLimited } from '../../feeds/fundingHistoryPages';
import type { VenuePause } from '../../store/fundingHistoryStore';

/** A turn taken from a pacer under a key (a venue-wide budget, or one instrument's). */
export interface PacerTurn {
  pacer: RequestPacer;
  key: string;
}

export interface VenueGateOptions {
  fetch: typeof fetch;
  scheduler: Scheduler;
  random: () => number;
  /** The turns one request takes, for the instrument it asks about. */
  turns: (instrument: string) => readonly PacerTurn[];
  /** The venue's rate-limit answers. */
  rateLimitOf: (reply: HttpReply, now: number) => RateLimited | null;
  minPauseMs: number;
  backoff: BackoffPolicy;
  onPause: (pause: VenuePause | null) => void;
}

/**
 * Every history request to one venue goes through its gate: it waits for its pacers' turns, and
 * while the venue is paused after a rate limit. After a pause one request goes first; the rest
 * follow only once it is answered, so a venue still limiting sees one request per pause, not a burst.
 */
export class VenueGate {
  private pausedUntil = 0;
  private limitsInARow = 0;
  private probe: Promise<void> | null = null;
  private clearTimer: unknown = null;

  constructor(private readonly options: VenueGateOptions) {}

  /** When the pause ends (local ms); 0 when the venue never paused. */
  get resumesAt(): number {
    return this.pausedUntil;
  }

  /**
   * Turns are taken last, just before the request goes, so each pacer counts it when the venue
   * does; a pause or probe begun meanwhile sends it back to wait and take them again.
   */
  async request(url: string, instrument: string): Promise<HttpReply> {
    for (;;) {
      await this.waitForTurn();
      for (const turn of this.options.turns(instrument)) await turn.pacer.take(turn.key);
      if (this.pausedUntil > this.options.scheduler.now() || this.probe) continue;
      const release = this.limitsInARow > 0 ? this.claimProbe() : () => {};
      try {
        return await this.send(url);
      } finally {
        release();
      }
    }
  }

  private async waitForTurn(): Promise<void> {
    for (;;) {
      const wait = this.pausedUntil - this.options.scheduler.now();
      if (wait > 0) await new Promise<void>((resolve) => this.options.scheduler.setTimeout(resolve, wait));
      else if (this.probe) await this.probe;
      else return;
    }
  }

  /** After a limit, this request goes alone: the others wait for its answer. */
  private claimProbe(): () => void {
    let answered = () => {};
    this.probe = new Promise((resolve) => (answered = resolve));
    return () => {
      this.probe = null;
      answered();
    };
  }

  private async send(url: string): Promise<HttpReply> {
    const reply = await requestJson(this.options.fetch, url);
    const limited = this.options.rateLimitOf(reply, this.options.scheduler.now());
    if (limited) this.pause(limited);
    else if (reply.readable) this.limitsInARow = 0;
    return reply;
  }

  /** Answers to requests sent before the pause began extend it only as far as they ask; they do not count as another limit. */
  private pause(limited: RateLimited): void {
    const { scheduler, random, backoff, minPauseMs } = this.options;
    const now = scheduler.now();
    const asked = limited.retryAfterMs ?? 0;
    if (now < this.pausedUntil) this.pausedUntil = Math.max(this.pausedUntil, now + asked);
    else this.pausedUntil = now + Math.max(minPauseMs, asked, backoffDelay(this.limitsInARow++, backoff, random));
    this.options.onPause({ until: this.pausedUntil, detail: limited.detail });
    if (this.clearTimer !== null) scheduler.clearTimeout(this.clearTimer);
    this.clearTimer = scheduler.setTimeout(() => {
      this.clearTimer = null;
      this.options.onPause(null);
    }, this.pausedUntil - now);
  }
}
