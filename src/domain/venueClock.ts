/** How many of a venue's newest frames the clock is estimated from. */
const FRAMES = 32;

/** Lags this far below the median are not network delay but a frame stamped wrong: left out of the estimate. */
const SPREAD_MS = 1000;

/** How often the estimate is recomputed from the newest lags: the clock difference drifts over hours, not frames. */
const REESTIMATE_MS = 1000;

/** An event stamped further ahead of the venue's clock than this is refused: a venue never stamps the future. */
export const MAX_AHEAD_MS = 30_000;

/** An event older than this by the venue's clock is refused: no feed has a reason to send one. */
export const MAX_AGE_MS = 86_400_000;

/**
 * A venue's clock, as seen from this computer: every frame is stamped by the venue before it is
 * sent (Binance `E`, OKX `ts`), so its local arrival minus its stamp (its lag) is the clock
 * difference plus the network delay, and the smallest lags are the closest to the difference
 * alone. The estimate is the smallest lag within SPREAD_MS of the median lag of the last FRAMES
 * frames, so a minority of frames stamped wrong, however far, cannot move it.
 */
export class VenueClock {
  private readonly lags: number[] = [];
  private next = 0;
  private estimate: number | null = null;
  private estimatedAt = -Infinity;
  private stale = false;

  /** A frame whose newest event the venue stamped `eventTime`, received at local time `receivedAt`. */
  observe(eventTime: number, receivedAt: number): void {
    const lag = receivedAt - eventTime;
    if (!Number.isFinite(lag)) return;
    if (this.lags.length < FRAMES) this.lags.push(lag);
    else this.lags[this.next] = lag;
    this.next = (this.next + 1) % FRAMES;
    this.stale = true;
    // The first frame sets the estimate at once; later ones once a REESTIMATE_MS, or at once after a step of the local clock.
    if (this.estimate === null || Math.abs(receivedAt - this.estimatedAt) >= REESTIMATE_MS) this.reestimate(receivedAt);
  }

  /** The venue's clock minus the local one (ms); null before the first frame. */
  offset(): number | null {
    return this.estimate;
  }

  private reestimate(at: number): void {
    if (!this.stale) return;
    const sorted = [...this.lags].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    this.estimate = 0 - sorted.find((lag) => lag >= median - SPREAD_MS)!;
    this.estimatedAt = at;
    this.stale = false;
  }

  /** The venue's time at local time `localNow`: the local time itself until a frame has arrived. */
  now(localNow: number): number {
    return localNow + (this.offset() ?? 0);
  }

  /** Whether an event stamped `time` is within the sane window around the venue's clock at local time `localNow`. */
  admits(time: number, localNow: number): boolean {
    const venueNow = this.now(localNow);
    return time <= venueNow + MAX_AHEAD_MS && time >= venueNow - MAX_AGE_MS;
  }
}
