import type { RowChanges } from './messages';
import type { RowCodec } from './rowCodecs';

/** Applies a batch's changes to a record the caller owns; an update of a row it does not hold is dropped, not made partial. */
export function applyRowChanges<Row extends { key: string }>(rows: Record<string, Row>, changes: RowChanges<Row>, codec: RowCodec<Row>): void {
  for (const key of changes.removed) delete rows[key];
  for (const row of changes.upserts) rows[row.key] = row;
  const { keys, values } = changes.updated;
  const width = codec.columns.length;
  keys.forEach((key, index) => {
    const base = rows[key];
    if (base !== undefined) rows[key] = codec.read(base, values, index * width);
  });
}

export function changesNoRow<Row>(changes: RowChanges<Row>): boolean {
  return changes.upserts.length === 0 && changes.updated.keys.length === 0 && changes.removed.length === 0;
}
