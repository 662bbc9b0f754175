import { EXCHANGE_LABEL } from '../../domain/exchange';
import { annualiseFunding } from '../../domain/funding';
import type { PerpRow } from '../../domain/perp';
import { asPercent, formatBps, formatPercent, formatPrice, formatVolume, NO_VALUE, signClass } from '../format/numbers';
import type { TableColumn } from '../table/tableColumn';
import { Countdown } from './Countdown';
import { MARGIN_DESCRIPTION, MARGIN_LABEL } from './marginLabel';
import type { RateBasis } from './screenerParams';
import { realDate } from '../format/times';

function fundingValue(quote: PerpRow, basis: RateBasis): number | null {
  return basis === 'annualised' ? quote.annualised : quote.fundingRate;
}

/** The last settled period's rate, annualised at the current interval like the funding column. */
function settledValue(quote: PerpRow, basis: RateBasis): number | null {
  const rate = quote.settledFundingRate;
  if (rate === null || basis === 'interval') return rate;
  return quote.intervalHours === null ? null : annualiseFunding(rate, quote.intervalHours);
}

function intervalText(quote: PerpRow): string {
  if (quote.intervalHours === null) return NO_VALUE;
  return `${quote.intervalHours}h${quote.intervalAssumed ? '*' : ''}`;
}

/** The screener's columns; the funding column shows the per-interval rate or its annualised value. */
export function perpColumns(basis: RateBasis): TableColumn<PerpRow>[] {
  return [
    {
      id: 'exchange',
      header: 'Exchange',
      align: 'left',
      width: 84,
      sortValue: (q) => q.exchange,
      render: (q) => EXCHANGE_LABEL[q.exchange],
    },
    {
      id: 'symbol',
      header: 'Symbol',
      align: 'left',
      width: 150,
      sortValue: (q) => q.symbol,
      render: (q) => <span className="symbol">{q.symbol}</span>,
    },
    {
      id: 'margin',
      header: 'Margin',
      description: MARGIN_DESCRIPTION,
      align: 'left',
      width: 112,
      sortValue: (q) => MARGIN_LABEL[q.margin],
      render: (q) => MARGIN_LABEL[q.margin],
    },
    {
      id: 'mark',
      header: 'Mark',
      align: 'right',
      width: 112,
      sortValue: (q) => q.mark,
      render: (q) => formatPrice(q.mark),
    },
    {
      id: 'index',
      header: 'Index',
      align: 'right',
      width: 112,
      sortValue: (q) => q.index,
      render: (q) => formatPrice(q.index),
    },
    {
      id: 'premium',
      header: 'Premium (bps)',
      description: 'mark / index − 1, in basis points',
      align: 'right',
      width: 104,
      sortValue: (q) => q.premium,
      render: (q) => formatBps(q.premium),
      exportValue: (q) => (q.premium === null ? null : q.premium * 10_000),
      cellClass: (q) => signClass(q.premium),
    },
    {
      id: 'funding',
      header: basis === 'annualised' ? 'Funding annualised (%)' : 'Funding per interval (%)',
      description:
        basis === 'annualised'
          ? 'current funding rate × (24 / interval hours) × 365'
          : 'funding rate of the current period, paid every interval',
      align: 'right',
      width: 170,
      sortValue: (q) => fundingValue(q, basis),
      render: (q) => formatPercent(fundingValue(q, basis), basis === 'annualised' ? 2 : 4),
      exportValue: (q) => asPercent(fundingValue(q, basis)),
      cellClass: (q) => signClass(q.fundingRate),
    },
    {
      id: 'settled',
      header: basis === 'annualised' ? 'Last settled annualised (%)' : 'Last settled per interval (%)',
      description:
        basis === 'annualised'
          ? 'rate of the last settled period × (24 / interval hours) × 365; empty where the venue does not stream it (Binance)'
          : 'rate of the last settled period; empty where the venue does not stream it (Binance)',
      align: 'right',
      width: 170,
      sortValue: (q) => settledValue(q, basis),
      render: (q) => formatPercent(settledValue(q, basis), basis === 'annualised' ? 2 : 4),
      exportValue: (q) => asPercent(settledValue(q, basis)),
      cellClass: (q) => signClass(q.settledFundingRate),
    },
    {
      id: 'interval',
      header: 'Interval',
      description: 'hours between fundings; * = assumed 8 h (funding intervals unavailable)',
      align: 'right',
      width: 72,
      sortValue: (q) => q.intervalHours,
      render: intervalText,
      exportValue: intervalText,
    },
    {
      id: 'nextFunding',
      header: 'Next funding',
      description: 'time left until the next settlement',
      align: 'right',
      width: 100,
      sortValue: (q) => q.nextFundingTime,
      render: (q) => <Countdown exchange={q.exchange} nextFundingTime={q.nextFundingTime} intervalHours={q.intervalHours} />,
      exportValue: (q) => realDate(q.nextFundingTime)?.toISOString() ?? null,
    },
    {
      id: 'change',
      header: '24h change (%)',
      align: 'right',
      width: 100,
      sortValue: (q) => q.change24h,
      render: (q) => formatPercent(q.change24h, 2),
      exportValue: (q) => asPercent(q.change24h),
      cellClass: (q) => signClass(q.change24h),
    },
    {
      id: 'volume',
      header: '24h volume',
      description: '24 h traded value in the quote currency (coin-margined: the coin volume at the last price, in USD)',
      align: 'right',
      width: 96,
      sortValue: (q) => q.quoteVolume24h,
      render: (q) => formatVolume(q.quoteVolume24h),
    },
  ];
}
