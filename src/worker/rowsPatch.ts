import type { RowColumns, RowsPatch } from './protocol';

/**
 * How a row type crosses to the page: its `number | null` fields travel as columns of one
 * Float64Array (NaN for null; rows never hold NaN), so a changed row costs a few stores, not text
 * to format and parse. A change to any other field (a string, a flag) sends the row whole, which
 * happens when an instrument's listing or known funding interval changes, not on a price update.
 */
export interface RowCodec<Row> {
  columns: readonly (keyof Row & string)[];
  others: readonly (keyof Row & string)[];
}

/** The fields of `Row` that hold a number or null: the ones a codec may carry as columns. */
export type NumericField<Row> = { [Field in keyof Row]-?: Row[Field] extends number | null ? Field : never }[keyof Row] & string;

/**
 * What changed between two immutable row records. Ingest replaces a row object whenever it
 * changes, so identity finds the changed rows; only those are compared, on their other fields.
 */
export function diffRows<Row extends { key: string }>(
  previous: Readonly<Record<string, Row>>,
  next: Readonly<Record<string, Row>>,
  codec: RowCodec<Row>,
): RowsPatch<Row> | null {
  if (previous === next) return null;
  const upserts: Row[] = [];
  const changedRows: Row[] = [];
  const removed: string[] = [];
  for (const key in next) {
    const row = next[key] as Row;
    const before = previous[key];
    if (before === undefined) upserts.push(row);
    else if (before !== row) {
      if (sameFields(before, row, codec.others)) changedRows.push(row);
      else upserts.push(row);
    }
  }
  for (const key in previous) if (!(key in next)) removed.push(key);
  if (upserts.length === 0 && changedRows.length === 0 && removed.length === 0) return null;
  return { upserts, changed: toColumns(changedRows, codec), removed };
}

function sameFields<Row>(a: Row, b: Row, fields: readonly (keyof Row)[]): boolean {
  for (const field of fields) if (a[field] !== b[field]) return false;
  return true;
}

function toColumns<Row extends { key: string }>(rows: readonly Row[], { columns }: RowCodec<Row>): RowColumns {
  const values = new Float64Array(rows.length * columns.length);
  let at = 0;
  for (const row of rows) {
    for (const column of columns) {
      const value = row[column] as number | null;
      values[at++] = value === null ? Number.NaN : value;
    }
  }
  return { keys: rows.map((row) => row.key), values };
}

/**
 * A row waiting to be applied: whole (new or relisted), its latest column values laid over a whole
 * row or the page's own, or removed. The values are copied out of their batch, so a tab whose
 * frames are paused keeps a row's worth per row, not every batch a row last appeared in.
 */
type PendingRow<Row> = { whole: Row | null; values: Float64Array | null } | null;

/** Row changes waiting to be applied, the newest per key however many patches arrived. */
export type PendingRows<Row> = Map<string, PendingRow<Row>>;

export function collectRows<Row extends { key: string }>(pending: PendingRows<Row>, patch: RowsPatch<Row>, codec: RowCodec<Row>): void {
  for (const key of patch.removed) pending.set(key, null);
  for (const row of patch.upserts) pending.set(row.key, { whole: row, values: null });
  const { keys, values } = patch.changed;
  const width = codec.columns.length;
  keys.forEach((key, index) => {
    const latest = values.slice(index * width, (index + 1) * width);
    // Every column of a changed row is sent, so the newest values replace any waiting ones whole.
    const waiting = pending.get(key);
    if (waiting) waiting.values = latest;
    else pending.set(key, { whole: null, values: latest });
  });
}

/** Applies waiting changes to a record the caller owns (a copy made once per frame, however many batches arrived). */
export function applyRows<Row extends { key: string }>(rows: Record<string, Row>, pending: PendingRows<Row>, codec: RowCodec<Row>): void {
  for (const [key, waiting] of pending) {
    if (waiting === null) {
      delete rows[key];
      continue;
    }
    const base = waiting.whole ?? rows[key];
    if (base === undefined) continue;
    if (waiting.values === null) {
      rows[key] = base;
      continue;
    }
    const row: Record<string, unknown> = { ...base };
    const { columns } = codec;
    for (let index = 0; index < columns.length; index++) {
      const value = waiting.values[index]!;
      row[columns[index]!] = Number.isNaN(value) ? null : value;
    }
    rows[key] = row as Row;
  }
}

/** A patch that changes nothing (a batch carrying only counters). */
export function noRowChanges<Row>(): RowsPatch<Row> {
  return { upserts: [], changed: { keys: [], values: new Float64Array(0) }, removed: [] };
}
