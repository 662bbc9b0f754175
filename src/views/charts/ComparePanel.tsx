import { useEffect, useMemo, useRef, useState } from 'react';
import type { HistoryTarget, MarkIndexHistory } from '../../app/chartFeeds';
import type { ChartInterval } from '../../domain/candles';
import { EXCHANGE_LABEL, type ExchangeId } from '../../domain/exchange';
import { useMarkIndexFeed } from '../../hooks/useChartFeeds';
import { formatBps, signClass } from '../format/numbers';
import { ChartSummary } from './ChartSummary';
import { formatBarTime } from './chartTheme';
import { LIVE_ONLY, LoadNotice } from './LoadNotice';
import { PremiumCompareChart, type CompareLegend } from './premiumCompareChart';
import { useChartInstance } from './useChartInstance';

const NO_LEGEND: CompareLegend = { time: null, premium: { binance: null, okx: null } };

function useLeg(chart: PremiumCompareChart | null, target: HistoryTarget, interval: ChartInterval) {
  const sink = useMemo(
    () =>
      chart && {
        onHistory: (history: MarkIndexHistory) => chart.setHistory(target.exchange, history.mark, history.index),
        onTick: (time: number, mark: number | null, index: number | null) => chart.applyTick(target.exchange, time, mark, index),
      },
    [chart, target.exchange],
  );
  return useMarkIndexFeed(target, interval, sink);
}

/** One coin's premium on both exchanges on one chart: the basis gap behind a funding spread. */
export function ComparePanel({ coin, legs, interval }: { coin: string; legs: Record<ExchangeId, HistoryTarget>; interval: ChartInterval }) {
  const container = useRef<HTMLDivElement>(null);
  const [legend, setLegend] = useState<CompareLegend>(NO_LEGEND);
  const chartKey = `${interval} ${legs.binance.symbol} ${legs.okx.symbol}`;
  const chart = useChartInstance(container, chartKey, (element) => new PremiumCompareChart(element, interval, setLegend));
  useEffect(() => () => setLegend(NO_LEGEND), [chartKey]);

  const binanceLoad = useLeg(chart, legs.binance, interval);
  const okxLoad = useLeg(chart, legs.okx, interval);
  const { binance, okx } = legend.premium;
  const gap = binance !== null && okx !== null ? binance - okx : null;
  const label = `${coin} premium, Binance vs OKX`;

  return (
    <figure className="chart-figure" aria-label={`${label}, ${interval} bars`}>
      <LoadNotice what={`Binance ${legs.binance.symbol} price history`} state={binanceLoad} meanwhile={LIVE_ONLY} />
      <LoadNotice what={`OKX ${legs.okx.symbol} price history`} state={okxLoad} meanwhile={LIVE_ONLY} />
      <dl className="chart-legend" aria-label="Chart legend">
        <div>
          <dt>Time</dt>
          <dd>{formatBarTime(legend.time)}</dd>
        </div>
        {(['binance', 'okx'] as const).map((exchange) => (
          <div key={exchange}>
            <dt className={`legend-${exchange}`}>{EXCHANGE_LABEL[exchange]} premium (bps)</dt>
            <dd className={signClass(legend.premium[exchange])}>{formatBps(legend.premium[exchange])}</dd>
          </div>
        ))}
        <div>
          <dt>Binance − OKX (bps)</dt>
          <dd className={signClass(gap)}>{formatBps(gap)}</dd>
        </div>
      </dl>
      <div ref={container} className="chart-canvas" />
      {(['binance', 'okx'] as const).map((exchange) => (
        <ChartSummary
          key={exchange}
          label={`${EXCHANGE_LABEL[exchange]} ${legs[exchange].symbol} premium`}
          interval={interval}
          summary={legend.time === null ? null : chart?.summary(exchange) ?? null}
        />
      ))}
    </figure>
  );
}
