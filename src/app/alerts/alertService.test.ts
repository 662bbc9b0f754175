import { beforeEach, describe, expect, it } from 'vitest';
import { exportRules } from '../../domain/alerts/importRules';
import { INITIAL_SUBJECT_STATE } from '../../domain/alerts/evaluate';
import { ruleFingerprint, type RuleStates } from '../../domain/alerts/evaluateRules';
import type { AlertCondition, AlertRule, FiredAlert } from '../../domain/alerts/rule';
import { useAlertsStore, type NotificationAccess } from '../../store/alertsStore';
import { freshIndexedDb } from '../fundingHistory/testing/fakeVenues';
import { openAlertDatabase } from './alertDatabase';
import { createAlertService, MAX_TOASTS, type AlertService } from './alertService';

const above30: AlertCondition = { kind: 'funding-level', target: { scope: 'contract', contract: { exchange: 'binance', symbol: 'BTCUSDT' } }, basis: 'current', side: 'above', level: 0.3 };
const okxDown: AlertCondition = { kind: 'link-down', exchange: 'okx', minutes: 5 };

function fired(id: string, time: number): FiredAlert {
  return { id, ruleId: 'rule-1', time, subject: { kind: 'exchange', exchange: 'okx' }, values: { kind: 'link-down', state: 'down', downSince: time - 300_000 }, text: `OKX down ${id}` };
}

/** A service over a fresh fake IndexedDB, with what it told the workers and how often it asked for permission. */
function harness(answer: NotificationAccess = 'granted', access: NotificationAccess = 'default') {
  const told: AlertRule[][] = [];
  const toldStates: RuleStates[] = [];
  const asked: number[] = [];
  let ids = 0;
  let sound = false;
  const make = (): AlertService =>
    createAlertService({
      openDatabase: openAlertDatabase,
      tellWorkers: (rules, keptStates) => {
        told.push([...rules]);
        toldStates.push(new Map(keptStates()));
      },
      access: {
        current: () => access,
        request: () => {
          asked.push(1);
          return Promise.resolve(answer);
        },
      },
      sound: { read: () => sound, write: (on) => (sound = on) },
      now: () => 1_000,
      newId: () => `rule-${++ids}`,
    });
  return { told, toldStates, asked, make };
}

const storeRules = () => useAlertsStore.getState().rules;

beforeEach(() => {
  freshIndexedDb();
  useAlertsStore.setState(useAlertsStore.getInitialState(), true);
});

describe('the alert service', () => {
  it('loads nothing on a first visit, reads the permission without asking, and tells the workers', async () => {
    const { told, asked, make } = harness('granted', 'denied');
    await make().start();
    expect(storeRules()).toEqual([]);
    expect(useAlertsStore.getState()).toMatchObject({ notifications: 'denied', storage: { state: 'persistent' }, sound: false });
    expect(told).toEqual([[]]);
    expect(asked).toEqual([]);
  });

  it('creates a rule with the defaults, saves it, tells the workers, and asks for permission once', async () => {
    const { told, asked, make } = harness('granted');
    const service = make();
    await service.start();
    const rule = service.addRule(above30);
    expect(rule).toEqual({ id: 'rule-1', condition: above30, paused: false, hysteresis: 0.05, cooldownMs: 900_000, createdAt: 1_000 });
    service.addRule(okxDown);
    await service.settled();
    expect(asked).toEqual([1]);
    expect(useAlertsStore.getState().notifications).toBe('granted');
    expect(told.at(-1)!.map((held) => held.id)).toEqual(['rule-1', 'rule-2']);

    // A reload: the same database, a new page.
    useAlertsStore.setState(useAlertsStore.getInitialState(), true);
    await make().start();
    expect(storeRules()!.map((held) => held.id)).toEqual(['rule-1', 'rule-2']);
  });

  it('records a refused permission in the store', async () => {
    const { make } = harness('denied');
    const service = make();
    await service.start();
    service.addRule(above30);
    await service.settled();
    await Promise.resolve();
    expect(useAlertsStore.getState().notifications).toBe('denied');
  });

  it('updates, pauses and removes rules, saving and telling each change', async () => {
    const { told, make } = harness();
    const service = make();
    await service.start();
    const first = service.addRule(above30);
    service.addRule(okxDown);
    service.updateRule({ ...first, cooldownMs: 1_000 });
    service.setRulePaused('rule-2', true);
    expect(storeRules()!.map((rule) => [rule.id, rule.cooldownMs, rule.paused])).toEqual([
      ['rule-1', 1_000, false],
      ['rule-2', 900_000, true],
    ]);
    service.removeRule('rule-1');
    expect(told.at(-1)!.map((rule) => rule.id)).toEqual(['rule-2']);
    await service.settled();
    useAlertsStore.setState(useAlertsStore.getInitialState(), true);
    await make().start();
    expect(storeRules()).toEqual([{ id: 'rule-2', condition: okxDown, paused: true, hysteresis: 0.05, cooldownMs: 900_000, createdAt: 1_000 }]);
  });

  it('imports by merging on id, and refuses a bad file whole', async () => {
    const { told, make } = harness();
    const service = make();
    await service.start();
    service.addRule(above30);
    service.addRule(okxDown);
    const replaced: AlertRule = { id: 'rule-2', condition: okxDown, paused: false, hysteresis: 0.05, cooldownMs: 1_000, createdAt: 5 };
    const added: AlertRule = { id: 'other', condition: { ...above30, level: 0.5 }, paused: false, hysteresis: 0.1, cooldownMs: 0, createdAt: 6 };
    const result = service.importRulesText(exportRules([added, replaced]));
    expect(result).toEqual({ ok: true, rules: [added, replaced] });
    expect(storeRules()!.map((rule) => [rule.id, rule.cooldownMs])).toEqual([
      ['rule-1', 900_000],
      ['rule-2', 1_000],
      ['other', 0],
    ]);
    const toldBefore = told.length;
    expect(service.importRulesText('{"format":"funding-desk-alert-rules","version":1,"rules":[{"id":"x"}]}')).toEqual({
      ok: false,
      message: 'Rule 1 (id "x"): condition must be an object.',
    });
    expect(storeRules()).toHaveLength(3);
    expect(told).toHaveLength(toldBefore);
    expect(JSON.parse(service.exportRulesText()).rules.map((rule: AlertRule) => rule.id)).toEqual(['rule-1', 'rule-2', 'other']);
  });

  it('refuses a change before the rules are loaded', () => {
    const { make } = harness();
    expect(() => make().addRule(above30)).toThrow(/not loaded/);
  });

  it('records fired alerts newest first, as toasts and unseen, and keeps them across a reload', async () => {
    const { make } = harness();
    const service = make();
    await service.start();
    service.record([fired('a', 1), fired('b', 3)]);
    service.record([fired('c', 2)]);
    expect(useAlertsStore.getState().fired.map((alert) => alert.id)).toEqual(['c', 'b', 'a']);
    expect(useAlertsStore.getState().unseen).toBe(3);
    expect(useAlertsStore.getState().toasts.map((alert) => alert.id)).toEqual(['a', 'b', 'c']);
    service.dismissToast('b');
    expect(useAlertsStore.getState().toasts.map((alert) => alert.id)).toEqual(['a', 'c']);
    service.record(Array.from({ length: MAX_TOASTS }, (_, index) => fired(`n${index}`, 10 + index)));
    expect(useAlertsStore.getState().toasts.map((alert) => alert.id)).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
    service.markAlertsSeen();
    expect(useAlertsStore.getState().unseen).toBe(0);
    await service.settled();

    useAlertsStore.setState(useAlertsStore.getInitialState(), true);
    await make().start();
    expect(useAlertsStore.getState().fired.map((alert) => alert.id)).toEqual(['n4', 'n3', 'n2', 'n1', 'n0', 'b', 'c', 'a']);
  });

  it('keeps the sound choice for the next visit', async () => {
    const { make } = harness();
    const service = make();
    await service.start();
    service.setAlertSound(true);
    expect(useAlertsStore.getState().sound).toBe(true);
    useAlertsStore.setState(useAlertsStore.getInitialState(), true);
    await make().start();
    expect(useAlertsStore.getState().sound).toBe(true);
  });

  it('keeps the rule states the workers send across a reload, and drops those of a rule removed', async () => {
    const { toldStates, make } = harness();
    const service = make();
    await service.start();
    const hot = service.addRule(above30);
    const down = service.addRule(okxDown);
    const firedState = { ...INITIAL_SUBJECT_STATE, armed: false, lastFiredAt: 900 };
    service.recordStates([
      { ruleId: hot.id, fingerprint: ruleFingerprint(hot), subjects: [['contract:binance:BTCUSDT', firedState]] },
      // A link's state is the page's own: never kept.
      { ruleId: down.id, fingerprint: ruleFingerprint(down), subjects: [['exchange:okx', firedState]] },
    ]);
    await service.settled();

    useAlertsStore.setState(useAlertsStore.getInitialState(), true);
    const reloaded = make();
    await reloaded.start();
    const restored = toldStates.at(-1)!;
    expect([...restored.keys()]).toEqual([hot.id]);
    expect(restored.get(hot.id)!.subjects.get('contract:binance:BTCUSDT')).toEqual(firedState);

    reloaded.removeRule(hot.id);
    expect(toldStates.at(-1)!.size).toBe(0);
    await reloaded.settled();
    useAlertsStore.setState(useAlertsStore.getInitialState(), true);
    await make().start();
    expect(toldStates.at(-1)!.size).toBe(0);
  });
});
