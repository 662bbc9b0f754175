import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryStorage, SettlementSpan } from '../../store/fundingHistoryStore';
import { CACHE_VERSION, openSettlementCache } from './settlementCache';
import { freshIndexedDb } from './testing/fakeVenues';

const HOUR = 3_600_000;

function span(fromHour: number, toHour: number, everyHours = 8): SettlementSpan {
  const settlements = [];
  for (let hour = Math.ceil(fromHour / everyHours) * everyHours; hour <= toHour; hour += everyHours) {
    if (hour > fromHour) settlements.push({ time: hour * HOUR, rate: hour / 1e6 });
  }
  return { settlements, coveredFrom: fromHour * HOUR, coveredTo: toHour * HOUR };
}

function storageLog() {
  const told: HistoryStorage[] = [];
  return { told, onStorage: (storage: HistoryStorage) => told.push(storage) };
}

describe('the settlement cache', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps a span across visits, joins one that adjoins it, and says it is persistent', async () => {
    freshIndexedDb();
    const first = storageLog();
    const cache = await openSettlementCache(first.onStorage);
    await cache.write('binance:BTCUSDT', span(0, 80));
    await cache.write('binance:BTCUSDT', span(80, 160));
    expect(first.told).toEqual([{ state: 'persistent' }]);

    // Another visit over the same IndexedDB.
    const again = await openSettlementCache(storageLog().onStorage);
    const kept = await again.read('binance:BTCUSDT');
    expect(kept).toEqual(span(0, 160));
    expect(kept!.settlements.map((settlement) => settlement.time / HOUR)).toEqual([8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120, 128, 136, 144, 152, 160]);
    expect(await again.read('okx:BTC-USDT-SWAP')).toBeNull();
  });

  it('keeps the newer of two spans that do not touch, never one with a hole between them', async () => {
    freshIndexedDb();
    const cache = await openSettlementCache(storageLog().onStorage);
    await cache.write('okx:ETH-USDT-SWAP', span(0, 80));
    await cache.write('okx:ETH-USDT-SWAP', span(200, 280));
    expect(await cache.read('okx:ETH-USDT-SWAP')).toEqual(span(200, 280));
  });

  it('a record it did not write (another version, a broken one) reads as nothing: asked again, never shown', async () => {
    freshIndexedDb();
    const cache = await openSettlementCache(storageLog().onStorage);
    await cache.write('binance:ETHUSDT', span(0, 80));
    const db = await openDB('funding-desk-history', CACHE_VERSION);
    await db.put('fundingSpans', { key: 'binance:ETHUSDT', settlements: [{ time: 'soon', rate: 0.0001 }], coveredFrom: 0, coveredTo: 1 });
    db.close();
    expect(await cache.read('binance:ETHUSDT')).toBeNull();
  });

  it('with no IndexedDB, or one that refuses to open, keeps the history in memory and says so once', async () => {
    const refusals: [unknown, string][] = [
      [undefined, 'this browser has no IndexedDB'],
      [{ open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } }, 'the browser keeps no storage here (a private window?)'],
    ];
    for (const [factory, detail] of refusals) {
      globalThis.indexedDB = factory as IDBFactory;
      const log = storageLog();
      const cache = await openSettlementCache(log.onStorage);
      await cache.write('binance:BTCUSDT', span(0, 80));
      expect(await cache.read('binance:BTCUSDT')).toEqual(span(0, 80));
      expect(log.told).toEqual([{ state: 'memory', detail }]);
    }
  });

  it('a database a newer version left behind fails to open (asynchronously): memory, said once', async () => {
    freshIndexedDb();
    (await openDB('funding-desk-history', CACHE_VERSION + 1)).close();
    const log = storageLog();
    const cache = await openSettlementCache(log.onStorage);
    await cache.write('okx:BTC-USDT-SWAP', span(0, 40));
    expect(await cache.read('okx:BTC-USDT-SWAP')).toEqual(span(0, 40));
    expect(log.told).toHaveLength(1);
    expect(log.told[0]!.state).toBe('memory');
  });

  it('a write the browser refuses (storage full) moves to memory, keeps the span, and says so once', async () => {
    freshIndexedDb();
    const log = storageLog();
    const cache = await openSettlementCache(log.onStorage);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await cache.write('binance:BTCUSDT', span(0, 80));
    await cache.write('binance:BTCUSDT', span(80, 120));
    expect(await cache.read('binance:BTCUSDT')).toEqual(span(0, 120));
    expect(log.told).toEqual([{ state: 'persistent' }, { state: 'memory', detail: "the browser's storage for this site is full" }]);
  });
});
