import type { RuleStateChange, RuleStates } from '../../domain/alerts/evaluateRules';
import { exportRules, importRules, type RulesImport } from '../../domain/alerts/importRules';
import { applyStateChanges, pruneStates } from '../../domain/alerts/ruleMemory';
import { DEFAULT_COOLDOWN_MS, DEFAULT_HYSTERESIS, type AlertCondition, type AlertRule, type FiredAlert } from '../../domain/alerts/rule';
import { useAlertsStore, type AlertStorage, type NotificationAccess } from '../../store/alertsStore';
import { MAX_FIRED_ALERTS, type AlertDatabase } from './alertDatabase';

/** The toasts on screen at once: an older one gives way to a newer one. */
export const MAX_TOASTS = 5;

/** The browser's desktop-notification permission. */
export interface NotificationAccessPort {
  current(): NotificationAccess;
  /** Asks the trader; only from a click, or the browser refuses to ask. */
  request(): Promise<NotificationAccess>;
}

export interface AlertServiceOptions {
  openDatabase: (onStorage: (storage: AlertStorage) => void) => Promise<AlertDatabase>;
  /** `keptStates` reads the rule states kept so far: a thread that holds none of a rule's resumes from them. */
  tellWorkers: (rules: readonly AlertRule[], keptStates: () => RuleStates) => void;
  access: NotificationAccessPort;
  /** Whether the trader wants the tone, kept for the next visit. */
  sound: { read(): boolean; write(on: boolean): void };
  now: () => number;
  newId: () => string;
}

/** What the Alerts panel calls; every change to the rules is saved and told to the workers. */
export interface AlertService {
  /** Opens the database (once) and loads its rules and fired alerts into the store; resolves when they are. */
  start(): Promise<void>;
  addRule(condition: AlertCondition): AlertRule;
  updateRule(rule: AlertRule): void;
  removeRule(id: string): void;
  setRulePaused(id: string, paused: boolean): void;
  importRulesText(text: string): RulesImport;
  exportRulesText(): string;
  markAlertsSeen(): void;
  dismissToast(id: string): void;
  setAlertSound(on: boolean): void;
  /** Fired alerts into the history (newest first), the toasts and the unseen count, and the database. */
  record(alerts: readonly FiredAlert[]): void;
  /** Rule states that moved, kept (and saved) so that a reload neither re-fires a condition still true nor forgets a firing. */
  recordStates(changes: readonly RuleStateChange[]): void;
  /** Resolves once every write asked for so far is done. */
  settled(): Promise<void>;
}

/** The rules with `incoming` merged by id: a same id is replaced where it stands, a new one appended. */
function mergeById(rules: readonly AlertRule[], incoming: readonly AlertRule[]): AlertRule[] {
  const byId = new Map(incoming.map((rule) => [rule.id, rule]));
  const kept = rules.map((rule) => byId.get(rule.id) ?? rule);
  const held = new Set(rules.map((rule) => rule.id));
  return [...kept, ...incoming.filter((rule) => !held.has(rule.id))];
}

export function createAlertService(options: AlertServiceOptions): AlertService {
  let database: Promise<AlertDatabase> | null = null;
  let loaded: Promise<void> | null = null;
  let writes: Promise<void> = Promise.resolve();
  let askedAccess = false;
  const ruleStates: RuleStates = new Map();
  const keptStates = (): RuleStates => ruleStates;

  const write = (step: (db: AlertDatabase) => Promise<void>): void => {
    const opened = database;
    if (!opened) return;
    writes = writes.then(async () => step(await opened));
  };

  const loadedRules = (): AlertRule[] => {
    const { rules } = useAlertsStore.getState();
    if (rules === null) throw new Error('The alert rules are not loaded yet: call startAlerts first and wait for them.');
    return rules;
  };

  const dropStatesNotUsedBy = (rules: readonly AlertRule[]): void => {
    const dropped = pruneStates(ruleStates, rules);
    if (dropped.length > 0) write((db) => db.saveRuleStates([], dropped));
  };

  const changeRules = (rules: AlertRule[]): void => {
    useAlertsStore.setState({ rules });
    dropStatesNotUsedBy(rules);
    options.tellWorkers(rules, keptStates);
    write((db) => db.saveRules(rules));
  };

  // Only once per page, and only from a click: the browser asks no one on load.
  const askAccessOnce = (): void => {
    if (askedAccess || useAlertsStore.getState().notifications !== 'default') return;
    askedAccess = true;
    void options.access.request().then((notifications) => useAlertsStore.setState({ notifications }));
  };

  return {
    start() {
      if (loaded) return loaded;
      useAlertsStore.setState({ notifications: options.access.current(), sound: options.sound.read() });
      const opened = options.openDatabase((storage) => useAlertsStore.setState({ storage }));
      database = opened;
      loaded = opened.then((db) => {
        const rules = db.rules();
        for (const [id, memory] of db.ruleStates()) ruleStates.set(id, memory);
        dropStatesNotUsedBy(rules);
        useAlertsStore.setState({ rules, fired: db.fired() });
        options.tellWorkers(rules, keptStates);
      });
      return loaded;
    },

    addRule(condition) {
      const rule: AlertRule = { id: options.newId(), condition, paused: false, hysteresis: DEFAULT_HYSTERESIS, cooldownMs: DEFAULT_COOLDOWN_MS, createdAt: options.now() };
      changeRules([...loadedRules(), rule]);
      askAccessOnce();
      return rule;
    },

    updateRule(rule) {
      changeRules(loadedRules().map((held) => (held.id === rule.id ? rule : held)));
    },

    removeRule(id) {
      changeRules(loadedRules().filter((rule) => rule.id !== id));
    },

    setRulePaused(id, paused) {
      changeRules(loadedRules().map((rule) => (rule.id === id ? { ...rule, paused } : rule)));
    },

    importRulesText(text) {
      const rules = loadedRules();
      const imported = importRules(text, options.now());
      if (!imported.ok) return imported;
      changeRules(mergeById(rules, imported.rules));
      if (imported.rules.length > 0) askAccessOnce();
      return imported;
    },

    exportRulesText() {
      return exportRules(useAlertsStore.getState().rules ?? []);
    },

    markAlertsSeen() {
      useAlertsStore.setState({ unseen: 0 });
    },

    dismissToast(id) {
      useAlertsStore.setState((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }));
    },

    setAlertSound(on) {
      useAlertsStore.setState({ sound: on });
      options.sound.write(on);
    },

    record(alerts) {
      if (alerts.length === 0) return;
      const newest = [...alerts].sort((a, b) => b.time - a.time);
      useAlertsStore.setState((state) => ({
        fired: [...newest, ...state.fired].slice(0, MAX_FIRED_ALERTS),
        toasts: [...state.toasts, ...alerts].slice(-MAX_TOASTS),
        unseen: state.unseen + alerts.length,
      }));
      write((db) => db.appendFired(alerts));
    },

    recordStates(changes) {
      const rules = useAlertsStore.getState().rules;
      if (rules === null) return;
      const kept = applyStateChanges(ruleStates, changes, rules);
      if (kept.length > 0) write((db) => db.saveRuleStates(kept, []));
    },

    settled() {
      return writes;
    },
  };
}
