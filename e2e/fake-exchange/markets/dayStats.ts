import { unitAt } from '../core/prng.ts';
import { MINUTE_MS, MINUTES_PER_DAY, mergeBars, type Bar } from './bars.ts';
import type { Coin } from './coins.ts';
import { DRAW, type Instrument, type QuoteCurrency } from './instrument.ts';
import type { PriceHistory } from './priceHistory.ts';
import { RollingWindows } from './rollingWindow.ts';
import { quoteFactor } from './universe.ts';

const HOUR_MINUTES = 60;
const WARM_UP_BATCH = 25;
const UTC8_OFFSET_MINUTES = 8 * 60;

/** Rolling 24 h figures of a price series, as tickers report them (not the UTC day). */
export interface PriceStats {
  open: number;
  high: number;
  low: number;
  last: number;
  /** Opens of the current UTC day and of the UTC+8 day (OKX sodUtc0 / sodUtc8). */
  openUtc0: number;
  openUtc8: number;
}

export interface DayStats extends PriceStats {
  /** Quote-currency (USD-ish) and base-currency volume over the window. */
  quoteVolume: number;
  baseVolume: number;
  openTime: number;
  closeTime: number;
  trades: number;
}

/**
 * Rolling 24 h statistics of instruments (their traded price: the mark path stands in for
 * trades) and of indexes, consistent with the minute history.
 */
export class DayStatsBook {
  private readonly windows = new RollingWindows();
  /** Per series: the opens of the current UTC and UTC+8 days, which change once a day. */
  private readonly dayOpens = new Map<string, { dayStart: number; utc8Start: number; utc0: number | undefined; utc8: number | undefined }>();
  /** Per instrument: the hourly volumes the rolling day is made of, which change once an hour. */
  private readonly hourVolumes = new Map<Instrument, { hourStart: number; current: number; full: number; oldest: number }>();

  constructor(
    private readonly history: PriceHistory,
    private readonly now: () => number,
  ) {}

  stats(instrument: Instrument): DayStats {
    const now = this.now();
    const span = (from: number, to: number) => this.history.span('mark', instrument, from, to);
    const prices = this.priceStats(`${instrument.exchange}|${instrument.symbol}`, span, instrument.state.last, now);
    const quoteVolume = this.quoteVolume(instrument, now);
    return {
      ...prices,
      quoteVolume,
      baseVolume: quoteVolume / Math.max(prices.last, Number.MIN_VALUE),
      openTime: now - MINUTES_PER_DAY * MINUTE_MS,
      closeTime: now,
      trades: Math.round(quoteVolume / Math.max(50, instrument.quoteVolume / 400_000)),
    };
  }

  /** An index (coin in a quote currency) over the last 24 h; `last` is the current index. */
  indexStats(coin: Coin, quote: QuoteCurrency, current: number): PriceStats {
    const factor = quoteFactor(quote);
    const span = (from: number, to: number) => this.history.indexSpan(coin, factor, from, to);
    return this.priceStats(`index|${coin.name}|${quote}`, span, current, this.now());
  }

  /** Fills the caches for these instruments a few at a time, so the first ticker push finds them warm. */
  warmUp(instruments: readonly Instrument[], defer: (task: () => void) => void): void {
    for (const instrument of instruments.slice(0, WARM_UP_BATCH)) this.stats(instrument);
    if (instruments.length > WARM_UP_BATCH) defer(() => this.warmUp(instruments.slice(WARM_UP_BATCH), defer));
  }

  private priceStats(key: string, span: (from: number, to: number) => Bar | undefined, last: number, now: number): PriceStats {
    const minute = Math.floor(now / MINUTE_MS);
    const completed = this.windows.dayBefore(key, span, minute);
    const current = span(minute, minute);
    const bar = completed ? (current ? mergeBars({ ...completed }, current) : completed) : current;
    const opens = this.opensOfDay(key, span, minute);
    return {
      open: bar?.open ?? last,
      high: Math.max(bar?.high ?? last, last),
      low: Math.min(bar?.low ?? last, last),
      last,
      openUtc0: opens.utc0 ?? last,
      openUtc8: opens.utc8 ?? last,
    };
  }

  /** A minute's open never changes once the minute has begun, so each day's is computed once (and looked up again until both are known). */
  private opensOfDay(key: string, span: (from: number, to: number) => Bar | undefined, minute: number) {
    const dayStart = minute - (minute % MINUTES_PER_DAY);
    const utc8Start = minute - ((minute + UTC8_OFFSET_MINUTES) % MINUTES_PER_DAY);
    const cached = this.dayOpens.get(key);
    if (cached?.dayStart === dayStart && cached.utc8Start === utc8Start) return cached;
    const opens = { dayStart, utc8Start, utc0: span(dayStart, dayStart)?.open, utc8: span(utc8Start, utc8Start)?.open };
    if (opens.utc0 !== undefined && opens.utc8 !== undefined) this.dayOpens.set(key, opens);
    return opens;
  }

  /** 24 hourly shares plus the elapsed part of the current hour. */
  private quoteVolume(instrument: Instrument, now: number): number {
    const minute = now / MINUTE_MS;
    const hourStart = Math.floor(minute / HOUR_MINUTES) * HOUR_MINUTES;
    const elapsed = (minute - hourStart) / HOUR_MINUTES;
    const hours = this.hourVolumesAt(instrument, hourStart);
    return elapsed * hours.current + hours.full + (1 - elapsed) * hours.oldest;
  }

  private hourVolumesAt(instrument: Instrument, hourStart: number) {
    const cached = this.hourVolumes.get(instrument);
    if (cached?.hourStart === hourStart) return cached;
    let full = 0;
    for (let hour = 1; hour < 24; hour++) full += this.hourVolume(instrument, hourStart - hour * HOUR_MINUTES);
    const hours = {
      hourStart,
      current: this.hourVolume(instrument, hourStart),
      full,
      oldest: this.hourVolume(instrument, hourStart - 24 * HOUR_MINUTES),
    };
    this.hourVolumes.set(instrument, hours);
    return hours;
  }

  /** Quote volume traded in one hour: a seeded share around the instrument's daily average. */
  private hourVolume(instrument: Instrument, hourStart: number): number {
    return (instrument.quoteVolume / 24) * (0.3 + 1.4 * unitAt(instrument.noiseRoot, hourStart, DRAW.volume));
  }
}
