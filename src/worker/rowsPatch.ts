import type { RowsPatch } from './protocol';

/**
 * What changed between two immutable row records. Ingest replaces a row object whenever it
 * changes, so identity is enough: no field comparison.
 */
export function diffRows<Row>(previous: Readonly<Record<string, Row>>, next: Readonly<Record<string, Row>>): RowsPatch<Row> | null {
  if (previous === next) return null;
  const upserts: Row[] = [];
  const removed: string[] = [];
  for (const key in next) {
    const row = next[key] as Row;
    if (previous[key] !== row) upserts.push(row);
  }
  for (const key in previous) if (!(key in next)) removed.push(key);
  return upserts.length > 0 || removed.length > 0 ? { upserts, removed } : null;
}

/** Row changes waiting to be applied, newest per key (null: removed), however many patches arrived. */
export type PendingRows<Row> = Map<string, Row | null>;

export function collectRows<Row extends { key: string }>(pending: PendingRows<Row>, patch: RowsPatch<Row>): void {
  for (const key of patch.removed) pending.set(key, null);
  for (const row of patch.upserts) pending.set(row.key, row);
}

/** Applies waiting changes to a record the caller owns (a copy made once per frame). */
export function applyRows<Row>(rows: Record<string, Row>, pending: PendingRows<Row>): void {
  for (const [key, row] of pending) {
    if (row === null) delete rows[key];
    else rows[key] = row;
  }
}
