import type { RowTable } from '../ingest/rowTable';
import type { RowColumns, RowsPatch } from './messages';

/**
 * How a row type crosses to the page: its `number | null` fields travel as columns of one
 * Float64Array (NaN for null; rows never hold NaN), so a changed row costs a few stores, not text
 * to format and parse. A change to any other field (a string, a flag) sends the row whole, which
 * happens when an instrument's listing or known funding interval changes, not on a price update.
 */
export interface RowCodec<Row> {
  /** The fields carried as columns, in order. */
  columns: readonly (keyof Row & string)[];
  /** Every other field: a change to one sends the row whole. */
  others: readonly (keyof Row & string)[];
  /** Writes the row's columns from `at` (NaN for null). */
  write(row: Row, out: Float64Array, at: number): void;
  /** A copy of `base` with the columns from `at` laid over it. */
  read(base: Row, values: Float64Array, at: number): Row;
}

/** The fields of `Row` that hold a number or null: the ones a codec may carry as columns. */
export type NumericField<Row> = { [Field in keyof Row]-?: Row[Field] extends number | null ? Field : never }[keyof Row] & string;

/**
 * A worker's numbers for its row keys: a changed row crosses to the page as its number, not its
 * key's text, which both sides would otherwise copy and the page hash for every changed row of
 * every batch. A row's number reaches the page with the row whole (an upsert) before any change
 * names it. Numbers are never reused, so one means the same row for the worker's life.
 */
export class RowIds {
  private readonly ids = new Map<string, number>();

  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    return id;
  }
}

/**
 * What changed in a table since its changes were last taken: new rows whole, rows whose columns
 * alone changed as columns, removed rows by key. Ingest replaces a row object whenever it changes,
 * so a row set back to the object it held at the last take has not changed; a changed row is
 * compared with that object on its other fields.
 */
export function takeRowsPatch<Row extends { key: string }>(table: RowTable<Row>, codec: RowCodec<Row>, ids: RowIds): RowsPatch<Row> | null {
  const upserts: Row[] = [];
  const changedRows: Row[] = [];
  const removed: string[] = [];
  for (const [key, before] of table.takeChanges()) {
    const row = table.get(key);
    if (row === undefined) {
      if (before !== undefined) removed.push(key);
    } else if (before === undefined) upserts.push(row);
    else if (before !== row) {
      if (sameFields(before, row, codec.others)) changedRows.push(row);
      else upserts.push(row);
    }
  }
  if (upserts.length === 0 && changedRows.length === 0 && removed.length === 0) return null;
  return { upserts, upsertIds: upserts.map((row) => ids.idOf(row.key)), changed: toColumns(changedRows, codec, ids), removed };
}

function sameFields<Row>(a: Row, b: Row, fields: readonly (keyof Row)[]): boolean {
  for (const field of fields) if (a[field] !== b[field]) return false;
  return true;
}

function toColumns<Row extends { key: string }>(rows: readonly Row[], codec: RowCodec<Row>, ids: RowIds): RowColumns {
  const width = codec.columns.length;
  const values = new Float64Array(rows.length * width);
  const rowIds = new Int32Array(rows.length);
  rows.forEach((row, index) => {
    rowIds[index] = ids.idOf(row.key);
    codec.write(row, values, index * width);
  });
  return { ids: rowIds, values };
}

/**
 * Applies a patch to a record the caller owns: the page copies its store's record once per frame,
 * however many batches arrive before it, and applies each batch to that copy on arrival. A tab
 * whose frames are paused thus holds one record, not every batch. `keys` is the page's list of
 * the sending worker's row keys by id (RowIds), which the upserts add to. A change to a row the
 * record does not hold is dropped rather than made into a partial row.
 */
export function applyRowsPatch<Row extends { key: string }>(
  rows: Record<string, Row>,
  patch: RowsPatch<Row>,
  codec: RowCodec<Row>,
  keys: string[],
): void {
  for (const key of patch.removed) delete rows[key];
  patch.upserts.forEach((row, index) => {
    keys[patch.upsertIds[index]!] = row.key;
    rows[row.key] = row;
  });
  const { ids, values } = patch.changed;
  const width = codec.columns.length;
  for (let index = 0; index < ids.length; index++) {
    const key = keys[ids[index]!];
    const base = key === undefined ? undefined : rows[key];
    if (base !== undefined) rows[key!] = codec.read(base, values, index * width);
  }
}

/** Whether a patch changes no row. */
export function isEmptyPatch<Row>(patch: RowsPatch<Row>): boolean {
  return patch.upserts.length === 0 && patch.changed.ids.length === 0 && patch.removed.length === 0;
}

/** A patch that changes nothing (a batch carrying only counters). */
export function noRowChanges<Row>(): RowsPatch<Row> {
  return { upserts: [], upsertIds: [], changed: { ids: new Int32Array(0), values: new Float64Array(0) }, removed: [] };
}
