import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { EXCHANGE_LABEL } from '../../domain/exchange';
import type { PairSpreadStats } from '../../domain/fundingSpread';
import type { PerpRow } from '../../domain/perp';
import { useContractFunding, useContractHistory, useHistoryTotals } from '../../hooks/useFundingHistories';
import { formatBarTime } from '../charts/chartTheme';
import { useChartInstance } from '../charts/useChartInstance';
import { formatPercent, signClass } from '../format/numbers';
import { formatAge } from '../shell/formatAge';
import { NO_PAIR_LEGEND, PairHistoryChart, type PairHistoryLegend } from './pairHistoryChart';
import { pairHistorySeries, pairHistorySummary } from './pairHistorySeries';

const legName = (row: PerpRow) => `${EXCHANGE_LABEL[row.exchange]} ${row.symbol}`;

/** Where a leg's history stands, when it is not simply loaded: queued or loading (with the queues' progress), failed (why, and the next try), or refused (why). */
function LegStatus({ row, now }: { row: PerpRow; now: number }) {
  const entry = useContractHistory(row.key);
  const totals = useHistoryTotals();
  const name = legName(row);
  const progress = `${totals.loaded} of ${totals.contracts} contracts' history loaded`;
  const held = entry?.span ? `, ${entry.span.settlements.length} settlements held so far` : '';
  if (!entry || entry.status === 'loading') {
    return (
      <p className="chart-loading" role="status">
        Loading {name} funding history{held} ({progress})…
      </p>
    );
  }
  if (entry.status === 'queued') {
    return (
      <p className="chart-loading" role="status">
        {name} funding history waits its turn in the {EXCHANGE_LABEL[row.exchange]} queue ({progress})
      </p>
    );
  }
  if (entry.status === 'refused') {
    return (
      <p className="notice" role="note">
        No funding history for {name}: {entry.detail}.
      </p>
    );
  }
  if (entry.status === 'failed') {
    const retry = entry.retryAt === null ? '' : ` Retrying in ${formatAge(entry.retryAt - now)}.`;
    return (
      <p className="notice" role="alert">
        <strong>{name} funding history unavailable</strong> ({entry.detail ?? 'unknown error'}){held}.{retry}
      </p>
    );
  }
  return null;
}

/** Both legs' settled funding overlaid, each annualised by its own interval, and the spread the carry earns between them. */
export function PairHistoryPanel({ coin, long, short, stats, now }: { coin: string; long: PerpRow; short: PerpRow; stats: PairSpreadStats | null; now: number }) {
  const container = useRef<HTMLDivElement>(null);
  const [legend, setLegend] = useState<PairHistoryLegend>(NO_PAIR_LEGEND);
  const chartKey = `${long.key} ${short.key}`;
  const chart = useChartInstance(container, chartKey, (element) => new PairHistoryChart(element, { long: long.exchange, short: short.exchange }, setLegend));
  useEffect(() => () => setLegend(NO_PAIR_LEGEND), [chartKey]);

  const longFunding = useContractFunding(long.key, long.intervalHours ?? 8);
  const shortFunding = useContractFunding(short.key, short.intervalHours ?? 8);
  const series = useMemo(() => pairHistorySeries(longFunding, shortFunding), [longFunding, shortFunding]);
  useEffect(() => chart?.setData(series), [chart, series]);

  const summary = pairHistorySummary({ name: `Long ${legName(long)}`, funding: longFunding }, { name: `short ${legName(short)}`, funding: shortFunding }, stats, now);
  const summaryId = useId();
  const lines = [
    { line: 'long', label: `Long ${legName(long)}`, className: `legend-${long.exchange}` },
    { line: 'short', label: `Short ${legName(short)}`, className: `legend-${short.exchange}` },
    { line: 'spread', label: 'Spread (short − long)', className: 'legend-spread' },
  ] as const;

  return (
    <figure className="pair-history" aria-label={`${coin} funding history: long ${legName(long)}, short ${legName(short)}`} aria-describedby={summaryId}>
      <figcaption>Settled funding, annualised by each leg’s own interval, and the spread between the legs</figcaption>
      <LegStatus row={long} now={now} />
      <LegStatus row={short} now={now} />
      <dl className="pair-history-legend" aria-label="Funding history legend">
        <div>
          <dt>Settled</dt>
          <dd>{formatBarTime(legend.time)}</dd>
        </div>
        {lines.map(({ line, label, className }) => (
          <div key={line}>
            <dt className={className}>{label}</dt>
            <dd className={signClass(legend.values[line])}>{formatPercent(legend.values[line], 2)}</dd>
          </div>
        ))}
      </dl>
      <div ref={container} className="pair-history-canvas" />
      <p id={summaryId} className="chart-summary">
        {summary}
      </p>
    </figure>
  );
}
