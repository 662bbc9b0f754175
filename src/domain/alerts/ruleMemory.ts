import { ruleFingerprint, type RuleMemory, type RuleStateChange, type RuleStates } from './evaluateRules';
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
 * edited or paused since the worker sent it) is ignored. Returns the memories that moved, by rule id.
 */
export function applyStateChanges(states: Map<string, RuleMemory>, changes: readonly RuleStateChange[], rules: readonly AlertRule[]): Map<string, RuleMemory> {
  const moved = new Map<string, RuleMemory>();
  if (changes.length === 0) return moved;
  const current = new Map(rules.filter(keepsStateAcrossPages).map((rule) => [rule.id, ruleFingerprint(rule)]));
  for (const change of changes) {
    if (current.get(change.ruleId) !== change.fingerprint) continue;
    const held = states.get(change.ruleId);
    const subjects = new Map(held?.fingerprint === change.fingerprint ? held.subjects : []);
    for (const [key, state] of change.subjects) subjects.set(key, state);
    const memory = { fingerprint: change.fingerprint, subjects };
    states.set(change.ruleId, memory);
    moved.set(change.ruleId, memory);
  }
  return moved;
}

/** Drops, in place, the memories no current rule can use; returns their rule ids. */
export function pruneStates(states: Map<string, RuleMemory>, rules: readonly AlertRule[]): string[] {
  const current = new Map(rules.filter(keepsStateAcrossPages).map((rule) => [rule.id, ruleFingerprint(rule)]));
  const dropped = [...states].filter(([id, memory]) => current.get(id) !== memory.fingerprint).map(([id]) => id);
  for (const id of dropped) states.delete(id);
  return dropped;
}

/** `held` with the memory of every rule it has none of taken from `restored`: what a thread knows live wins. */
export function withRestored(held: RuleStates, restored: RuleStates): Map<string, RuleMemory> {
  const merged = new Map(held);
  for (const [id, memory] of restored) if (!merged.has(id)) merged.set(id, memory);
  return merged;
}
