import { describe, expect, it } from 'vitest';
import { RowTable } from '../ingest/rowTable';
import { applyRowsPatch, RowIds, takeRowsPatch, type RowCodec } from './rowChanges';

interface Row {
  key: string;
  value: number | null;
  size: number;
  label: string;
}

const CODEC: RowCodec<Row> = {
  columns: ['value', 'size'],
  others: ['key', 'label'],
  write: (row, out, at) => out.set([row.value ?? Number.NaN, row.size], at),
  read: (base, values, at) => ({ ...base, value: Number.isNaN(values[at]!) ? null : values[at]!, size: values[at + 1]! }),
};
const row = (key: string, value: number | null, label = 'same', size = 1): Row => ({ key, value, label, size });
/** The patch from `previous` to `next`, as a table holding `previous` gives it once its rows are set and deleted to `next`. */
function patchOf(previous: Record<string, Row>, next: Record<string, Row>) {
  const table = new RowTable<Row>();
  for (const each of Object.values(previous)) table.set(each);
  table.takeChanges();
  for (const key of Object.keys(previous)) if (!(key in next)) table.delete(key);
  for (const each of Object.values(next)) table.set(each);
  return takeRowsPatch(table, CODEC, ids)!;
}
/** One worker's ids, shared by every patch here as a worker's are by all its batches. */
const ids = new RowIds();
const idsOf = (...keys: string[]) => keys.map((key) => ids.idOf(key));

/** A page holding `rows` as it would once they arrived: its record, and the worker's row keys by id. */
function pageWith(rows: Record<string, Row>): { rows: Record<string, Row>; keys: string[] } {
  const page = { rows: {}, keys: [] };
  if (Object.keys(rows).length > 0) applyRowsPatch(page.rows, patchOf({}, rows), CODEC, page.keys);
  return page;
}

describe('rows patch', () => {
  it('carries new rows whole, changed rows as their columns, removed rows by key; applying it rebuilds the newer record', () => {
    const kept = row('a', 1);
    const previous = { a: kept, b: row('b', 2), c: row('c', 3) };
    const next = { a: kept, b: row('b', null, 'same', 7), d: row('d', 4) };
    const patch = patchOf(previous, next);
    expect(patch.upserts).toEqual([row('d', 4)]);
    expect(patch.upsertIds).toEqual(idsOf('d'));
    expect(Array.from(patch.changed.ids)).toEqual(idsOf('b'));
    expect(Array.from(patch.changed.values)).toEqual([Number.NaN, 7]);
    expect(patch.removed).toEqual(['c']);

    const page = pageWith(previous);
    applyRowsPatch(page.rows, patch, CODEC, page.keys);
    const rebuilt = page.rows;
    expect(rebuilt).toEqual(next);
    expect(rebuilt.a).toBe(kept);
    expect(rebuilt.b).not.toBe(previous.b);
  });

  it('sends a row whole when a field outside its columns changed', () => {
    const patch = patchOf({ a: row('a', 1) }, { a: row('a', 2, 'relisted') });
    expect(patch.upserts).toEqual([row('a', 2, 'relisted')]);
    expect(patch.changed.ids).toHaveLength(0);
  });

  it('ends at the newest of every change when several patches are applied in one frame', () => {
    const start = { a: row('a', 1), b: row('b', 1), c: row('c', 0) };
    const first = { a: row('a', 2), b: start.b, c: start.c, n: row('n', 1) };
    const second = { a: row('a', 2, 'new'), c: start.c, n: row('n', 5) };
    const third = { a: row('a', 3, 'new'), c: start.c, n: second.n };
    const page = pageWith(start);
    for (const patch of [patchOf(start, first), patchOf(first, second), patchOf(second, third)]) applyRowsPatch(page.rows, patch, CODEC, page.keys);
    expect(page.rows).toEqual(third);
  });

  it('reads every changed row from its own columns however many there are', () => {
    const keys = Array.from({ length: 300 }, (_, index) => `k${index}`);
    const before = Object.fromEntries(keys.map((key) => [key, row(key, 0)]));
    const after = Object.fromEntries(keys.map((key, index) => [key, row(key, index, 'same', index * 2)]));
    const page = pageWith(before);
    applyRowsPatch(page.rows, patchOf(before, after), CODEC, page.keys);
    expect(page.rows).toEqual(after);
  });

  it('drops a change to a row the page does not hold instead of inventing a partial row', () => {
    const page = pageWith({});
    applyRowsPatch(page.rows, patchOf({ x: row('x', 0) }, { x: row('x', 1) }), CODEC, page.keys);
    expect(page.rows).toEqual({});
  });

  it('says nothing changed when every row is the same object', () => {
    const a = row('a', 1);
    expect(patchOf({ a }, { a })).toBeNull();
  });

  it("takes a table's changes since the last take: new rows whole, changed rows as columns, removed by key", () => {
    const table = new RowTable<Row>();
    const kept = row('a', 1);
    for (const each of [kept, row('b', 2), row('c', 3), row('e', 5)]) table.set(each);
    takeRowsPatch(table, CODEC, ids);

    table.set(row('b', 20));
    table.set(row('b', null, 'same', 7));
    table.set(row('e', 5, 'relisted'));
    table.delete('c');
    table.set(row('d', 4));
    table.set(row('gone', 1));
    table.delete('gone');
    table.set(kept);
    const patch = takeRowsPatch(table, CODEC, ids)!;
    expect(patch.upserts).toEqual([row('e', 5, 'relisted'), row('d', 4)]);
    expect(patch.upsertIds).toEqual(idsOf('e', 'd'));
    expect(Array.from(patch.changed.ids)).toEqual(idsOf('b'));
    expect(Array.from(patch.changed.values)).toEqual([Number.NaN, 7]);
    expect(patch.removed).toEqual(['c']);
    expect(takeRowsPatch(table, CODEC, ids)).toBeNull();
  });

  it('gives each key one id, for good, and different keys different ids', () => {
    const own = new RowIds();
    const [a, b] = [own.idOf('a'), own.idOf('b')];
    expect(a).not.toBe(b);
    expect(own.idOf('a')).toBe(a);
    expect(own.idOf('b')).toBe(b);
  });
});
