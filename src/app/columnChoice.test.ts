import { describe, expect, it } from 'vitest';
import { chooseColumn, isColumnShown, readColumnChoice } from './columnChoice';

function memoryStorage(): Pick<Storage, 'getItem' | 'setItem'> & { items: Record<string, string> } {
  const items: Record<string, string> = {};
  return {
    items,
    getItem: (key) => (Object.hasOwn(items, key) ? items[key]! : null),
    setItem: (key, value) => {
      items[key] = value;
    },
  };
}

const CAP = { id: 'cap', hiddenByDefault: true };
const MARK = { id: 'mark' };

describe('the columns a trader chose', () => {
  it('shows each column by its default until it is chosen', () => {
    expect(isColumnShown({}, CAP)).toBe(false);
    expect(isColumnShown({}, MARK)).toBe(true);
    expect(isColumnShown({ cap: true, mark: false }, CAP)).toBe(true);
    expect(isColumnShown({ cap: true, mark: false }, MARK)).toBe(false);
  });

  it('keeps each choice per table and reads it back on the next visit', () => {
    const storage = memoryStorage();
    const first = chooseColumn(storage, 'screener', {}, 'mark', false);
    const second = chooseColumn(storage, 'screener', first, 'cap', true);
    expect(second).toEqual({ mark: false, cap: true });
    expect(JSON.parse(storage.items['funding-desk.columns.screener']!)).toEqual({ mark: false, cap: true });
    expect(readColumnChoice(storage, 'screener')).toEqual({ mark: false, cap: true });
    expect(readColumnChoice(storage, 'carry')).toEqual({});
  });

  it('reads nothing stored, broken JSON, another shape or a refusing storage as no choice, keeping the booleans of a mixed map', () => {
    const storing = (value: string) => ({ getItem: () => value });
    expect(readColumnChoice(null, 'screener')).toEqual({});
    expect(readColumnChoice(storing('{"mark":'), 'screener')).toEqual({});
    expect(readColumnChoice(storing('["mark"]'), 'screener')).toEqual({});
    expect(readColumnChoice(storing('{"mark":false,"cap":"yes"}'), 'screener')).toEqual({ mark: false });
    expect(readColumnChoice({ getItem: () => { throw new Error('SecurityError'); } }, 'screener')).toEqual({});
  });

  it('still holds a choice the storage refuses to keep', () => {
    const refusing = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(chooseColumn(refusing, 'screener', {}, 'mark', false)).toEqual({ mark: false });
  });
});
