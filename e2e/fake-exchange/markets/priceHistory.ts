import { unitAt } from '../core/prng.ts';
import { HISTORY_MINUTES, MINUTE_MS, mergeBars, minuteSigma, type Bar } from './bars.ts';
import type { Coin } from './coins.ts';
import { DRAW, isStreaming, type Instrument } from './instrument.ts';
import { LiveBars } from './liveBars.ts';
import type { Market } from './market.ts';
import { PremiumHistory } from './premiumHistory.ts';
import { SpotHistory } from './spotHistory.ts';
import { basisAt, quoteFactor } from './universe.ts';

/** The charted series of an instrument. */
export type SeriesKind = 'mark' | 'index' | 'premium';

/** How far a past premium bar's high/low reach beyond its open/close (0.2 bps). */
const PREMIUM_WICK = 0.00002;

/**
 * Minute bars of every series the exchanges chart (index, mark, premium): generated for the
 * 30 days before the start, recorded live after it. Klines and candles aggregate from here, so
 * what a chart loads agrees with what the streams pushed.
 */
export class PriceHistory {
  readonly startMinute: number;
  readonly firstMinute: number;
  private readonly spotPast: SpotHistory;
  private readonly premiumPast = new Map<Instrument, PremiumHistory>();
  private readonly liveSpot = new Map<Coin, LiveBars>();
  private readonly liveMark = new Map<Instrument, LiveBars>();
  private readonly livePremium = new Map<Instrument, LiveBars>();

  constructor(
    private readonly market: Market,
    private readonly now: () => number,
  ) {
    this.startMinute = Math.floor(market.startTime / MINUTE_MS);
    this.firstMinute = this.startMinute - HISTORY_MINUTES;
    this.spotPast = new SpotHistory(market.seed, this.startMinute);
    for (const coin of market.coins) this.liveSpot.set(coin, new LiveBars(this.startMinute, coin.price));
    for (const instrument of [...market.binance, ...market.okx]) {
      this.liveMark.set(instrument, new LiveBars(this.startMinute, instrument.state.mark));
      this.livePremium.set(instrument, new LiveBars(this.startMinute, premiumOf(instrument)));
    }
    market.onStep((time) => this.record(time));
  }

  currentMinute(): number {
    return Math.floor(this.now() / MINUTE_MS);
  }

  markBar(instrument: Instrument, minute: number): Bar | undefined {
    return this.span('mark', instrument, minute, minute);
  }

  /** One bar merging minutes [from, to] of a series; undefined when none of them exist. */
  span(kind: SeriesKind, instrument: Instrument, from: number, to: number): Bar | undefined {
    if (kind === 'index') return this.indexSpan(instrument.coin, instrument.multiplier * quoteFactor(instrument.quote), from, to);
    let merged: Bar | undefined;
    const pastEnd = Math.min(to, this.startMinute - 1);
    let minute = Math.max(from, this.firstMinute);
    if (minute <= pastEnd) {
      const value = kind === 'mark' ? (m: number) => this.pastMark(instrument, m) : (m: number) => this.pastPremium(instrument, m);
      let previous = value(minute - 1);
      for (; minute <= pastEnd; minute++) {
        const close = value(minute)!;
        const open = previous ?? close;
        previous = close;
        merged = mergeBars(merged, kind === 'mark' ? this.markWicks(instrument, minute, open, close) : premiumWicks(open, close));
      }
    }
    const live = (kind === 'mark' ? this.liveMark : this.livePremium).get(instrument)!;
    for (minute = Math.max(minute, this.startMinute); minute <= to; minute++) {
      const bar = live.bar(minute);
      if (bar) merged = mergeBars(merged, bar);
    }
    return merged;
  }

  /** The index of a coin in a quote currency (times a contract multiplier), minutes [from, to]. */
  indexSpan(coin: Coin, factor: number, from: number, to: number): Bar | undefined {
    let merged: Bar | undefined;
    const pastEnd = Math.min(to, this.startMinute - 1);
    let minute = Math.max(from, this.firstMinute);
    if (minute <= pastEnd) {
      let previous = this.spotPast.close(coin, minute - 1);
      for (; minute <= pastEnd; minute++) {
        const close = this.spotPast.close(coin, minute)!;
        const open = previous ?? close;
        previous = close;
        const high = Math.max(open, close) * (1 + this.spotPast.wick(coin, minute, false));
        const low = Math.min(open, close) * (1 - this.spotPast.wick(coin, minute, true));
        merged = mergeBars(merged, { open: open * factor, high: high * factor, low: low * factor, close: close * factor });
      }
    }
    const live = this.liveSpot.get(coin)!;
    for (minute = Math.max(minute, this.startMinute); minute <= to; minute++) {
      const bar = live.bar(minute);
      if (bar) merged = mergeBars(merged, { open: bar.open * factor, high: bar.high * factor, low: bar.low * factor, close: bar.close * factor });
    }
    return merged;
  }

  private markWicks(instrument: Instrument, minute: number, open: number, close: number): Bar {
    const wick = minuteSigma(instrument.coin.volatility) * 0.6;
    return {
      open,
      high: Math.max(open, close) * (1 + wick * unitAt(instrument.noiseRoot, minute, DRAW.markWickUp)),
      low: Math.min(open, close) * (1 - wick * unitAt(instrument.noiseRoot, minute, DRAW.markWickDown)),
      close,
    };
  }

  private pastMark(instrument: Instrument, minute: number): number | undefined {
    const spot = this.spotPast.close(instrument.coin, minute);
    if (spot === undefined) return undefined;
    return spot * instrument.multiplier * quoteFactor(instrument.quote) * (1 + this.pastPremium(instrument, minute)!);
  }

  /** Premium incl. delivery basis of a past minute (undefined before the history starts). */
  private pastPremium(instrument: Instrument, minute: number): number | undefined {
    const age = this.startMinute - minute;
    if (age > HISTORY_MINUTES) return undefined;
    let premium = this.premiumPast.get(instrument);
    if (!premium) {
      const level = instrument.funding ? instrument.funding.regime - instrument.funding.baseline : 0;
      const startPremium = premiumOf(instrument) - basisAt(instrument.annualBasis, instrument.deliveryTime, this.market.startTime);
      premium = new PremiumHistory(this.market.seed, `${instrument.exchange}|${instrument.symbol}`, level, startPremium);
      this.premiumPast.set(instrument, premium);
    }
    return premium.at(age) + basisAt(instrument.annualBasis, instrument.deliveryTime, minute * MINUTE_MS);
  }

  private record(time: number): void {
    const minute = Math.floor(time / MINUTE_MS);
    for (const [coin, bars] of this.liveSpot) bars.record(minute, this.market.spot(coin.name)!);
    for (const [instrument, bars] of this.liveMark) {
      if (!isStreaming(instrument)) continue;
      bars.record(minute, instrument.state.mark);
      this.livePremium.get(instrument)!.record(minute, premiumOf(instrument));
    }
  }
}

/** Mark over index − 1: what Binance's premium index klines and OKX's premium field show. */
function premiumOf(instrument: Instrument): number {
  return instrument.state.mark / instrument.state.index - 1;
}

function premiumWicks(open: number, close: number): Bar {
  return { open, high: Math.max(open, close) + PREMIUM_WICK, low: Math.min(open, close) - PREMIUM_WICK, close };
}
