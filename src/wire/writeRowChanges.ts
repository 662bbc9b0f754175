import type { RowChanges } from './messages';
import type { RowCodec } from './rowCodecs';

/** A table's changes as the page is sent them; rows are replaced on change, so one back to its old object has not changed. */
export function toRowChanges<Row extends { key: string }>(
  changes: ReadonlyMap<string, Row | undefined>,
  current: (key: string) => Row | undefined,
  codec: RowCodec<Row>,
): RowChanges<Row> | null {
  const upserts: Row[] = [];
  const updated: Row[] = [];
  const removed: string[] = [];
  for (const [key, before] of changes) {
    const row = current(key);
    if (row === before) continue;
    if (row === undefined) removed.push(key);
    else if (before === undefined || !sameOthers(before, row, codec.others)) upserts.push(row);
    else updated.push(row);
  }
  if (upserts.length === 0 && updated.length === 0 && removed.length === 0) return null;
  const width = codec.columns.length;
  const values = new Float64Array(updated.length * width);
  updated.forEach((row, index) => codec.write(row, values, index * width));
  return { upserts, updated: { keys: updated.map((row) => row.key), values }, removed };
}

/** Changes to no row (a batch carrying only counters). */
export function noRowChanges<Row>(): RowChanges<Row> {
  return { upserts: [], updated: { keys: [], values: new Float64Array(0) }, removed: [] };
}

function sameOthers<Row>(a: Row, b: Row, others: readonly (keyof Row)[]): boolean {
  for (const field of others) if (a[field] !== b[field]) return false;
  return true;
}
