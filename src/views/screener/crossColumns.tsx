import { EXCHANGE_LABEL } from '../../domain/exchange';
import { asPercent, formatPercent, NO_VALUE, signClass } from '../format/numbers';
import type { TableColumn } from '../table/tableColumn';
import type { RateBasis } from './screenerParams';
import type { CrossRow } from './selectRows';
import type { PerpRow } from '../../domain/perp';
import { pairMarginColumn } from './marginLabel';

function legRate(quote: PerpRow, basis: RateBasis): number | null {
  return basis === 'annualised' ? quote.annualised : quote.fundingRate;
}

function legText(quote: PerpRow, basis: RateBasis): string {
  const rate = formatPercent(legRate(quote, basis), basis === 'annualised' ? 2 : 4);
  return basis === 'interval' && quote.intervalHours !== null ? `${rate} / ${quote.intervalHours}h` : rate;
}

function tradeText(row: CrossRow): string {
  if (row.longOn === null || row.shortOn === null) return NO_VALUE;
  return `Long ${EXCHANGE_LABEL[row.longOn]} · Short ${EXCHANGE_LABEL[row.shortOn]}`;
}

/** Cross-exchange carry: both legs' funding and the annualised spread between them. */
export function crossColumns(basis: RateBasis): TableColumn<CrossRow>[] {
  const unit = basis === 'annualised' ? 'annualised (%)' : 'per interval (%)';
  return [
    { id: 'coin', header: 'Coin', align: 'left', width: 90, sortValue: (r) => r.coin, render: (r) => <span className="symbol">{r.coin}</span> },
    pairMarginColumn<CrossRow>(),
    { id: 'binanceSymbol', header: 'Binance contract', align: 'left', width: 140, sortValue: (r) => r.binance.symbol, render: (r) => r.binance.symbol },
    {
      id: 'binance',
      header: `Binance ${unit}`,
      align: 'right',
      width: 150,
      sortValue: (r) => legRate(r.binance, basis),
      render: (r) => legText(r.binance, basis),
      exportValue: (r) => asPercent(legRate(r.binance, basis)),
      cellClass: (r) => signClass(r.binance.fundingRate),
    },
    { id: 'okxSymbol', header: 'OKX contract', align: 'left', width: 150, sortValue: (r) => r.okx.symbol, render: (r) => r.okx.symbol },
    {
      id: 'okx',
      header: `OKX ${unit}`,
      align: 'right',
      width: 150,
      sortValue: (r) => legRate(r.okx, basis),
      render: (r) => legText(r.okx, basis),
      exportValue: (r) => asPercent(legRate(r.okx, basis)),
      cellClass: (r) => signClass(r.okx.fundingRate),
    },
    {
      id: 'spread',
      header: 'Spread annualised (%)',
      description: 'Binance annualised − OKX annualised; always annualised, since raw rates of different intervals do not compare',
      align: 'right',
      width: 130,
      sortValue: (r) => (r.spread === null ? null : Math.abs(r.spread)),
      render: (r) => formatPercent(r.spread === null ? null : Math.abs(r.spread), 2),
      exportValue: (r) => asPercent(r.spread === null ? null : Math.abs(r.spread)),
    },
    { id: 'trade', header: 'Carry trade', align: 'left', width: 200, sortValue: tradeText, render: tradeText },
  ];
}
