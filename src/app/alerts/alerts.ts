import type { RulesImport } from '../../domain/alerts/importRules';
import type { AlertCondition, AlertRule } from '../../domain/alerts/rule';
import { useAlertsStore, type NotificationAccess } from '../../store/alertsStore';
import { useCarrySettingsStore } from '../../store/carrySettingsStore';
import { browserStorage, readStoredJson, writeStoredJson } from '../browserStorage';
import { freshPerpRows, listenToBatches, tellWorkersRules } from '../workerClient';
import { openAlertDatabase } from './alertDatabase';
import { createAlertService, type AlertService, type NotificationAccessPort } from './alertService';
import { createAlertTone } from './alertTone';
import { CarryWatch } from './carryWatch';
import { deliverAlerts, watchTitle, type AlertDeliveryOptions, type DesktopNotice } from './delivery';

const SOUND_KEY = 'funding-desk.alert-sound';

const browserAccess: NotificationAccessPort = {
  current: (): NotificationAccess => (typeof Notification === 'undefined' ? 'unsupported' : Notification.permission),
  request: async (): Promise<NotificationAccess> => {
    if (typeof Notification === 'undefined') return 'unsupported';
    try {
      return await Notification.requestPermission();
    } catch {
      return Notification.permission;
    }
  },
};

function showNotice(notice: DesktopNotice): void {
  try {
    const notification = new Notification(notice.title, { body: notice.body, tag: notice.tag });
    notification.onclick = () => {
      notice.onClick();
      notification.close();
    };
  } catch {
    // Some browsers (Chrome on Android) allow notifications only from a service worker: the toast still tells.
  }
}

const tone = createAlertTone(() => new AudioContext());

/** Carry rules read both venues' rows: the page, not a worker, answers them. */
const carryWatch = new CarryWatch();

const service: AlertService = createAlertService({
  openDatabase: openAlertDatabase,
  tellWorkers: (rules, keptStates) => {
    tellWorkersRules(rules, keptStates);
    carryWatch.setRules(rules, keptStates());
  },
  access: browserAccess,
  sound: {
    read: () => readStoredJson(browserStorage(), SOUND_KEY) === true,
    write: (on) => writeStoredJson(browserStorage(), SOUND_KEY, on),
  },
  now: () => Date.now(),
  newId: () => crypto.randomUUID(),
});

let started = false;

/**
 * Starts the alerts, once: opens the alert database, loads its rules and fired alerts into
 * `useAlertsStore`, reads the notification permission (never asks), tells the workers the rules,
 * and from then on delivers what fires (toasts, title count, desktop notifications, tone).
 * `navigate` opens a notification's view in the app (else the page loads that address).
 */
export function startAlerts(navigate: (path: string) => void = (path) => window.location.assign(path)): void {
  if (started) return;
  started = true;
  void service.start();
  watchTitle(document);
  const delivery: AlertDeliveryOptions = { notify: showNotice, tone: () => tone.play(), focus: () => window.focus(), navigate };
  listenToBatches((batch) => {
    const carried = carryWatch.check(Date.now(), useAlertsStore.getState().rules ?? [], () => ({
      perps: Object.values(freshPerpRows()),
      settings: useCarrySettingsStore.getState().settings,
    }));
    service.recordStates([...batch.ruleStates, ...carryWatch.takeStateChanges()]);
    const alerts = carried.length === 0 ? batch.alerts : [...batch.alerts, ...carried];
    if (alerts.length === 0) return;
    service.record(alerts);
    deliverAlerts(alerts, delivery);
  });
}

/**
 * A new rule with the defaults (band `DEFAULT_HYSTERESIS`, cooldown `DEFAULT_COOLDOWN_MS`), appended.
 * The first one created on this page asks for notification permission: call it from a click.
 * Throws while the rules are not loaded (`rules` null in the store).
 */
export function addRule(condition: AlertCondition): AlertRule {
  return service.addRule(condition);
}

/** Replaces the rule of the same id, where it stands (an edited condition or band starts afresh). */
export function updateRule(rule: AlertRule): void {
  service.updateRule(rule);
}

export function removeRule(id: string): void {
  service.removeRule(id);
}

export function setRulePaused(id: string, paused: boolean): void {
  service.setRulePaused(id, paused);
}

/**
 * Reads an exported rules file. A file with any bad rule is refused whole, with `importRules`'
 * message, and nothing changes; else its rules are merged by id: one with an id already held
 * replaces that rule where it stands, the others are appended in the file's order.
 */
export function importRulesText(text: string): RulesImport {
  return service.importRulesText(text);
}

/** Every rule as a versioned JSON file that `importRulesText` reads back. */
export function exportRulesText(): string {
  return service.exportRulesText();
}

/** The trader has looked at the fired alerts: the unseen count and the title's count clear. */
export function markAlertsSeen(): void {
  service.markAlertsSeen();
}

export function dismissToast(id: string): void {
  service.dismissToast(id);
}

/** The tone on or off, kept for the next visit; call it from a click, so the browser lets the page make sound. */
export function setAlertSound(on: boolean): void {
  service.setAlertSound(on);
  if (on) tone.prime();
}
