/** How many of the newest seconds in which a venue's frames arrived the clock is estimated from: the least lag of each. */
const SECONDS = 32;

/** Lags within this of each other are one clock difference seen through varying network delay; further below the median, a frame stamped wrong. */
const SPREAD_MS = 1000;

/** Seconds whose least lags must agree for that lag to be the clock difference: a wrong stamp stands alone. */
const AGREEING_SECONDS = 3;

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
 * alone. Of the last SECONDS seconds of arrivals, each keeps its least lag; the estimate is the
 * smallest of them that AGREEING_SECONDS agree on, so a frame stamped wrong, however far, cannot move
 * it, nor can a backlog that waited while the page was frozen: drained, its lags fall by seconds
 * each second and agree on nothing. Until seconds agree, the smallest lag within SPREAD_MS of their
 * median.
 */
export class VenueClock {
  /** Per second of arrival, the least lag of the frames that arrived in it; a ring of SECONDS. */
  private readonly lags: number[] = [];
  private newest = -1;
  private newestSecond = NaN;
  private estimate: number | null = null;
  private estimatedAt = -Infinity;
  private stale = false;

  /** A frame whose newest event the venue stamped `eventTime`, received at local time `receivedAt`. */
  observe(eventTime: number, receivedAt: number): void {
    const lag = receivedAt - eventTime;
    if (!Number.isFinite(lag)) return;
    const second = Math.floor(receivedAt / 1000);
    if (second !== this.newestSecond) {
      this.newest = (this.newest + 1) % SECONDS;
      this.newestSecond = second;
      this.lags[this.newest] = lag;
      this.stale = true;
    } else if (lag < this.lags[this.newest]!) {
      this.lags[this.newest] = lag;
      this.stale = true;
    }
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
    this.estimate = 0 - (agreedLag(sorted) ?? nearMedianLag(sorted));
    this.estimatedAt = at;
    this.stale = false;
  }

  /**
   * The local time at which a frame the venue stamped `venueTime` arrives when nothing holds it up
   * beyond the least delay: for a frame that waited in a backlog, when its data was current.
   */
  onTimeArrival(venueTime: number): number {
    return venueTime - (this.offset() ?? 0);
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

/** The smallest of the sorted lags that AGREEING_SECONDS of them agree on, within SPREAD_MS; null when none. */
function agreedLag(sorted: readonly number[]): number | null {
  for (let index = 0; index + AGREEING_SECONDS <= sorted.length; index++) {
    if (sorted[index + AGREEING_SECONDS - 1]! - sorted[index]! <= SPREAD_MS) return sorted[index]!;
  }
  return null;
}

/** The smallest of the sorted lags within SPREAD_MS of their median. */
function nearMedianLag(sorted: readonly number[]): number {
  const median = sorted[Math.floor(sorted.length / 2)]!;
  return sorted.find((lag) => lag >= median - SPREAD_MS)!;
}
