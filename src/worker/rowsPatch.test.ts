import { describe, expect, it } from 'vitest';
import { applyRows, collectRows, diffRows, type PendingRows } from './rowsPatch';

interface Row {
  key: string;
  value: number;
}

const row = (key: string, value: number): Row => ({ key, value });

describe('rows patch', () => {
  it('carries only replaced, new and removed rows, and applying it rebuilds the newer record', () => {
    const kept = row('a', 1);
    const previous = { a: kept, b: row('b', 2), c: row('c', 3) };
    const next = { a: kept, b: row('b', 20), d: row('d', 4) };
    const patch = diffRows(previous, next);
    expect(patch).toEqual({ upserts: [row('b', 20), row('d', 4)], removed: ['c'] });
    const pending: PendingRows<Row> = new Map();
    collectRows(pending, patch!);
    const rebuilt: Record<string, Row> = { ...previous };
    applyRows(rebuilt, pending);
    expect(rebuilt).toEqual(next);
    expect(rebuilt.a).toBe(kept);
  });

  it('keeps only the newest change per row when several patches wait for one frame', () => {
    const pending: PendingRows<Row> = new Map();
    collectRows(pending, { upserts: [row('a', 1), row('b', 1)], removed: [] });
    collectRows(pending, { upserts: [row('a', 2)], removed: ['b'] });
    collectRows(pending, { upserts: [row('b', 3)], removed: [] });
    expect(pending.size).toBe(2);
    const rows: Record<string, Row> = { c: row('c', 0) };
    applyRows(rows, pending);
    expect(rows).toEqual({ a: row('a', 2), b: row('b', 3), c: row('c', 0) });
  });

  it('says nothing changed when every row is the same object', () => {
    const a = row('a', 1);
    expect(diffRows({ a }, { a })).toBeNull();
  });
});
