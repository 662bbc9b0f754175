import { describe, expect, it } from 'vitest';
import { RowTable } from '../ingest/rowTable';
import { applyRowChanges } from './readRowChanges';
import { rowCodec } from './rowCodecs';
import { toRowChanges } from './writeRowChanges';

interface Row {
  key: string;
  value: number | null;
  size: number;
  label: string;
}

const CODEC = rowCodec<Row>(['value', 'size'], ['key', 'label']);
const row = (key: string, value: number | null, label = 'same', size = 1): Row => ({ key, value, label, size });
const take = (table: RowTable<Row>, holds?: (row: Row) => boolean) => toRowChanges(table.takeChanges(holds), (key) => table.get(key), CODEC);
/** The changes from `previous` to `next`, as a table holding `previous` gives them once its rows are set and deleted to `next`. */
function changesOf(previous: Record<string, Row>, next: Record<string, Row>) {
  const table = new RowTable<Row>();
  for (const each of Object.values(previous)) table.set(each);
  table.takeChanges();
  for (const key of Object.keys(previous)) if (!(key in next)) table.delete(key);
  for (const each of Object.values(next)) table.set(each);
  return take(table)!;
}

/** A page holding `rows` as it would once they arrived. */
function pageWith(rows: Record<string, Row>): Record<string, Row> {
  const page = {};
  if (Object.keys(rows).length > 0) applyRowChanges(page, changesOf({}, rows), CODEC);
  return page;
}

describe('row changes', () => {
  it('carry new rows whole, updated rows as their columns, removed rows by key; applying them rebuilds the newer record', () => {
    const kept = row('a', 1);
    const previous = { a: kept, b: row('b', 2), c: row('c', 3) };
    const next = { a: kept, b: row('b', null, 'same', 7), d: row('d', 4) };
    const changes = changesOf(previous, next);
    expect(changes.upserts).toEqual([row('d', 4)]);
    expect(changes.updated.keys).toEqual(['b']);
    expect(Array.from(changes.updated.values)).toEqual([Number.NaN, 7]);
    expect(changes.removed).toEqual(['c']);

    const page = pageWith(previous);
    applyRowChanges(page, changes, CODEC);
    expect(page).toEqual(next);
    expect(page.a).toBe(kept);
    expect(page.b).not.toBe(previous.b);
  });

  it('send a row whole when a field outside its columns changed', () => {
    const changes = changesOf({ a: row('a', 1) }, { a: row('a', 2, 'relisted') });
    expect(changes.upserts).toEqual([row('a', 2, 'relisted')]);
    expect(changes.updated.keys).toHaveLength(0);
  });

  it('end at the newest of every change when several batches are applied in one frame', () => {
    const start = { a: row('a', 1), b: row('b', 1), c: row('c', 0) };
    const first = { a: row('a', 2), b: start.b, c: start.c, n: row('n', 1) };
    const second = { a: row('a', 2, 'new'), c: start.c, n: row('n', 5) };
    const third = { a: row('a', 3, 'new'), c: start.c, n: second.n };
    const page = pageWith(start);
    for (const changes of [changesOf(start, first), changesOf(first, second), changesOf(second, third)]) applyRowChanges(page, changes, CODEC);
    expect(page).toEqual(third);
  });

  it('read every updated row from its own columns however many there are', () => {
    const keys = Array.from({ length: 300 }, (_, index) => `k${index}`);
    const before = Object.fromEntries(keys.map((key) => [key, row(key, 0)]));
    const after = Object.fromEntries(keys.map((key, index) => [key, row(key, index, 'same', index * 2)]));
    const page = pageWith(before);
    applyRowChanges(page, changesOf(before, after), CODEC);
    expect(page).toEqual(after);
  });

  it('drop an update of a row the page does not hold instead of inventing a partial row', () => {
    const page = pageWith({});
    applyRowChanges(page, changesOf({ x: row('x', 0) }, { x: row('x', 1) }), CODEC);
    expect(page).toEqual({});
  });

  it('say nothing changed when every row is the same object', () => {
    const a = row('a', 1);
    expect(changesOf({ a }, { a })).toBeNull();
  });

  it("are a table's changes since the last take: new rows whole, updated rows as columns, removed by key", () => {
    const table = new RowTable<Row>();
    const kept = row('a', 1);
    for (const each of [kept, row('b', 2), row('c', 3), row('e', 5)]) table.set(each);
    take(table);

    table.set(row('b', 20));
    table.set(row('b', null, 'same', 7));
    table.set(row('e', 5, 'relisted'));
    table.delete('c');
    table.set(row('d', 4));
    table.set(row('gone', 1));
    table.delete('gone');
    table.set(kept);
    const changes = take(table)!;
    expect(changes.upserts).toEqual([row('e', 5, 'relisted'), row('d', 4)]);
    expect(changes.updated.keys).toEqual(['b']);
    expect(Array.from(changes.updated.values)).toEqual([Number.NaN, 7]);
    expect(changes.removed).toEqual(['c']);
    expect(take(table)).toBeNull();
  });

  it('leave held updates in the table for a later take, never new or removed rows', () => {
    const table = new RowTable<Row>();
    for (const each of [row('a', 1), row('b', 1), row('c', 1)]) table.set(each);
    take(table);
    table.set(row('a', 2));
    table.set(row('b', 2));
    table.delete('c');
    table.set(row('n', 1));
    const holdsB = (candidate: Row) => candidate.key !== 'a';
    const first = take(table, holdsB)!;
    expect([first.updated.keys, first.upserts.map((each) => each.key), first.removed]).toEqual([['a'], ['n'], ['c']]);
    expect(table.hasChanges).toBe(true);
    table.set(row('b', 3));
    const later = take(table)!;
    expect([later.updated.keys, Array.from(later.updated.values)]).toEqual([['b'], [3, 1]]);
    expect(table.hasChanges).toBe(false);
  });
});
