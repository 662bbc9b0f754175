/** Binance does not say how many 429s it takes; chosen: more than 10 within a minute. */
const REFUSALS_BEFORE_BAN = 10;
const REFUSAL_WINDOW_MS = 60_000;
/** "IP bans are tracked and scale in duration for repeat offenders, from 2 minutes to 3 days." */
const FIRST_BAN_MS = 2 * 60_000;
const LONGEST_BAN_MS = 3 * 86_400_000;

/**
 * Binance's automated IP ban: an IP that keeps sending after 429s is answered 418 on every REST
 * call until the ban ends, each ban twice as long as the one before.
 */
export class IpBan {
  private refusals: number[] = [];
  private bans = 0;
  private until = 0;

  /** When the ban holding at `now` ends, or null when none does. */
  activeUntil(now: number): number | null {
    return now < this.until ? this.until : null;
  }

  /** Records one request answered 429; past the limit, the IP is banned. */
  refused(now: number): void {
    this.refusals = this.refusals.filter((time) => time > now - REFUSAL_WINDOW_MS);
    this.refusals.push(now);
    if (this.refusals.length <= REFUSALS_BEFORE_BAN) return;
    this.until = now + Math.min(LONGEST_BAN_MS, FIRST_BAN_MS * 2 ** this.bans);
    this.bans++;
    this.refusals = [];
  }

  reset(): void {
    this.refusals = [];
    this.bans = 0;
    this.until = 0;
  }
}
