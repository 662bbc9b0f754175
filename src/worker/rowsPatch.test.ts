import { describe, expect, it } from 'vitest';
import { applyRows, diffRows } from './rowsPatch';

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
    const rebuilt: Record<string, Row> = { ...previous };
    applyRows(rebuilt, patch!);
    expect(rebuilt).toEqual(next);
    expect(rebuilt.a).toBe(kept);
  });

  it('says nothing changed when every row is the same object', () => {
    const a = row('a', 1);
    expect(diffRows({ a }, { a })).toBeNull();
  });
});
