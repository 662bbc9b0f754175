import { describe, expect, it } from 'vitest';
import { RowTable } from './rowTable';

interface Row {
  key: string;
  value: number;
}

describe('RowTable', () => {
  it('gives each key set or deleted since the last take once, with the row it held at that take', () => {
    const table = new RowTable<Row>();
    const a1 = { key: 'a', value: 1 };
    const b1 = { key: 'b', value: 1 };
    table.set(a1);
    table.set(b1);
    expect([...table.takeChanges()]).toEqual([
      ['a', undefined],
      ['b', undefined],
    ]);

    table.set({ key: 'a', value: 2 });
    table.set({ key: 'a', value: 3 });
    table.delete('b');
    table.set({ key: 'c', value: 1 });
    expect([...table.takeChanges()]).toEqual([
      ['a', a1],
      ['b', b1],
      ['c', undefined],
    ]);
    expect(table.get('a')).toEqual({ key: 'a', value: 3 });
    expect([...table.values()].map((row) => row.key)).toEqual(['a', 'c']);
    expect(table.takeChanges().size).toBe(0);
  });

  it('notes nothing for deleting a key it does not hold', () => {
    const table = new RowTable<Row>();
    table.delete('a');
    expect(table.takeChanges().size).toBe(0);
    expect(table.size).toBe(0);
  });

  it('lists the rows changed since their take, those held back included, and not the deleted ones', () => {
    const table = new RowTable<Row>();
    for (const key of ['a', 'b', 'c']) table.set({ key, value: 1 });
    table.takeChanges();
    table.set({ key: 'a', value: 2 });
    table.set({ key: 'b', value: 2 });
    table.delete('b');
    table.set({ key: 'c', value: 2 });
    table.set({ key: 'd', value: 1 });
    expect(table.changedRows()).toEqual([{ key: 'a', value: 2 }, { key: 'c', value: 2 }, { key: 'd', value: 1 }]);
    table.takeChanges((row) => row.key === 'c');
    expect(table.changedRows()).toEqual([{ key: 'c', value: 2 }]);
    table.takeChanges();
    expect(table.changedRows()).toEqual([]);
  });
});
