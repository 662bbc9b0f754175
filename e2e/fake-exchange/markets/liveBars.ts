import type { Bar } from './bars.ts';

/**
 * Minute bars recorded while the server runs, from its start minute on. The first bar opens
 * at the start value, where generated history ends, so the two join without a gap.
 */
export class LiveBars {
  private readonly bars: Bar[];

  constructor(
    private readonly startMinute: number,
    startValue: number,
  ) {
    this.bars = [{ open: startValue, high: startValue, low: startValue, close: startValue }];
  }

  record(minute: number, value: number): void {
    const offset = minute - this.startMinute;
    let last = this.bars[this.bars.length - 1]!;
    // A minute with no step (a paused process) gets a flat bar at the previous close.
    while (this.bars.length <= offset) {
      const close = last.close;
      last = { open: close, high: close, low: close, close };
      this.bars.push(last);
    }
    if (offset !== this.bars.length - 1) return;
    last.high = Math.max(last.high, value);
    last.low = Math.min(last.low, value);
    last.close = value;
  }

  bar(minute: number): Bar | undefined {
    return this.bars[minute - this.startMinute];
  }
}
