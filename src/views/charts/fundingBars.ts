import type { FundingSettlement } from '../../domain/fundingHistory';

export interface FundingBar {
  time: number;
  rate: number;
  /** The current period's rate, not yet settled: drawn hollow. */
  predicted: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FundingBarsLayout {
  bars: FundingBar[];
  /** Where rate 0 sits, for the axis line. */
  zeroY: number;
}

/**
 * Places one bar per settlement on a time axis from `from` to `to` (gaps stay visible, an
 * interval change shows as denser bars), heights on a scale that always includes zero.
 */
export function layoutFundingBars(
  settled: readonly FundingSettlement[],
  predicted: FundingSettlement | null,
  from: number,
  to: number,
  width: number,
  height: number,
): FundingBarsLayout {
  const points = [...settled.map((s) => ({ ...s, predicted: false })), ...(predicted ? [{ ...predicted, predicted: true }] : [])].filter(
    (p) => p.time >= from && p.time <= to,
  );
  const top = Math.max(0, ...points.map((p) => p.rate));
  const bottom = Math.min(0, ...points.map((p) => p.rate));
  const range = top - bottom || 1;
  const y = (rate: number) => ((top - rate) / range) * height;
  const span = Math.max(1, to - from);
  let gap = Infinity;
  for (let i = 1; i < points.length; i++) gap = Math.min(gap, points[i]!.time - points[i - 1]!.time);
  const barWidth = Math.max(1, Math.min(12, Number.isFinite(gap) ? (gap / span) * width * 0.7 : 6));
  // Half a bar of margin each side, so the first and last bars are drawn whole.
  const x = (time: number) => barWidth / 2 + ((time - from) / span) * (width - barWidth);
  const zeroY = y(0);
  const bars = points.map((p) => {
    const end = y(p.rate);
    return { time: p.time, rate: p.rate, predicted: p.predicted, x: x(p.time) - barWidth / 2, y: Math.min(zeroY, end), width: barWidth, height: Math.max(1, Math.abs(zeroY - end)) };
  });
  return { bars, zeroY };
}
