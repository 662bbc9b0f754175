import { EXCHANGE_LABEL } from '../../domain/exchange';
import type { PerpRow } from '../../domain/perp';
import { formatHours } from '../format/durations';
import { asPercent, formatBps, formatPercent, formatVolume, NO_VALUE, signClass } from '../format/numbers';
import { Countdown } from '../screener/Countdown';
import { pairMarginColumn } from '../screener/marginLabel';
import type { TableColumn } from '../table/tableColumn';
import { AlertBell } from '../alerts/AlertBell';
import type { CarryRow } from './carryRows';

function legText(leg: PerpRow | null): string {
  return leg === null ? NO_VALUE : `${EXCHANGE_LABEL[leg.exchange]} ${leg.symbol}`;
}

/** Time alive, "over N d" when the sign held over the whole history loaded, or "flipped" when the settled spread had the other sign. */
function aliveText(row: CarryRow): string {
  const alive = row.history?.alive;
  if (!alive || row.aliveHours === null) return NO_VALUE;
  if (row.aliveHours === 0) return 'just flipped';
  return alive.beyondHistory ? `over ${formatHours(row.aliveHours)}` : formatHours(row.aliveHours);
}

const netApr = (row: CarryRow) => row.quote?.beforeSlippage.netAprOnNotional ?? null;

function countdownColumn(id: 'longFunding' | 'shortFunding', header: string, legOf: (row: CarryRow) => PerpRow | null): TableColumn<CarryRow> {
  return {
    id,
    header,
    description: "time to the leg's next settlement, on its venue's clock",
    align: 'right',
    width: 110,
    sortValue: (row) => legOf(row)?.nextFundingTime ?? null,
    render: (row) => {
      const leg = legOf(row);
      return leg ? <Countdown exchange={leg.exchange} nextFundingTime={leg.nextFundingTime} intervalHours={leg.intervalHours} /> : NO_VALUE;
    },
    exportValue: (row) => legOf(row)?.nextFundingTime ?? null,
  };
}

/** The Carry view's columns: what the pair earns, what it costs at the trader's size, and whether it lasts. */
export function carryColumns(): TableColumn<CarryRow>[] {
  return [
    { id: 'coin', header: 'Coin', align: 'left', width: 90, sortValue: (row) => row.coin, render: (row) => <span className="symbol">{row.coin}</span> },
    pairMarginColumn<CarryRow>(),
    { id: 'long', header: 'Long leg', align: 'left', width: 190, sortValue: (row) => legText(row.long), render: (row) => legText(row.long) },
    { id: 'short', header: 'Short leg', align: 'left', width: 190, sortValue: (row) => legText(row.short), render: (row) => legText(row.short) },
    {
      id: 'gross',
      header: 'Gross APR (%)',
      description: "the short leg's hourly rate less the long leg's, each over its own interval, annualised",
      align: 'right',
      width: 110,
      sortValue: (row) => row.quote?.grossApr ?? null,
      render: (row) => formatPercent(row.quote?.grossApr ?? null, 2),
      exportValue: (row) => asPercent(row.quote?.grossApr ?? null),
      cellClass: (row) => signClass(row.quote?.grossApr ?? null),
    },
    {
      id: 'net',
      header: 'Net APR at your size (%)',
      description: "over the holding period, after four fills' fees and half the bid/ask spread on each; slippage through the books is in the pair's detail",
      align: 'right',
      width: 130,
      sortValue: netApr,
      render: (row) => formatPercent(netApr(row), 2),
      exportValue: (row) => asPercent(netApr(row)),
      cellClass: (row) => signClass(netApr(row)),
    },
    {
      id: 'breakEven',
      header: 'Break-even',
      description: 'hours of the gross spread to pay the costs (before slippage); a dash when the spread never pays them',
      align: 'right',
      width: 96,
      sortValue: (row) => row.quote?.beforeSlippage.breakEvenHours ?? null,
      render: (row) => formatHours(row.quote?.beforeSlippage.breakEvenHours ?? null),
    },
    {
      id: 'basis',
      header: 'Entry basis (bps)',
      description: "the short leg's mark over the long leg's, less one: shown as it stands, not assumed to converge",
      align: 'right',
      width: 100,
      sortValue: (row) => row.quote?.entryBasis ?? null,
      render: (row) => formatBps(row.quote?.entryBasis ?? null),
    },
    {
      id: 'median7d',
      header: '7-day median spread (%)',
      description: 'annualised, from both legs’ settled funding',
      align: 'right',
      width: 120,
      sortValue: (row) => row.history?.median7d ?? null,
      render: (row) => formatPercent(row.history?.median7d ?? null, 2),
      exportValue: (row) => asPercent(row.history?.median7d ?? null),
    },
    {
      id: 'median30d',
      header: '30-day median spread (%)',
      description: 'annualised, from both legs’ settled funding',
      align: 'right',
      width: 120,
      sortValue: (row) => row.history?.median30d ?? null,
      render: (row) => formatPercent(row.history?.median30d ?? null, 2),
      exportValue: (row) => asPercent(row.history?.median30d ?? null),
    },
    {
      id: 'percentile',
      header: 'Percentile',
      description: "today's spread among the settled hours of the last 90 days",
      align: 'right',
      width: 86,
      sortValue: (row) => row.percentile,
      render: (row) => (row.percentile === null ? NO_VALUE : row.percentile.toFixed(0)),
    },
    {
      id: 'alive',
      header: 'Time alive',
      description: 'how long the settled spread has kept its sign',
      align: 'right',
      width: 96,
      sortValue: (row) => row.aliveHours,
      render: aliveText,
    },
    {
      id: 'openInterest',
      header: 'Smaller OI (USD)',
      description: "the smaller leg's open interest",
      align: 'right',
      width: 104,
      sortValue: (row) => row.smallerOpenInterestUsd,
      render: (row) => formatVolume(row.smallerOpenInterestUsd),
    },
    {
      id: 'spread',
      header: 'Wider bid/ask (bps)',
      description: "the wider leg's quoted spread over its mid",
      align: 'right',
      width: 104,
      sortValue: (row) => row.widerSpread,
      render: (row) => (row.widerSpread === null ? NO_VALUE : (row.widerSpread * 10_000).toFixed(2)),
      exportValue: (row) => (row.widerSpread === null ? null : row.widerSpread * 10_000),
    },
    countdownColumn('longFunding', 'Long next funding', (row) => row.long),
    countdownColumn('shortFunding', 'Short next funding', (row) => row.short),
    {
      id: 'alert',
      header: 'Alert',
      description: "create an alert rule on this pair's net APR",
      align: 'left',
      width: 56,
      sortValue: () => null,
      render: (row) => <AlertBell origin={{ scope: 'pair', pair: { coin: row.coin, margin: row.margin }, netApr: netApr(row) }} />,
      control: true,
    },
  ];
}
