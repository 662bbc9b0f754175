import { useMemo } from 'react';
import { FUNDING_HISTORY_DAYS } from '../../app/chartFeeds';
import { EXCHANGE_LABEL } from '../../domain/exchange';
import { coveredAverages, coveredDays, type FundingHistory, type FundingSettlement } from '../../domain/fundingHistory';
import type { PerpRow } from '../../domain/perp';
import { useFundingHistory } from '../../hooks/useChartFeeds';
import { useHistoryStorage } from '../../hooks/useFundingHistories';
import { useVenueOffset } from '../../hooks/useVenueNow';
import { formatPercent, signClass } from '../format/numbers';
import { formatBarTime } from './chartTheme';
import { layoutFundingBars } from './fundingBars';
import { LoadNotice } from './LoadNotice';

const WIDTH = 1000;
const HEIGHT = 120;
const DAY_MS = 86_400_000;
const AVERAGE_WINDOWS = [1, 7, 30] as const;

/** "30 days", or as much of them as the history covers: "12 of 30 days". */
function spanText(history: FundingHistory | null): string {
  if (!history || history.shortfall === null) return `${FUNDING_HISTORY_DAYS} days`;
  const days = coveredDays(history);
  return days >= 1 ? `${days} of ${FUNDING_HISTORY_DAYS} days` : `less than 1 of ${FUNDING_HISTORY_DAYS} days`;
}

function shortfallText(history: FundingHistory, exchange: string): string | null {
  const { shortfall } = history;
  if (shortfall === null) return null;
  const span = `the last ${spanText(history)}`;
  return shortfall.cause === 'none-earlier'
    ? `${exchange} has funding for ${span} only: nothing settled earlier.`
    : `Only ${span} could be loaded (${shortfall.detail}); longer averages are left out until the rest loads.`;
}

function describe(history: FundingHistory, predicted: FundingSettlement | null): string {
  const { settlements } = history;
  const last = settlements.at(-1);
  const parts = [`${settlements.length} settlements in the last ${spanText(history)}`];
  if (last) parts.push(`last paid ${formatPercent(last.rate, 4)} at ${formatBarTime(last.time)}`);
  if (predicted) parts.push(`predicted ${formatPercent(predicted.rate, 4)} at ${formatBarTime(predicted.time)}`);
  return parts.join('; ');
}

/** Realised funding of the last 30 days as bars, the current predicted rate as a hollow last bar, and average annualised rates. */
export function FundingHistoryPanel({ quote }: { quote: PerpRow }) {
  const target = useMemo(() => ({ exchange: quote.exchange, symbol: quote.symbol, indexId: null }), [quote.exchange, quote.symbol]);
  const { state, history } = useFundingHistory(target, quote.nextFundingTime);
  const predicted = quote.fundingRate !== null && quote.nextFundingTime !== null ? { time: quote.nextFundingTime, rate: quote.fundingRate } : null;
  // Settlement times are the venue's: the averages' windows end at its now.
  const now = Date.now() + useVenueOffset(quote.exchange);
  const to = predicted?.time ?? now;
  const layout = useMemo(
    () => (history ? layoutFundingBars(history.settlements, predicted, to - FUNDING_HISTORY_DAYS * DAY_MS, to, WIDTH, HEIGHT) : null),
    [history, predicted?.time, predicted?.rate, to],
  );
  const averages = history ? coveredAverages(history, AVERAGE_WINDOWS, now) : AVERAGE_WINDOWS.map((days) => ({ days, value: null }));
  const exchange = EXCHANGE_LABEL[quote.exchange];
  const shortfall = history && shortfallText(history, exchange);
  const storage = useHistoryStorage();

  return (
    <figure className="funding-history" aria-label={`${quote.symbol} funding history`}>
      <figcaption>
        Funding paid on {exchange} {quote.symbol}, last {spanText(history)}
      </figcaption>
      <LoadNotice what={`${exchange} ${quote.symbol} funding history`} state={state} meanwhile="The current rate is still shown above" />
      {shortfall && (
        <p className="notice" role="note">
          {shortfall}
        </p>
      )}
      {storage.state === 'memory' && <p className="chart-loading">Funding history is kept for this visit only: {storage.detail}.</p>}
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
      {history && layout && (
        <svg className="funding-bars" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={describe(history, predicted)}>
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
