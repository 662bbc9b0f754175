import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ruleFingerprint } from '../../domain/alerts/evaluateRules';
import type { AlertRule, FiredAlert } from '../../domain/alerts/rule';
import { freshIndexedDb } from '../fundingHistory/testing/fakeVenues';
import type { AlertStorage } from '../../store/alertsStore';
import { ALERT_DB_VERSION, MAX_FIRED_ALERTS, openAlertDatabase } from './alertDatabase';

function levelRule(id: string, level: number): AlertRule {
  return {
    id,
    condition: { kind: 'funding-level', target: { scope: 'every' }, basis: 'current', side: 'above', level },
    paused: false,
    hysteresis: 0.05,
    cooldownMs: 900_000,
    createdAt: 1,
  };
}

const downRule: AlertRule = { id: 'down', condition: { kind: 'link-down', exchange: 'okx', minutes: 5 }, paused: true, hysteresis: 0.05, cooldownMs: 0, createdAt: 2 };

function alert(time: number): FiredAlert {
  return {
    id: `down|exchange:okx|${time}`,
    ruleId: 'down',
    time,
    subject: { kind: 'exchange', exchange: 'okx' },
    values: { kind: 'link-down', state: 'down', downSince: time - 300_000 },
    text: 'OKX connection down for 5 minutes (down)',
  };
}

function storageLog() {
  const told: AlertStorage[] = [];
  return { told, onStorage: (storage: AlertStorage) => told.push(storage) };
}

const times = (alerts: readonly FiredAlert[]) => alerts.map((fired) => fired.time);

describe('the alert store', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps the rules in their order across a reopen, and a save replaces them all', async () => {
    freshIndexedDb();
    const log = storageLog();
    const store = await openAlertDatabase(log.onStorage);
    await store.saveRules([levelRule('z', 0.3), downRule, levelRule('a', 0.5)]);
    expect(log.told).toEqual([{ state: 'persistent' }]);
    expect((await openAlertDatabase(storageLog().onStorage)).rules()).toEqual([levelRule('z', 0.3), downRule, levelRule('a', 0.5)]);

    await store.saveRules([levelRule('a', 0.6)]);
    expect((await openAlertDatabase(storageLog().onStorage)).rules()).toEqual([levelRule('a', 0.6)]);
  });

  it('keeps only the newest 200 fired alerts, newest first, across a reopen', async () => {
    freshIndexedDb();
    const store = await openAlertDatabase(storageLog().onStorage);
    await store.appendFired(Array.from({ length: 150 }, (_, index) => alert(index)));
    // Appended out of order, then the newest again: still one each, newest first.
    await store.appendFired(Array.from({ length: 100 }, (_, index) => alert(249 - index)));
    await store.appendFired([alert(249)]);
    const expected = Array.from({ length: MAX_FIRED_ALERTS }, (_, index) => 249 - index);
    expect(times(store.fired())).toEqual(expected);
    const again = await openAlertDatabase(storageLog().onStorage);
    expect(times(again.fired())).toEqual(expected);
    expect(again.fired()[0]).toEqual(alert(249));
    // The dropped ones are deleted, not only hidden.
    const db = await openDB('funding-desk-alerts', ALERT_DB_VERSION);
    expect(await db.count('fired')).toBe(MAX_FIRED_ALERTS);
    db.close();
  });

  it('leaves out a stored record it did not write', async () => {
    freshIndexedDb();
    const store = await openAlertDatabase(storageLog().onStorage);
    await store.saveRules([levelRule('a', 0.3)]);
    await store.appendFired([alert(1)]);
    const db = await openDB('funding-desk-alerts', ALERT_DB_VERSION);
    await db.put('rules', { id: 'b', position: 1, rule: { ...levelRule('b', 0.3), condition: { kind: 'funding-level', level: 'high' } } });
    await db.put('fired', { ...alert(2), time: 'soon' });
    await db.put('fired', { ...alert(3), values: null });
    db.close();
    const again = await openAlertDatabase(storageLog().onStorage);
    expect(again.rules()).toEqual([levelRule('a', 0.3)]);
    expect(times(again.fired())).toEqual([1]);
  });

  it('with no IndexedDB, or one that refuses to open, keeps everything in memory and says so once', async () => {
    const refusals: [unknown, string][] = [
      [undefined, 'this browser has no IndexedDB'],
      [{ open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } }, 'the browser keeps no storage here (a private window?)'],
    ];
    for (const [factory, detail] of refusals) {
      globalThis.indexedDB = factory as IDBFactory;
      const log = storageLog();
      const store = await openAlertDatabase(log.onStorage);
      await store.saveRules([downRule]);
      await store.appendFired([alert(5)]);
      expect(store.rules()).toEqual([downRule]);
      expect(times(store.fired())).toEqual([5]);
      expect(log.told).toEqual([{ state: 'memory', detail }]);
    }
  });

  it('a write the browser refuses moves to memory, keeps what it holds, and says so once', async () => {
    freshIndexedDb();
    const log = storageLog();
    const store = await openAlertDatabase(log.onStorage);
    await store.saveRules([downRule]);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await store.saveRules([downRule, levelRule('a', 0.3)]);
    await store.appendFired([alert(1)]);
    expect(store.rules()).toEqual([downRule, levelRule('a', 0.3)]);
    expect(times(store.fired())).toEqual([1]);
    expect(log.told).toEqual([{ state: 'persistent' }, { state: 'memory', detail: "the browser's storage for this site is full" }]);
    // The refused save left the stored rules as they were: none of it was kept.
    vi.restoreAllMocks();
    expect((await openAlertDatabase(storageLog().onStorage)).rules()).toEqual([downRule]);
  });

  it('keeps rule states across a reopen, and a version 1 database upgrades with its rules kept', async () => {
    freshIndexedDb();
    const old = await openDB('funding-desk-alerts', 1, {
      upgrade: (db) => {
        db.createObjectStore('rules', { keyPath: 'id' });
        db.createObjectStore('fired', { keyPath: 'id' });
      },
    });
    await old.put('rules', { id: 'a', position: 0, rule: levelRule('a', 0.3) });
    old.close();

    const store = await openAlertDatabase(storageLog().onStorage);
    expect(store.rules()).toEqual([levelRule('a', 0.3)]);
    await store.saveRules([levelRule('a', 0.3), levelRule('b', 0.5)]);
    const fingerprint = ruleFingerprint(levelRule('a', 0.3));
    const state = { armed: false, lastFiredAt: 5, reportedRate: null, reportedHours: null, alertedSettlement: null, downSince: null };
    await store.saveRuleStates([{ ruleId: 'a', fingerprint, subjects: [['contract:binance:BTCUSDT', state], ['contract:okx:BTC-USDT-SWAP', state]] }], []);
    await store.saveRuleStates([{ ruleId: 'a', fingerprint, subjects: [['contract:okx:BTC-USDT-SWAP', { ...state, armed: true }]] }], []);
    const raw = await openDB('funding-desk-alerts', ALERT_DB_VERSION);
    // A bad state, and one saved under the rule's condition before an edit: both left out, and deleted.
    await raw.put('ruleStates', { key: 'a\u0000contract:binance:ETHUSDT', ruleId: 'a', fingerprint, subject: 'contract:binance:ETHUSDT', state: { ...state, armed: 'no' } });
    await raw.put('ruleStates', { key: 'b\u0000contract:binance:ETHUSDT', ruleId: 'b', fingerprint: 'before the edit', subject: 'contract:binance:ETHUSDT', state });
    raw.close();

    const again = await openAlertDatabase(storageLog().onStorage);
    expect(again.ruleStates()).toEqual(
      new Map([
        [
          'a',
          {
            fingerprint,
            subjects: new Map([
              ['contract:binance:BTCUSDT', state],
              ['contract:okx:BTC-USDT-SWAP', { ...state, armed: true }],
            ]),
          },
        ],
      ]),
    );
    await again.saveRuleStates([], ['a']);
    const check = await openDB('funding-desk-alerts', ALERT_DB_VERSION);
    expect(await check.count('ruleStates')).toBe(0);
    check.close();
  });
});
