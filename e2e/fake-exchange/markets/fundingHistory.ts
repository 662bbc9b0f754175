import { unitAt } from '../core/prng.ts';
import { MINUTE_MS } from './bars.ts';
import { DRAW, type Instrument, type IntervalChange } from './instrument.ts';
import type { Market, Settlement } from './market.ts';
import type { PriceHistory } from './priceHistory.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Longer than the app's 30-day window, so that a whole window reaches back past its start (the venues keep months). */
export const FUNDING_HISTORY_DAYS = 45;

/**
 * Realised funding of every perpetual: generated settlements for FUNDING_HISTORY_DAYS before the start
 * (at the interval the instrument had then, and before its interval change at the old one; rates
 * around its regime, per hour the same at either interval), then every live settlement.
 */
export class FundingHistory {
  private readonly past = new Map<Instrument, Settlement[]>();
  private readonly live = new Map<Instrument, Settlement[]>();
  private readonly startIntervals = new Map<Instrument, number>();

  constructor(
    private readonly market: Market,
    private readonly prices: PriceHistory,
  ) {
    for (const instrument of [...market.binance, ...market.okx]) {
      if (instrument.funding) this.startIntervals.set(instrument, instrument.funding.intervalHours);
    }
    market.onSettlement((instrument, settlement) => {
      let list = this.live.get(instrument);
      if (!list) this.live.set(instrument, (list = []));
      list.push(settlement);
    });
  }

  /** Every settlement of a perpetual, oldest first. */
  settlements(instrument: Instrument): Settlement[] {
    if (!instrument.funding) return [];
    return [...this.pastOf(instrument), ...(this.live.get(instrument) ?? [])];
  }

  /** Rewrites a perpetual's past around a change of interval and moves it to the new one (control API). */
  changeInterval(instrument: Instrument, change: IntervalChange): void {
    this.market.changeInterval(instrument, change);
    this.startIntervals.set(instrument, change.toHours);
    this.past.delete(instrument);
  }

  /** The mark at a settlement: recorded live, or read from the price history for generated ones (its oldest bar before it). */
  markAt(instrument: Instrument, settlement: Settlement): number {
    const minute = Math.max(this.prices.firstMinute, Math.floor(settlement.time / MINUTE_MS));
    return settlement.mark ?? this.prices.markBar(instrument, minute)?.open ?? instrument.state.mark;
  }

  private pastOf(instrument: Instrument): Settlement[] {
    const cached = this.past.get(instrument);
    if (cached) return cached;
    const funding = instrument.funding!;
    const startHours = this.startIntervals.get(instrument)!;
    const change = funding.intervalChange;
    const hoursBefore = (time: number) => (change && time <= change.at ? change.fromHours : startHours);
    const start = this.market.startTime;
    const settlements: Settlement[] = [];
    const grid = startHours * HOUR_MS;
    for (let time = Math.floor(start / grid) * grid; time > start - FUNDING_HISTORY_DAYS * DAY_MS; time -= hoursBefore(time) * HOUR_MS) {
      if (time === start) continue; // a settlement exactly at the start belongs to the live walk
      settlements.push({ time, rate: this.generatedRate(instrument, time, hoursBefore(time) / startHours) });
    }
    settlements.reverse();
    this.past.set(instrument, settlements);
    return settlements;
  }

  /** A settled rate around the regime; `scale` turns the current interval's rates into those of the interval settled then. */
  private generatedRate(instrument: Instrument, time: number, scale: number): number {
    const funding = instrument.funding!;
    const draw = unitAt(instrument.noiseRoot, time / MINUTE_MS, DRAW.funding);
    let rate: number;
    if (funding.regime === funding.baseline) {
      rate = draw < 0.85 ? funding.baseline : funding.baseline + (draw - 0.85) * 0.001;
    } else {
      rate = funding.regime + (draw - 0.5) * Math.max(0.0001, Math.abs(funding.regime) * 0.6);
    }
    return Math.max(funding.floor, Math.min(funding.cap, rate * scale));
  }
}
