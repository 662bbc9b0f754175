import { EXCHANGE_LABEL } from '../../domain/exchange';
import { annualiseFunding } from '../../domain/funding';
import type { PerpRow } from '../../domain/perp';
import { capUsage, spreadBps } from '../../domain/perpFacts';
import { asPercent, formatBps, formatPercent, formatPrice, formatVolume, NO_VALUE, signClass } from '../format/numbers';
import type { TableColumn } from '../table/tableColumn';
import { AlertBell } from '../alerts/AlertBell';
import { Countdown } from './Countdown';
import { MARGIN_DESCRIPTION, MARGIN_LABEL } from './marginLabel';
import type { RateBasis } from './screenerParams';
import { realDate } from '../format/times';
import { IntervalChange, SettledCell, settledRateNow } from './historyCells';

function fundingValue(quote: PerpRow, basis: RateBasis): number | null {
  return basis === 'annualised' ? quote.annualised : quote.fundingRate;
}

/** The last settled period's rate, annualised at the current interval like the funding column. */
function settledValue(quote: PerpRow, basis: RateBasis, rate: number | null): number | null {
  if (rate === null || basis === 'interval') return rate;
  return quote.intervalHours === null ? null : annualiseFunding(rate, quote.intervalHours);
}

function intervalText(quote: PerpRow): string {
  if (quote.intervalHours === null) return NO_VALUE;
  return `${quote.intervalHours}h${quote.intervalAssumed ? '*' : ''}`;
}

const capUsageOf = (quote: PerpRow) => capUsage(quote.fundingRate, quote.fundingCap, quote.fundingFloor);

/** A share shown unsigned with one decimal: 0.5 → "50.0%". */
function formatShare(fraction: number | null): string {
  return fraction === null ? NO_VALUE : `${(fraction * 100).toFixed(1)}%`;
}

/**
 * The screener's columns; the funding column shows the per-interval rate or its annualised value.
 * Binance's last settled rate and interval changes come from the rows' cached funding history.
 */
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
        (basis === 'annualised' ? 'rate of the last settled period × (24 / interval hours) × 365' : 'rate of the last settled period') +
        "; OKX streams it, Binance's is the newest settlement of its funding history, loaded for the rows in view (none for coin-margined rows)",
      align: 'right',
      width: 170,
      sortValue: (q) => settledValue(q, basis, settledRateNow(q)),
      render: (q) => <SettledCell quote={q} value={(rate) => settledValue(q, basis, rate)} digits={basis === 'annualised' ? 2 : 4} />,
      exportValue: (q) => asPercent(settledValue(q, basis, settledRateNow(q))),
    },
    {
      id: 'cap',
      header: 'Funding cap (%)',
      description: 'the highest rate a period can settle at (Binance adjustedFundingRateCap, OKX maxFundingRate)',
      align: 'right',
      width: 116,
      sortValue: (q) => q.fundingCap,
      render: (q) => formatPercent(q.fundingCap, 4),
      exportValue: (q) => asPercent(q.fundingCap),
      hiddenByDefault: true,
    },
    {
      id: 'floor',
      header: 'Funding floor (%)',
      description: 'the lowest rate a period can settle at (Binance adjustedFundingRateFloor, OKX minFundingRate)',
      align: 'right',
      width: 116,
      sortValue: (q) => q.fundingFloor,
      render: (q) => formatPercent(q.fundingFloor, 4),
      exportValue: (q) => asPercent(q.fundingFloor),
      hiddenByDefault: true,
    },
    {
      id: 'capUsage',
      header: '% of cap',
      description: 'how far the current rate has gone to its bound: rate / cap when positive, rate / floor when negative',
      align: 'right',
      width: 84,
      sortValue: capUsageOf,
      render: (q) => formatShare(capUsageOf(q)),
      exportValue: (q) => asPercent(capUsageOf(q)),
      cellClass: (q) => signClass(q.fundingRate),
    },
    {
      id: 'interval',
      header: 'Interval',
      description:
        'hours between fundings; * = assumed 8 h (funding intervals unavailable); with the change, "8 h → 4 h on 12 Nov", when the gaps between its settlements (history loaded for the rows in view) show the interval changed in the last 30 days',
      align: 'right',
      width: 150,
      sortValue: (q) => q.intervalHours,
      render: (q) => (
        <>
          {intervalText(q)}
          <IntervalChange quote={q} />
        </>
      ),
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
    {
      id: 'openInterest',
      header: 'Open interest (USD)',
      description: "open interest at the mark, in USD; Binance's is asked one row a second for the rows in view",
      align: 'right',
      width: 120,
      sortValue: (q) => q.openInterestUsd,
      render: (q) => formatVolume(q.openInterestUsd),
    },
    {
      id: 'spread',
      header: 'Spread (bps)',
      description: '(ask − bid) / mid of the best bid and ask, in basis points',
      align: 'right',
      width: 96,
      sortValue: spreadBps,
      render: (q) => {
        const bps = spreadBps(q);
        return bps === null ? NO_VALUE : bps.toFixed(2);
      },
    },
    {
      id: 'alert',
      header: 'Alert',
      description: 'create an alert rule on this contract',
      align: 'left',
      width: 56,
      sortValue: () => null,
      render: (q) => <AlertBell origin={{ scope: 'contract', contract: { exchange: q.exchange, symbol: q.symbol }, annualised: q.annualised }} />,
      control: true,
    },
  ];
}
