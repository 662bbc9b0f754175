import type { ChartInterval } from '../../domain/candles';
import { formatBarTime } from './chartTheme';
import type { ChartSummary as Summary } from './markIndexChart';

/** What the chart holds, in words: for screen readers, and for checking history then live without reading pixels. */
export function ChartSummary({ label, interval, summary }: { label: string; interval: ChartInterval; summary: Summary | null }) {
  if (!summary || summary.bars === 0) return null;
  return (
    <p className="chart-summary" aria-label={`${label} data`}>
      {summary.bars} {interval} bars from {formatBarTime(summary.first)} to {formatBarTime(summary.last)}; {summary.liveUpdates} live updates
    </p>
  );
}
