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

/** Copies into `held` the memory of every rule it has none of from `restored`: what a thread knows live wins. */
export function restoreInto(held: RuleStates, restored: RuleStates): void {
  for (const [id, memory] of restored) if (!held.has(id)) held.set(id, { fingerprint: memory.fingerprint, subjects: new Map(memory.subjects) });
}
