import type { RowChange, RowsPatch } from './protocol';

/**
 * What changed between two immutable row records. Ingest replaces a row object whenever it
 * changes, so identity finds the changed rows; only those are compared field by field.
 */
export function diffRows<Row extends { key: string }>(
  previous: Readonly<Record<string, Row>>,
  next: Readonly<Record<string, Row>>,
): RowsPatch<Row> | null {
  if (previous === next) return null;
  const upserts: Row[] = [];
  const changes: RowChange<Row>[] = [];
  const removed: string[] = [];
  for (const key in next) {
    const row = next[key] as Row;
    const before = previous[key];
    if (before === undefined) upserts.push(row);
    else if (before !== row) changes.push(changedFields(before, row));
  }
  for (const key in previous) if (!(key in next)) removed.push(key);
  return upserts.length > 0 || changes.length > 0 || removed.length > 0 ? { upserts, changes, removed } : null;
}

function changedFields<Row extends { key: string }>(before: Row, after: Row): RowChange<Row> {
  const change: Record<string, unknown> = { key: after.key };
  for (const field in after) if (after[field] !== before[field]) change[field] = after[field];
  return change as RowChange<Row>;
}

/** A row waiting to be applied: whole (new), as changed fields to merge, or removed. */
type PendingRow<Row> = { whole: Row } | { fields: RowChange<Row> } | null;

/** Row changes waiting to be applied, merged per key however many patches arrived. */
export type PendingRows<Row> = Map<string, PendingRow<Row>>;

export function collectRows<Row extends { key: string }>(pending: PendingRows<Row>, patch: RowsPatch<Row>): void {
  for (const key of patch.removed) pending.set(key, null);
  for (const row of patch.upserts) pending.set(row.key, { whole: row });
  for (const change of patch.changes) {
    const waiting = pending.get(change.key);
    if (!waiting) pending.set(change.key, { fields: change });
    else if ('whole' in waiting) pending.set(change.key, { whole: { ...waiting.whole, ...change } });
    else pending.set(change.key, { fields: { ...waiting.fields, ...change } });
  }
}

/** Applies waiting changes to a record the caller owns (a copy made once per frame, however many batches arrived). */
export function applyRows<Row>(rows: Record<string, Row>, pending: PendingRows<Row & { key: string }>): void {
  for (const [key, waiting] of pending) {
    if (waiting === null) delete rows[key];
    else if ('whole' in waiting) rows[key] = waiting.whole;
    else if (rows[key] !== undefined) rows[key] = { ...rows[key], ...waiting.fields };
  }
}
