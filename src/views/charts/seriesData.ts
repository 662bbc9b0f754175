import type { LineData, UTCTimestamp } from 'lightweight-charts';
import type { MarkIndexBar } from '../../domain/liveBars';

/** The chart's time unit is whole seconds (UTC); our bars open at millisecond timestamps. */
export function chartTime(ms: number): UTCTimestamp {
  return (ms / 1000) as UTCTimestamp;
}

export function msOf(time: UTCTimestamp): number {
  return time * 1000;
}

/** One series' points from bars, skipping bars where the value is missing. */
export function lineData(bars: readonly MarkIndexBar[], value: (bar: MarkIndexBar) => number | null): LineData<UTCTimestamp>[] {
  const points: LineData<UTCTimestamp>[] = [];
  for (const bar of bars) {
    const v = value(bar);
    if (v !== null) points.push({ time: chartTime(bar.time), value: v });
  }
  return points;
}

/** A fraction → basis points, the unit the premium panes are drawn in. */
export function bps(fraction: number | null): number | null {
  return fraction === null ? null : fraction * 10_000;
}
