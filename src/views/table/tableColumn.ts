import type { ReactNode } from 'react';

/** A view's column: how to sort it, how to show it, and what to call it. */
export interface TableColumn<T> {
  id: string;
  /** The column header's accessible name. */
  header: string;
  /** Units and meaning, shown as the header's tooltip. */
  description?: string;
  align: 'left' | 'right';
  width: number;
  /** The value sorted on; null always sorts last, whichever the direction. */
  sortValue: (row: T) => number | string | null;
  render: (row: T) => ReactNode;
  /** Text for CSV export; defaults to the sort value. */
  exportValue?: (row: T) => string | number | null;
  cellClass?: (row: T) => string;
  /** Left out until the trader shows it in the column chooser. */
  hiddenByDefault?: boolean;
  /** A control (an alert bell), not data: not sortable, not exported, always shown. */
  control?: boolean;
}

/** One key of a table's sort: a column id, descending or not. */
export interface SortKey {
  id: string;
  desc: boolean;
}
