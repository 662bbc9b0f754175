import { memo, useLayoutEffect, useRef } from 'react';
import { isInTheMoney, type OptionRow } from '../../domain/option';
import { formatPrice } from '../format/numbers';
import type { ChainColumn } from './chainColumns';
import type { StrikeRow } from './chainRows';

interface ChainTableProps {
  label: string;
  rows: readonly StrikeRow[];
  calls: readonly ChainColumn[];
  puts: readonly ChainColumn[];
  currency: string;
  strikeCurrency: string;
  underlyingPrice: number | null;
  atmStrike: number | null;
  isStale: (quote: OptionRow) => boolean;
  /** Changes when another chain or expiry opens: the table then scrolls its ATM strike into the middle once. */
  scrollKey: string;
}

function headerUnit(column: ChainColumn, currency: string): string {
  return column.unit.replace('{ccy}', currency);
}

function HeaderCells({ side, columns, currency }: { side: 'Call' | 'Put'; columns: readonly ChainColumn[]; currency: string }) {
  return columns.map((column) => (
    <th key={column.id} scope="col" className={`chain-head ${side === 'Call' ? 'call' : 'put'}`}>
      <span className="visually-hidden">{side} </span>
      {column.label}
      <span className="chain-unit">
        <span className="visually-hidden"> in </span>
        {headerUnit(column, currency)}
      </span>
    </th>
  ));
}

function SideCells({ quote, columns, itm, side }: { quote: OptionRow | null; columns: readonly ChainColumn[]; itm: boolean; side: string }) {
  return columns.map((column) => (
    <td key={column.id} className={`chain-cell ${side}${itm ? ' itm' : ''}`}>
      {quote ? column.format(quote) : ''}
    </td>
  ));
}

interface RowProps {
  row: StrikeRow;
  calls: readonly ChainColumn[];
  puts: readonly ChainColumn[];
  atm: boolean;
  callItm: boolean;
  putItm: boolean;
  stale: boolean;
}

/** One strike; re-renders only when its call or put quote (or its ATM / ITM / stale state) changes. */
const ChainRow = memo(function ChainRow({ row, calls, puts, atm, callItm, putItm, stale }: RowProps) {
  return (
    <tr data-strike={row.strike} className={`${atm ? 'atm' : ''}${stale ? ' stale' : ''}`}>
      <SideCells quote={row.call} columns={calls} itm={callItm} side="call" />
      <th scope="row" className="chain-strike">
        {formatPrice(row.strike, Number.isInteger(row.strike) ? 0 : undefined)}
        {atm && <span className="atm-badge"> ATM</span>}
      </th>
      <SideCells quote={row.put} columns={puts} itm={putItm} side="put" />
    </tr>
  );
}, (a, b) =>
  a.row.call === b.row.call && a.row.put === b.row.put && a.row.strike === b.row.strike && a.calls === b.calls &&
  a.puts === b.puts && a.atm === b.atm && a.callItm === b.callItm && a.putItm === b.putItm && a.stale === b.stale,
);

/**
 * The chain of one expiry: calls | strike | puts, strikes ascending. A chain has tens of strikes,
 * so rows are not virtualised; each row is memoised so a push re-renders only the strikes it moved.
 */
export function ChainTable({ label, rows, calls, puts, currency, strikeCurrency, underlyingPrice, atmStrike, isStale, scrollKey }: ChainTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const scrolledFor = useRef<string | null>(null);

  useLayoutEffect(() => {
    const container = scrollRef.current;
    if (!container || atmStrike === null || scrolledFor.current === scrollKey) return;
    const row = container.querySelector<HTMLTableRowElement>(`tr[data-strike="${atmStrike}"]`);
    if (!row) return;
    scrolledFor.current = scrollKey;
    container.scrollTop = row.offsetTop - container.clientHeight / 2 + row.offsetHeight / 2;
  }, [scrollKey, atmStrike, rows]);

  return (
    <div className="chain-scroll" ref={scrollRef}>
      <table className="chain-table" aria-label={label}>
        <thead>
          <tr>
            <th scope="colgroup" colSpan={calls.length} className="chain-group call">Calls</th>
            <th scope="col" rowSpan={2} className="chain-head chain-strike-head">
              Strike
              <span className="chain-unit">
                <span className="visually-hidden"> in </span>
                {strikeCurrency}
              </span>
            </th>
            <th scope="colgroup" colSpan={puts.length} className="chain-group put">Puts</th>
          </tr>
          <tr>
            <HeaderCells side="Call" columns={calls} currency={currency} />
            <HeaderCells side="Put" columns={puts} currency={currency} />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <ChainRow
              key={row.strike}
              row={row}
              calls={calls}
              puts={puts}
              atm={row.strike === atmStrike}
              callItm={isInTheMoney('call', row.strike, underlyingPrice)}
              putItm={isInTheMoney('put', row.strike, underlyingPrice)}
              stale={(row.call !== null && isStale(row.call)) || (row.put !== null && isStale(row.put))}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
