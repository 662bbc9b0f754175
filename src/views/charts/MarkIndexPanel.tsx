import { useEffect, useMemo, useRef, useState } from 'react';
import type { HistoryTarget, MarkIndexHistory } from '../../app/chartFeeds';
import type { ChartInterval } from '../../domain/candles';
import { EXCHANGE_LABEL } from '../../domain/exchange';
import { useMarkIndexFeed } from '../../hooks/useChartFeeds';
import { formatBps, formatPrice, signClass } from '../format/numbers';
import { ChartSummary } from './ChartSummary';
import { formatBarTime } from './chartTheme';
import { LIVE_ONLY, LoadNotice } from './LoadNotice';
import { MarkIndexChart, type MarkIndexLegend } from './markIndexChart';
import { useChartInstance } from './useChartInstance';

const NO_LEGEND: MarkIndexLegend = { time: null, mark: null, index: null, premium: null };

/** Mark and index on one scale, premium below; live from the start, history behind it once loaded. */
export function MarkIndexPanel({ target, interval }: { target: HistoryTarget; interval: ChartInterval }) {
  const container = useRef<HTMLDivElement>(null);
  const [legend, setLegend] = useState<MarkIndexLegend>(NO_LEGEND);
  const chartKey = `${interval} ${target.exchange} ${target.symbol}`;
  const chart = useChartInstance(container, chartKey, (element) => new MarkIndexChart(element, interval, setLegend));
  useEffect(() => () => setLegend(NO_LEGEND), [chartKey]);

  const sink = useMemo(
    () =>
      chart && {
        onHistory: (history: MarkIndexHistory) => chart.setHistory(history.mark, history.index),
        onTick: (time: number, mark: number | null, index: number | null) => chart.applyTick(time, mark, index),
      },
    [chart],
  );
  const load = useMarkIndexFeed(target, interval, sink);
  const label = `${target.symbol} mark vs index`;

  return (
    <figure className="chart-figure" aria-label={`${label}, ${interval} bars`}>
      <LoadNotice what={`${EXCHANGE_LABEL[target.exchange]} ${target.symbol} price history`} state={load} meanwhile={LIVE_ONLY} />
      <dl className="chart-legend" aria-label="Chart legend">
        <div>
          <dt>Time</dt>
          <dd>{formatBarTime(legend.time)}</dd>
        </div>
        <div>
          <dt className="legend-mark">Mark</dt>
          <dd>{formatPrice(legend.mark)}</dd>
        </div>
        <div>
          <dt className="legend-index">Index</dt>
          <dd>{formatPrice(legend.index)}</dd>
        </div>
        <div>
          <dt>Premium (bps)</dt>
          <dd className={signClass(legend.premium)}>{formatBps(legend.premium)}</dd>
        </div>
      </dl>
      <div ref={container} className="chart-canvas" />
      <ChartSummary label={label} interval={interval} summary={legend.time === null ? null : chart?.summary() ?? null} />
    </figure>
  );
}
