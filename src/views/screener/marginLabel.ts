import type { PerpMargin } from '../../domain/perp';
import type { TableColumn } from '../table/tableColumn';

export const MARGIN_LABEL: Record<PerpMargin, string> = { linear: 'Linear', inverse: 'Coin-margined' };

export const MARGIN_DESCRIPTION =
  'linear: margined and paid in the quote (USDT, USDC); coin-margined (inverse): margined and paid in the coin, quoted in USD';

/** The Margin column of a pair table: both legs share one margin. */
export function pairMarginColumn<Row extends { margin: PerpMargin }>(): TableColumn<Row> {
  return {
    id: 'margin',
    header: 'Margin',
    description: `the same on both legs; ${MARGIN_DESCRIPTION}`,
    align: 'left',
    width: 112,
    sortValue: (row) => MARGIN_LABEL[row.margin],
    render: (row) => MARGIN_LABEL[row.margin],
  };
}
