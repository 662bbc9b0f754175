import { describe, expect, it } from 'vitest';
import { applyRows, collectRows, diffRows, type PendingRows } from './rowsPatch';

interface Row {
  key: string;
  value: number;
  label: string;
}

const row = (key: string, value: number, label = 'same'): Row => ({ key, value, label });

describe('rows patch', () => {
  it('carries new rows whole, replaced rows as their changed fields, removed rows by key; applying it rebuilds the newer record', () => {
    const kept = row('a', 1);
    const previous = { a: kept, b: row('b', 2), c: row('c', 3) };
    const next = { a: kept, b: row('b', 20), d: row('d', 4) };
    const patch = diffRows(previous, next);
    expect(patch).toEqual({ upserts: [row('d', 4)], changes: [{ key: 'b', value: 20 }], removed: ['c'] });
    const pending: PendingRows<Row> = new Map();
    collectRows(pending, patch!);
    const rebuilt: Record<string, Row> = { ...previous };
    applyRows(rebuilt, pending);
    expect(rebuilt).toEqual(next);
    expect(rebuilt.a).toBe(kept);
    expect(rebuilt.b).not.toBe(previous.b);
  });

  it('merges every change a row received while the patches waited for one frame', () => {
    const pending: PendingRows<Row> = new Map();
    collectRows(pending, { upserts: [row('n', 1)], changes: [{ key: 'a', value: 2 }], removed: [] });
    collectRows(pending, { upserts: [], changes: [{ key: 'a', label: 'new' }, { key: 'n', value: 5 }], removed: ['b'] });
    collectRows(pending, { upserts: [], changes: [{ key: 'a', value: 3 }], removed: [] });
    expect(pending.size).toBe(3);
    const rows: Record<string, Row> = { a: row('a', 1), b: row('b', 1), c: row('c', 0) };
    applyRows(rows, pending);
    expect(rows).toEqual({ a: row('a', 3, 'new'), n: row('n', 5), c: row('c', 0) });
  });

  it('drops a change to a row the page does not hold instead of inventing a partial row', () => {
    const pending: PendingRows<Row> = new Map();
    collectRows(pending, { upserts: [], changes: [{ key: 'x', value: 1 }], removed: [] });
    const rows: Record<string, Row> = {};
    applyRows(rows, pending);
    expect(rows).toEqual({});
  });

  it('says nothing changed when every row is the same object', () => {
    const a = row('a', 1);
    expect(diffRows({ a }, { a })).toBeNull();
  });
});
