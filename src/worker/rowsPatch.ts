import type { RowTable } from '../store/rowTable';
import type { RowColumns, RowsPatch } from './protocol';

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
 * What changed in a table since its changes were last taken: new rows whole, rows whose columns
 * alone changed as columns, removed rows by key. Ingest replaces a row object whenever it changes,
 * so a row set back to the object it held at the last take has not changed; a changed row is
 * compared with that object on its other fields.
 */
export function takeRowsPatch<Row extends { key: string }>(table: RowTable<Row>, codec: RowCodec<Row>): RowsPatch<Row> | null {
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
  return { upserts, changed: toColumns(changedRows, codec), removed };
}

function sameFields<Row>(a: Row, b: Row, fields: readonly (keyof Row)[]): boolean {
  for (const field of fields) if (a[field] !== b[field]) return false;
  return true;
}

function toColumns<Row extends { key: string }>(rows: readonly Row[], codec: RowCodec<Row>): RowColumns {
  const width = codec.columns.length;
  const values = new Float64Array(rows.length * width);
  rows.forEach((row, index) => codec.write(row, values, index * width));
  return { keys: rows.map((row) => row.key), values };
}

/** A row waiting to be applied: whole (new or relisted) and/or its latest values at `slot`, or removed. */
type PendingRow<Row> = { whole: Row | null; slot: number } | null;

const NO_SLOT = -1;

/**
 * Row changes waiting to be applied, the newest per key however many patches arrived. A changed
 * row's values are copied into a slot of one buffer kept here (grown as needed, reused after each
 * apply), so a tab whose frames are paused keeps a row's worth per row, not every batch a row last
 * appeared in, and collecting allocates nothing per row.
 */
export class PendingRows<Row extends { key: string }> {
  private readonly waiting = new Map<string, PendingRow<Row>>();
  private values = new Float64Array(0);
  private slots = 0;

  constructor(private readonly codec: RowCodec<Row>) {}

  get size(): number {
    return this.waiting.size;
  }

  collect(patch: RowsPatch<Row>): void {
    for (const key of patch.removed) this.waiting.set(key, null);
    for (const row of patch.upserts) this.waiting.set(row.key, { whole: row, slot: NO_SLOT });
    const { keys, values } = patch.changed;
    const width = this.codec.columns.length;
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      let entry = this.waiting.get(key);
      if (!entry) this.waiting.set(key, (entry = { whole: null, slot: NO_SLOT }));
      // Every column of a changed row is sent, so the newest values replace any waiting ones whole.
      if (entry.slot === NO_SLOT) entry.slot = this.takeSlot(width);
      const from = index * width;
      const to = entry.slot * width;
      for (let column = 0; column < width; column++) this.values[to + column] = values[from + column]!;
    }
  }

  /** Applies what waits to a record the caller owns (a copy made once per frame, however many batches arrived), then forgets it. */
  applyTo(rows: Record<string, Row>): void {
    const width = this.codec.columns.length;
    for (const [key, entry] of this.waiting) {
      if (entry === null) {
        delete rows[key];
        continue;
      }
      const base = entry.whole ?? rows[key];
      if (base === undefined) continue;
      if (entry.slot === NO_SLOT) {
        rows[key] = base;
        continue;
      }
      rows[key] = this.codec.read(base, this.values, entry.slot * width);
    }
    this.waiting.clear();
    this.slots = 0;
  }

  private takeSlot(width: number): number {
    if ((this.slots + 1) * width > this.values.length) {
      const grown = new Float64Array(Math.max(64, this.slots * 2) * width);
      grown.set(this.values);
      this.values = grown;
    }
    return this.slots++;
  }
}

/** A patch that changes nothing (a batch carrying only counters). */
export function noRowChanges<Row>(): RowsPatch<Row> {
  return { upserts: [], changed: { keys: [], values: new Float64Array(0) }, removed: [] };
}
