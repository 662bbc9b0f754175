import type { OptionRow } from '../domain/option';
import type { PerpRow } from '../domain/perp';
import type { ShownRows } from '../wire/messages';
import type { RowTable } from './rowTable';

/** How often a background row reaches the page: sending each every tick was a large share of the tick (bench/decisions.md). */
export const BACKGROUND_REFRESH_MS = 1000;

/** Which rows are background rows, from what the page says its views show, and when they are next due. */
export class BackgroundRows {
  private perps: ReadonlySet<string> | 'all' = 'all';
  private polled: readonly string[] = [];
  private expiries = new Map<string, ReadonlySet<number>>();
  private dueAt = 0;

  /** What views show changed: every background row goes at the next tick, so a row coming on screen is fresh at once. */
  show(shown: ShownRows): void {
    this.perps = shown.perps === 'all' ? 'all' : new Set(shown.perps);
    this.expiries = new Map(Object.entries(shown.expiries).map(([chain, expiries]) => [chain, new Set(expiries)]));
    this.polled = shown.polled;
    this.dueAt = 0;
  }

  /** Whether a tick at `now` sends background rows too; if so, the next second starts. */
  due(now: number): boolean {
    if (now < this.dueAt) return false;
    this.dueAt = now + BACKGROUND_REFRESH_MS;
    return true;
  }

  /** The keys of the rows of `rows` that views have in view, to poll. */
  polledPerpKeys(rows: RowTable<PerpRow>): string[] {
    return this.polled.filter((key) => rows.get(key) !== undefined);
  }

  readonly isBackgroundPerp = (row: PerpRow): boolean => this.perps !== 'all' && !this.perps.has(row.key);

  /** For one chain's table: its background options, or none when views show every expiry of it. */
  backgroundOptionsOf(chain: string): ((row: OptionRow) => boolean) | undefined {
    const shown = this.expiries.get(chain);
    return shown && ((row) => !shown.has(row.expiry));
  }
}
