import { ruleFingerprint, type RuleStateChange, type RuleStates } from './evaluateRules';
import type { AlertRule } from './rule';

/**
 * Whether a rule's states outlive the page: a link-down rule's do not, since a new page's links
 * start afresh, and a paused rule's do not, since a resumed rule starts armed.
 */
export function keepsStateAcrossPages(rule: AlertRule): boolean {
  return !rule.paused && rule.condition.kind !== 'link-down';
}

/**
 * Folds `changes` into `states`, in place, for the rules that keep their states (see
 * `keepsStateAcrossPages`) under their current condition; a change for any other rule (removed,
 * edited or paused since the worker sent it) is ignored. Returns the changes kept.
 */
export function applyStateChanges(states: RuleStates, changes: readonly RuleStateChange[], rules: readonly AlertRule[]): RuleStateChange[] {
  if (changes.length === 0) return [];
  const current = new Map(rules.filter(keepsStateAcrossPages).map((rule) => [rule.id, ruleFingerprint(rule)]));
  const kept = changes.filter((change) => current.get(change.ruleId) === change.fingerprint);
  for (const change of kept) {
    let memory = states.get(change.ruleId);
    if (memory?.fingerprint !== change.fingerprint) {
      memory = { fingerprint: change.fingerprint, subjects: new Map() };
      states.set(change.ruleId, memory);
    }
    for (const [key, state] of change.subjects) memory.subjects.set(key, state);
  }
  return kept;
}

/** Drops, in place, the memories no current rule can use; returns their rule ids. */
export function pruneStates(states: RuleStates, rules: readonly AlertRule[]): string[] {
  const current = new Map(rules.filter(keepsStateAcrossPages).map((rule) => [rule.id, ruleFingerprint(rule)]));
  const dropped = [...states].filter(([id, memory]) => current.get(id) !== memory.fingerprint).map(([id]) => id);
  for (const id of dropped) states.delete(id);
  return dropped;
}

/**
 * Makes `held` hold the states of the active (unpaused) rules of `rules` only: the others' are
 * dropped, and each active rule it holds none of gets a copy of its memory in `restored`, if any.
 * What a thread knows live wins over what was kept.
 */
export function holdRules(held: RuleStates, rules: readonly AlertRule[], restored: RuleStates): void {
  const active = new Set(rules.filter((rule) => !rule.paused).map((rule) => rule.id));
  for (const id of held.keys()) if (!active.has(id)) held.delete(id);
  for (const id of active) {
    const memory = restored.get(id);
    if (memory && !held.has(id)) held.set(id, { fingerprint: memory.fingerprint, subjects: new Map(memory.subjects) });
  }
}
