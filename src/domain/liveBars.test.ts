import { describe, expect, it } from 'vitest';
import { barPremium, LiveBars } from './liveBars';

const MIN = 60_000;
const candle = (time: number, close: number) => ({ time, open: close, high: close, low: close, close });

describe('LiveBars', () => {
  it('joins history and live: a tick in the last history bar revises it, the next minute opens a bar', () => {
    const bars = new LiveBars('1m', 10);
    bars.load([candle(0, 100), candle(MIN, 101)], [candle(0, 99.5), candle(MIN, 100.5)]);
    expect(bars.tick(MIN + 30_000, 101.2, null)).toBe('revised');
    expect(bars.last()).toEqual({ time: MIN, mark: 101.2, index: 100.5 });
    expect(bars.tick(2 * MIN + 1, null, 100.9)).toBe('opened');
    expect(bars.last()).toEqual({ time: 2 * MIN, mark: null, index: 100.9 });
    expect(bars.tick(2 * MIN + 2, 101, null)).toBe('revised');
    expect(barPremium(bars.last()!)! * 10_000).toBeCloseTo((101 / 100.9 - 1) * 10_000, 9);
  });

  it('history that arrives after live ticks goes behind them: the live bars stay, filled in where they lack a value', () => {
    const bars = new LiveBars('1m', 10);
    expect(bars.tick(2 * MIN + 5, 102, null)).toBe('opened');
    expect(bars.tick(3 * MIN + 5, 103, 102.5)).toBe('opened');
    bars.load([candle(0, 100), candle(MIN, 101), candle(2 * MIN, 101.9)], [candle(MIN, 100.5), candle(2 * MIN, 101.4)]);
    expect(bars.toArray()).toEqual([
      { time: 0, mark: 100, index: null },
      { time: MIN, mark: 101, index: 100.5 },
      { time: 2 * MIN, mark: 102, index: 101.4 },
      { time: 3 * MIN, mark: 103, index: 102.5 },
    ]);
  });

  it('ignores a tick older than the newest bar', () => {
    const bars = new LiveBars('5m', 10);
    bars.load([candle(5 * MIN, 10)], [candle(5 * MIN, 10)]);
    expect(bars.tick(4 * MIN, 99, 99)).toBe('ignored');
    expect(bars.toArray()).toEqual([{ time: 5 * MIN, mark: 10, index: 10 }]);
  });

  it('keeps only the newest bars up to its capacity, from history and live alike', () => {
    const bars = new LiveBars('1m', 3);
    bars.load([0, 1, 2, 3, 4].map((i) => candle(i * MIN, i)), [candle(4 * MIN, 4)]);
    expect(bars.toArray().map((bar) => bar.time)).toEqual([2 * MIN, 3 * MIN, 4 * MIN]);
    expect(bars.toArray()[0]!.index).toBeNull();
    expect(bars.full).toBe(true);
    for (let i = 5; i < 1000; i++) bars.tick(i * MIN, i, i);
    expect(bars.size).toBe(3);
    expect(bars.toArray().map((bar) => bar.mark)).toEqual([997, 998, 999]);
  });

  it('has no premium without both prices', () => {
    expect(barPremium({ time: 0, mark: 1, index: null })).toBeNull();
    expect(barPremium({ time: 0, mark: 1, index: 0 })).toBeNull();
  });
});
