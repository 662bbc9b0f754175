import { describe, expect, it } from 'vitest';
import { readOkxRegion, writeOkxRegion } from './okxRegionStorage';

function memoryStorage(initial: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> & { items: Record<string, string> } {
  const items = { ...initial };
  return {
    items,
    getItem: (key) => (Object.hasOwn(items, key) ? items[key]! : null),
    setItem: (key, value) => {
      items[key] = value;
    },
  };
}

const KEY = 'funding-desk.okx-region';

describe('the stored OKX region', () => {
  it('is Global when nothing is stored or there is no storage', () => {
    expect(readOkxRegion(memoryStorage())).toBe('global');
    expect(readOkxRegion(null)).toBe('global');
  });

  it('reads back each listed region as written', () => {
    const storage = memoryStorage();
    for (const region of ['eea', 'us', 'global'] as const) {
      writeOkxRegion(storage, region);
      expect(storage.items[KEY]).toBe(region);
      expect(readOkxRegion(storage)).toBe(region);
    }
  });

  it.each(['mars', 'EEA', ' eea', 'eea.okx.com', 'wss://evil.example/ws', '__proto__', 'toString', '', '"eea"'])(
    'falls back to Global for the unknown stored value %j',
    (value) => {
      expect(readOkxRegion(memoryStorage({ [KEY]: value }))).toBe('global');
    },
  );

  it('falls back to Global when the storage throws on read, and a throwing write is survived', () => {
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(readOkxRegion(refusing)).toBe('global');
    expect(() => writeOkxRegion(refusing, 'eea')).not.toThrow();
  });
});
