import { barStart, type Candle, type ChartInterval } from './candles';
import { RingBuffer } from './ringBuffer';

/** One chart bar: closing mark and index of the interval (either may be missing). */
export interface MarkIndexBar {
  /** Bar open, ms. */
  time: number;
  mark: number | null;
  index: number | null;
}

export type TickOutcome = 'revised' | 'opened' | 'ignored';

export function barPremium(bar: MarkIndexBar): number | null {
  return bar.mark !== null && bar.index !== null && bar.index > 0 ? bar.mark / bar.index - 1 : null;
}

/**
 * A perpetual's mark/index bars, history and live, capped at `capacity` bars however long the
 * page stays open. A live tick revises the current bar or opens the next; a tick older than the
 * newest bar is ignored so a late message never rewrites the past.
 */
export class LiveBars {
  private readonly bars: RingBuffer<MarkIndexBar>;

  constructor(
    private readonly interval: ChartInterval,
    capacity: number,
  ) {
    this.bars = new RingBuffer(capacity);
  }

  get size(): number {
    return this.bars.size;
  }

  /**
   * Puts history behind the live bars: one bar per mark candle, its index close where the index
   * has that bar. Live bars from the history's newest bar on stay (they are at least as new), their
   * missing values taken from the history.
   */
  load(mark: readonly Candle[], index: readonly Candle[]): void {
    const live = this.bars.toArray();
    this.bars.clear();
    const indexByTime = new Map(index.map((candle) => [candle.time, candle.close]));
    const from = Math.max(0, mark.length - this.bars.capacity);
    for (let i = from; i < mark.length; i++) {
      const candle = mark[i]!;
      this.bars.push({ time: candle.time, mark: candle.close, index: indexByTime.get(candle.time) ?? null });
    }
    for (const bar of live) {
      const newest = this.bars.last();
      if (newest && bar.time < newest.time) continue;
      if (newest?.time === bar.time) this.bars.replaceLast({ time: bar.time, mark: bar.mark ?? newest.mark, index: bar.index ?? newest.index });
      else this.bars.push(bar);
    }
  }

  tick(time: number, mark: number | null, index: number | null): TickOutcome {
    const open = barStart(time, this.interval);
    const last = this.bars.last();
    if (last && open < last.time) return 'ignored';
    const current = last?.time === open ? last : null;
    const bar: MarkIndexBar = { time: open, mark: mark ?? current?.mark ?? null, index: index ?? current?.index ?? null };
    if (current) {
      this.bars.replaceLast(bar);
      return 'revised';
    }
    this.bars.push(bar);
    return 'opened';
  }

  first(): MarkIndexBar | undefined {
    return this.bars.first();
  }

  last(): MarkIndexBar | undefined {
    return this.bars.last();
  }

  /** True once the buffer has started dropping its oldest bar on every new one. */
  get full(): boolean {
    return this.bars.size === this.bars.capacity;
  }

  toArray(): MarkIndexBar[] {
    return this.bars.toArray();
  }
}
