import {
  createSortedRowModel,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type SortingState,
  type Updater,
  type RowData,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';
import { downloadText, toCsv } from './csv';
import { useSettledReport } from './useSettledReport';
import type { SortKey, TableColumn } from './tableColumn';

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });

const ROW_HEIGHT = 30;
/** Rows in view are reported once they have stayed this long, or this long after they first moved, whatever a live re-sort does meanwhile. */
const ROWS_IN_VIEW_QUIET_MS = 1_000;
const ROWS_IN_VIEW_MAX_WAIT_MS = 3_000;
/** The row height for the stylesheet, which sizes each contained cell from it. */
const tableStyle = (minWidth: number) => ({ minWidth, '--row-height': `${ROW_HEIGHT}px` }) as CSSProperties;

export interface DataTableProps<T> {
  label: string;
  columns: TableColumn<T>[];
  rows: T[];
  rowId: (row: T) => string;
  sorting: SortKey[];
  onSortingChange: (sorting: SortKey[]) => void;
  onActivate?: (row: T) => void;
  rowClass?: (row: T) => string;
  /** Accessible description of what activating a row does. */
  activateHint?: string;
  /** Offers the visible rows, in the order shown, as a CSV download under this file name. */
  exportFileName?: string;
  /** Shown above the table beside the export button (counts, notes). */
  summary?: ReactNode;
  /** Controls beside the export button (a column chooser). */
  tools?: ReactNode;
  /** Told the rows rendered (in view, with the virtualiser's overscan), in the order shown, each time they change; none once the table is gone. */
  onRowsInView?: (rows: T[]) => void;
}

/**
 * A semantic, sortable, virtualised table: TanStack Table owns sorting (click a header; shift-click
 * adds a secondary key), TanStack Virtual renders only the rows in view, so 750 or 7,500 rows
 * cost the same per frame. Rows are memoised on their data object, so a live update re-renders
 * only the rows whose values changed.
 */
export function DataTable<T extends RowData>(props: DataTableProps<T>) {
  const { columns, rows, onSortingChange, onRowsInView } = props;
  // A sort on a column the trader hid stays in the address but does not apply while it is hidden.
  const sorting = useMemo(() => props.sorting.filter((key) => columns.some((column) => column.id === key.id)), [props.sorting, columns]);
  const columnDefs = useMemo(
    () =>
      columns.map(
        (column): ColumnDef<typeof features, T, unknown> => ({
          id: column.id,
          header: column.header,
          accessorFn: (row: T) => column.sortValue(row) ?? undefined,
          sortUndefined: 'last',
          enableSorting: !column.control,
          sortDescFirst: column.align === 'right',
        }),
      ),
    [columns],
  );
  const state = useMemo(() => ({ sorting: sorting as SortingState }), [sorting]);
  const table = useTable({
    features,
    columns: columnDefs,
    data: rows,
    state,
    getRowId: props.rowId,
    enableMultiSort: true,
    enableSortingRemoval: false,
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting as SortingState) : updater;
      onSortingChange(next.map((key) => ({ id: key.id, desc: key.desc })));
    },
  });
  const sortedRows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: sortedRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const totalWidth = columns.reduce((sum, column) => sum + column.width, 0);
  const inViewIds = items.map((item) => sortedRows[item.index]!.id).join('\n');
  // The rows as they were when the ids in view last changed: a live update of one does not report them again.
  const rowsInView = useMemo(() => items.map((item) => sortedRows[item.index]!.original), [inViewIds]);
  useSettledReport(rowsInView, onRowsInView, ROWS_IN_VIEW_QUIET_MS, ROWS_IN_VIEW_MAX_WAIT_MS);
  useEffect(() => (onRowsInView ? () => onRowsInView([]) : undefined), [onRowsInView]);

  const exportCsv = () => {
    if (!props.exportFileName) return;
    downloadText(props.exportFileName, toCsv(columns, sortedRows.map((row) => row.original)));
  };

  return (
    <>
    <div className="table-toolbar">
      <div className="table-summary">{props.summary}</div>
      <div className="table-tools">
        {props.tools}
        {props.exportFileName && (
          <button type="button" className="button" onClick={exportCsv}>
            Export CSV
          </button>
        )}
      </div>
    </div>
    <div className="table-scroll" ref={scrollRef} tabIndex={-1}>
      <table className="data-table" aria-label={props.label} aria-rowcount={sortedRows.length + 1} style={tableStyle(totalWidth)}>
        <colgroup>
          {columns.map((column) => (
            <col key={column.id} style={{ width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {table.getHeaderGroups()[0]?.headers.map((header, index) => {
              const column = columns[index]!;
              const direction = header.column.getIsSorted();
              const sortIndex = header.column.getSortIndex();
              return (
                <th
                  key={header.id}
                  scope="col"
                  className={`align-${column.align}`}
                  aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
                  title={column.description}
                >
                  {column.control ? (
                    column.header
                  ) : (
                    <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                      {column.header}
                      <span className="sort-mark" aria-hidden="true">
                        {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
                        {direction && sorting.length > 1 ? sortIndex + 1 : ''}
                      </span>
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && <tr className="spacer" aria-hidden="true" style={{ height: paddingTop }} />}
          {items.map((item) => {
            const row = sortedRows[item.index]!;
            return (
              <DataRow
                key={row.id}
                row={row.original}
                rowIndex={item.index + 2}
                columns={columns}
                className={props.rowClass?.(row.original) ?? ''}
                onActivate={props.onActivate}
                activateHint={props.activateHint}
              />
            );
          })}
          {paddingBottom > 0 && <tr className="spacer" aria-hidden="true" style={{ height: paddingBottom }} />}
        </tbody>
      </table>
    </div>
    </>
  );
}

interface DataRowProps<T> {
  row: T;
  rowIndex: number;
  columns: TableColumn<T>[];
  className: string;
  onActivate: ((row: T) => void) | undefined;
  activateHint: string | undefined;
}

function DataRowInner<T>({ row, rowIndex, columns, className, onActivate, activateHint }: DataRowProps<T>) {
  const activate = onActivate ? () => onActivate(row) : undefined;
  const onKeyDown = activate
    ? (event: KeyboardEvent<HTMLTableRowElement>) => {
        if (event.key === 'Enter') activate();
      }
    : undefined;
  return (
    <tr
      aria-rowindex={rowIndex}
      className={`${className}${activate ? ' clickable' : ''}`}
      tabIndex={activate ? 0 : undefined}
      onClick={activate}
      onKeyDown={onKeyDown}
      title={activateHint}
      style={{ height: ROW_HEIGHT }}
    >
      {columns.map((column) => (
        <td key={column.id} className={`align-${column.align} ${column.cellClass?.(row) ?? ''}`}>
          <div className="cell">{column.render(row)}</div>
        </td>
      ))}
    </tr>
  );
}

const DataRow = memo(DataRowInner) as typeof DataRowInner;
