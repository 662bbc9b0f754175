import { mergeBars, MINUTES_PER_DAY, type Bar } from './bars.ts';

const HOUR_MINUTES = 60;
/** Hours kept per series: one day's worth and the hour being added. */
const HOURS_KEPT = 25;

/** A series' merged bar over minutes [from, to]. */
export type SpanOf = (from: number, to: number) => Bar | undefined;

/**
 * The high/low/open of a series over the 24 h before a minute (the completed minutes only),
 * cached per minute and assembled from cached whole hours, so rolling tickers stay cheap.
 */
export class RollingWindows {
  private readonly windows = new Map<string, { minute: number; bar: Bar | undefined }>();
  private readonly hours = new Map<string, Map<number, Bar | undefined>>();

  /** Merged bar of minutes [minute − 1440, minute − 1] of the series named `key`. */
  dayBefore(key: string, span: SpanOf, minute: number): Bar | undefined {
    const cached = this.windows.get(key);
    if (cached?.minute === minute) return cached.bar;
    let bar: Bar | undefined;
    let cursor = minute - MINUTES_PER_DAY;
    while (cursor < minute) {
      const wholeHour = cursor % HOUR_MINUTES === 0 && cursor + HOUR_MINUTES <= minute;
      const piece = wholeHour ? this.hour(key, span, cursor) : span(cursor, cursor);
      if (piece) bar = mergeBars(bar, piece);
      cursor += wholeHour ? HOUR_MINUTES : 1;
    }
    this.windows.set(key, { minute, bar });
    return bar;
  }

  /** A completed hour never changes, so it is computed once. */
  private hour(key: string, span: SpanOf, hourStart: number): Bar | undefined {
    let hours = this.hours.get(key);
    if (!hours) this.hours.set(key, (hours = new Map()));
    if (hours.has(hourStart)) return hours.get(hourStart);
    const bar = span(hourStart, hourStart + HOUR_MINUTES - 1);
    hours.set(hourStart, bar);
    if (hours.size > HOURS_KEPT) hours.delete(hours.keys().next().value!);
    return bar;
  }
}
