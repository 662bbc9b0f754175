import type { AlertStorage } from '../../store/alertsStore';
import type { DBSchema, IDBPDatabase } from 'idb';
import { checkRule } from '../../domain/alerts/importRules';
import type { SubjectState } from '../../domain/alerts/evaluate';
import { ruleFingerprint, type RuleStateChange, type RuleStates } from '../../domain/alerts/evaluateRules';
import { applyStateChanges, keepsStateAcrossPages } from '../../domain/alerts/ruleMemory';
import type { AlertRule, FiredAlert } from '../../domain/alerts/rule';
import { openBrowserDatabase, storageRefusal } from '../browserDatabase';

const DB_NAME = 'funding-desk-alerts';
/** Raise it with an upgrade step whenever a stored record changes shape. */
export const ALERT_DB_VERSION = 2;
const RULES = 'rules';
const FIRED = 'fired';
/** Since version 2: where each rule stands on each subject, so a reload neither re-fires nor forgets a firing. */
const RULE_STATES = 'ruleStates';

/** A subject state's key: its rule's id first, so a rule's states are one key range. */
function stateKey(ruleId: string, subjectKey: string): string {
  return `${ruleId}\u0000${subjectKey}`;
}

function ruleStateRange(ruleId: string): IDBKeyRange {
  return IDBKeyRange.bound(`${ruleId}\u0000`, `${ruleId}\u0001`, false, true);
}

/** The newest fired alerts kept; older ones are dropped as new ones come. */
export const MAX_FIRED_ALERTS = 200;

/** A rule and its place in the panel's list. */
interface StoredRule {
  id: string;
  position: number;
  rule: AlertRule;
}

/** One rule's state on one subject, under the rule's condition it was built with. */
interface StoredSubjectState {
  key: string;
  ruleId: string;
  fingerprint: string;
  subject: string;
  state: SubjectState;
}

interface AlertDb extends DBSchema {
  [RULES]: { key: string; value: StoredRule };
  [FIRED]: { key: string; value: FiredAlert };
  [RULE_STATES]: { key: string; value: StoredSubjectState };
}


export interface AlertDatabase {
  /** In the order they were saved. */
  rules(): AlertRule[];
  /** Newest first, at most `MAX_FIRED_ALERTS`. */
  fired(): FiredAlert[];
  /** Replaces every rule with these, in one transaction: all or nothing. Never rejects. */
  saveRules(rules: readonly AlertRule[]): Promise<void>;
  /** Adds alerts, keeping only the newest `MAX_FIRED_ALERTS`. Never rejects. */
  appendFired(alerts: readonly FiredAlert[]): Promise<void>;
  /** The states of the rules held, under their current conditions, as last saved. */
  ruleStates(): RuleStates;
  /** Writes the subject states that moved and deletes every state of the `dropped` rules, in one transaction. Never rejects. */
  saveRuleStates(changes: readonly RuleStateChange[], dropped: readonly string[]): Promise<void>;
}

const SUBJECT_KINDS = new Set(['contract', 'pair', 'chain', 'exchange']);
const VALUE_KINDS = new Set(['level', 'sign-change', 'settlement', 'interval-change', 'link-down']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stored alert, or null when it is not one this version wrote: a bad record is left out, never shown. */
function firedAlertOf(value: unknown): FiredAlert | null {
  if (!isRecord(value)) return null;
  const { id, ruleId, time, subject, values, text } = value;
  if (typeof id !== 'string' || typeof ruleId !== 'string' || typeof text !== 'string') return null;
  if (typeof time !== 'number' || !Number.isFinite(time)) return null;
  if (!isRecord(subject) || !SUBJECT_KINDS.has(subject.kind as string)) return null;
  if (!isRecord(values) || !VALUE_KINDS.has(values.kind as string)) return null;
  return value as unknown as FiredAlert;
}

const isTimeOrNull = (value: unknown): boolean => value === null || (typeof value === 'number' && Number.isFinite(value));

function subjectStateOf(value: unknown): SubjectState | null {
  if (!isRecord(value) || typeof value.armed !== 'boolean') return null;
  const { lastFiredAt, reportedRate, reportedHours, alertedSettlement, downSince } = value;
  if (![lastFiredAt, reportedRate, reportedHours, alertedSettlement, downSince].every(isTimeOrNull)) return null;
  return { armed: value.armed, lastFiredAt, reportedRate, reportedHours, alertedSettlement, downSince } as SubjectState;
}

/** A stored subject state, or null when it is not one this version wrote (that subject starts afresh). */
function storedStateOf(value: unknown): StoredSubjectState | null {
  if (!isRecord(value) || typeof value.ruleId !== 'string' || typeof value.fingerprint !== 'string' || typeof value.subject !== 'string' || typeof value.key !== 'string') return null;
  const state = subjectStateOf(value.state);
  return state ? { key: value.key, ruleId: value.ruleId, fingerprint: value.fingerprint, subject: value.subject, state } : null;
}

function newestFirst(alerts: readonly FiredAlert[]): FiredAlert[] {
  return [...alerts].sort((a, b) => b.time - a.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * What this page holds, written through to IndexedDB while it works; at its first failure the page
 * carries on from what it holds, said once.
 */
class BrowserAlertDatabase implements AlertDatabase {
  private heldRules: AlertRule[];
  private heldFired: FiredAlert[];
  private readonly heldStates: RuleStates;

  constructor(
    private db: IDBPDatabase<AlertDb> | null,
    held: StoredAlerts,
    private readonly onStorage: (storage: AlertStorage) => void,
  ) {
    this.heldRules = held.rules;
    this.heldFired = newestFirst(held.fired).slice(0, MAX_FIRED_ALERTS);
    this.heldStates = held.ruleStates;
  }

  degrade(detail: string): void {
    if (this.db === null) return;
    this.db.close();
    this.db = null;
    this.onStorage({ state: 'memory', detail });
  }

  rules(): AlertRule[] {
    return [...this.heldRules];
  }

  fired(): FiredAlert[] {
    return [...this.heldFired];
  }

  async saveRules(rules: readonly AlertRule[]): Promise<void> {
    this.heldRules = [...rules];
    const db = this.db;
    if (!db) return;
    const transaction = db.transaction(RULES, 'readwrite');
    await this.commit(transaction, [() => transaction.store.clear(), ...rules.map((rule, position) => () => transaction.store.put({ id: rule.id, position, rule }))]);
  }

  async appendFired(alerts: readonly FiredAlert[]): Promise<void> {
    const held = new Set(this.heldFired.map((alert) => alert.id));
    const added = alerts.filter((alert) => !held.has(alert.id));
    const ordered = newestFirst([...added, ...this.heldFired]);
    this.heldFired = ordered.slice(0, MAX_FIRED_ALERTS);
    const kept = new Set(this.heldFired.map((alert) => alert.id));
    const db = this.db;
    if (!db) return;
    const transaction = db.transaction(FIRED, 'readwrite');
    await this.commit(transaction, [
      ...added.filter((alert) => kept.has(alert.id)).map((alert) => () => transaction.store.put(alert)),
      ...ordered.slice(MAX_FIRED_ALERTS).map((alert) => () => transaction.store.delete(alert.id)),
    ]);
  }

  ruleStates(): RuleStates {
    return new Map([...this.heldStates].map(([id, memory]) => [id, { fingerprint: memory.fingerprint, subjects: new Map(memory.subjects) }]));
  }

  async saveRuleStates(changes: readonly RuleStateChange[], dropped: readonly string[]): Promise<void> {
    for (const ruleId of dropped) this.heldStates.delete(ruleId);
    applyStateChanges(this.heldStates, changes, this.heldRules);
    const db = this.db;
    if (!db) return;
    const transaction = db.transaction(RULE_STATES, 'readwrite');
    await this.commit(transaction, [
      ...dropped.map((ruleId) => () => transaction.store.delete(ruleStateRange(ruleId))),
      ...changes.flatMap(({ ruleId, fingerprint, subjects }) =>
        subjects.map(([subject, state]) => () => transaction.store.put({ key: stateKey(ruleId, subject), ruleId, fingerprint, subject, state })),
      ),
    ]);
  }

  async deleteStates(keys: readonly string[]): Promise<void> {
    const db = this.db;
    if (!db) return;
    const transaction = db.transaction(RULE_STATES, 'readwrite');
    await this.commit(transaction, keys.map((key) => () => transaction.store.delete(key)));
  }

  /** Issues the requests in one transaction; at a refusal it undoes them all (a save is all or nothing) and carries on in memory. */
  private async commit(transaction: { abort(): void; done: Promise<void> }, requests: readonly (() => Promise<unknown>)[]): Promise<void> {
    const issued: Promise<unknown>[] = [];
    try {
      for (const request of requests) issued.push(request());
      await Promise.all(issued);
      await transaction.done;
    } catch (error) {
      // The abort rejects every request still pending: each is answered here, not left unhandled.
      for (const pending of [...issued, transaction.done]) pending.catch(() => undefined);
      try {
        transaction.abort();
      } catch {
        // Already finished or aborted by the browser: nothing of it to undo.
      }
      this.degrade(storageRefusal(error));
    }
  }
}

interface StoredAlerts {
  rules: AlertRule[];
  fired: FiredAlert[];
  ruleStates: RuleStates;
  /** Subject states no rule held can use (a rule edited or removed by an older page): deleted once open. */
  staleStateKeys: string[];
}

async function readAll(db: IDBPDatabase<AlertDb>): Promise<StoredAlerts> {
  const transaction = db.transaction([RULES, FIRED, RULE_STATES]);
  const [stored, fired, memories] = await Promise.all([
    transaction.objectStore(RULES).getAll(),
    transaction.objectStore(FIRED).getAll(),
    transaction.objectStore(RULE_STATES).getAll(),
  ]);
  await transaction.done;
  const now = Date.now();
  const rules = stored
    .filter((record) => typeof record?.position === 'number')
    .sort((a, b) => a.position - b.position)
    .flatMap((record) => {
      const check = checkRule(record.rule, now);
      return check.ok ? [check.rule] : [];
    });
  const current = new Map(rules.filter(keepsStateAcrossPages).map((rule) => [rule.id, ruleFingerprint(rule)]));
  const ruleStates: RuleStates = new Map();
  const staleStateKeys: string[] = [];
  for (const value of memories) {
    const stored = storedStateOf(value);
    if (!stored || current.get(stored.ruleId) !== stored.fingerprint) {
      if (isRecord(value) && typeof value.key === 'string') staleStateKeys.push(value.key);
      continue;
    }
    let memory = ruleStates.get(stored.ruleId);
    if (!memory) {
      memory = { fingerprint: stored.fingerprint, subjects: new Map() };
      ruleStates.set(stored.ruleId, memory);
    }
    memory.subjects.set(stored.subject, stored.state);
  }
  return { rules, fired: fired.flatMap((value) => firedAlertOf(value) ?? []), ruleStates, staleStateKeys };
}

/**
 * The alert database, loaded: IndexedDB when the browser opens it, else this page's memory, and
 * `onStorage` told which (and why) once. Never rejects.
 */
export async function openAlertDatabase(onStorage: (storage: AlertStorage) => void): Promise<AlertDatabase> {
  const memoryOnly = (detail: string): AlertDatabase => {
    onStorage({ state: 'memory', detail });
    return new BrowserAlertDatabase(null, { rules: [], fired: [], ruleStates: new Map(), staleStateKeys: [] }, onStorage);
  };
  let store: BrowserAlertDatabase | null = null;
  const opened = await openBrowserDatabase<AlertDb>({
    name: DB_NAME,
    version: ALERT_DB_VERSION,
    upgrade: (db) => {
      if (!db.objectStoreNames.contains(RULES)) db.createObjectStore(RULES, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(FIRED)) db.createObjectStore(FIRED, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(RULE_STATES)) db.createObjectStore(RULE_STATES, { keyPath: 'key' });
    },
    called: 'alert database',
    onLost: (detail) => store?.degrade(detail),
  });
  if ('refused' in opened) return memoryOnly(opened.refused);
  try {
    const held = await readAll(opened.db);
    store = new BrowserAlertDatabase(opened.db, held, onStorage);
    onStorage({ state: 'persistent' });
    if (held.staleStateKeys.length > 0) void store.deleteStates(held.staleStateKeys);
    return store;
  } catch (error) {
    opened.db.close();
    return memoryOnly(storageRefusal(error));
  }
}
