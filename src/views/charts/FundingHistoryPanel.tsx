import { useMemo } from 'react';
import { FUNDING_HISTORY_DAYS } from '../../app/chartFeeds';
import { EXCHANGE_LABEL } from '../../domain/exchange';
import { averageAnnualised, type FundingSettlement } from '../../domain/fundingHistory';
import type { PerpQuote } from '../../domain/perpetual';
import { useFundingHistory } from '../../hooks/useChartFeeds';
import { formatPercent, signClass } from '../format/numbers';
import { formatBarTime } from './chartTheme';
import { layoutFundingBars } from './fundingBars';
import { LoadNotice } from './LoadNotice';

const WIDTH = 1000;
const HEIGHT = 120;
const DAY_MS = 86_400_000;
const AVERAGE_WINDOWS = [1, 7, 30] as const;

function describe(settlements: readonly FundingSettlement[], predicted: FundingSettlement | null): string {
  const last = settlements.at(-1);
  const parts = [`${settlements.length} settlements in the last ${FUNDING_HISTORY_DAYS} days`];
  if (last) parts.push(`last paid ${formatPercent(last.rate, 4)} at ${formatBarTime(last.time)}`);
  if (predicted) parts.push(`predicted ${formatPercent(predicted.rate, 4)} at ${formatBarTime(predicted.time)}`);
  return parts.join('; ');
}

/** Realised funding of the last 30 days as bars, the current predicted rate as a hollow last bar, and average annualised rates. */
export function FundingHistoryPanel({ quote }: { quote: PerpQuote }) {
  const target = useMemo(() => ({ exchange: quote.exchange, symbol: quote.symbol, indexId: null }), [quote.exchange, quote.symbol]);
  const { state, settlements } = useFundingHistory(target, quote.nextFundingTime);
  const predicted = quote.fundingRate !== null && quote.nextFundingTime !== null ? { time: quote.nextFundingTime, rate: quote.fundingRate } : null;
  const now = Date.now();
  const to = predicted?.time ?? now;
  const layout = useMemo(
    () => (settlements ? layoutFundingBars(settlements, predicted, to - FUNDING_HISTORY_DAYS * DAY_MS, to, WIDTH, HEIGHT) : null),
    [settlements, predicted?.time, predicted?.rate, to],
  );
  const averages = AVERAGE_WINDOWS.map((days) => ({ days, value: settlements ? averageAnnualised(settlements, days, now) : null }));

  return (
    <figure className="funding-history" aria-label={`${quote.symbol} funding history`}>
      <figcaption>
        Funding paid on {EXCHANGE_LABEL[quote.exchange]} {quote.symbol}, last {FUNDING_HISTORY_DAYS} days
      </figcaption>
      <LoadNotice what={`${EXCHANGE_LABEL[quote.exchange]} ${quote.symbol} funding history`} state={state} />
      <dl className="funding-averages" aria-label="Average annualised funding">
        {averages.map(({ days, value }) => (
          <div key={days}>
            <dt>{days === 1 ? '1 day' : `${days} days`}</dt>
            <dd className={signClass(value)} title={value === null ? `history shorter than ${days} days` : undefined}>
              {formatPercent(value, 2)}
            </dd>
          </div>
        ))}
      </dl>
      {settlements && layout && (
        <svg className="funding-bars" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={describe(settlements, predicted)}>
          <line x1={0} x2={WIDTH} y1={layout.zeroY} y2={layout.zeroY} className="funding-zero" />
          {layout.bars.map((bar) => (
            <rect
              key={bar.time}
              x={bar.x}
              y={bar.y}
              width={bar.width}
              height={bar.height}
              className={`${bar.rate < 0 ? 'down' : 'up'}${bar.predicted ? ' predicted' : ''}`}
            >
              <title>{`${formatBarTime(bar.time)}: ${formatPercent(bar.rate, 4)}${bar.predicted ? ' (predicted)' : ''}`}</title>
            </rect>
          ))}
        </svg>
      )}
    </figure>
  );
}
