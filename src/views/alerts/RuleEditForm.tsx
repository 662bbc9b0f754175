import { useState, type FormEvent } from 'react';
import { updateRule } from '../../app/alerts/alerts';
import { describeRule } from '../../domain/alerts/alertText';
import type { AlertRule } from '../../domain/alerts/rule';
import { draftOfRule, editedRule, type RuleDraft, type RuleProblems } from './ruleDraft';
import { RuleFields } from './RuleFields';

/** A rule's figures, checked whole as they are typed: Save keeps them, and a refused field says why and saves nothing. */
export function RuleEditForm({ rule, onDone }: { rule: AlertRule; onDone: () => void }) {
  const [draft, setDraft] = useState<RuleDraft>(() => draftOfRule(rule));
  const [problems, setProblems] = useState<RuleProblems>({});

  const change = (next: RuleDraft) => {
    setDraft(next);
    const check = editedRule(rule, next);
    setProblems(check.ok ? {} : check.problems);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const check = editedRule(rule, draft);
    if (!check.ok) {
      setProblems(check.problems);
      return;
    }
    updateRule(check.value);
    onDone();
  };

  return (
    <form className="controls rule-edit" aria-label={`Edit rule: ${describeRule(rule)}`} onSubmit={save}>
      <RuleFields kind={rule.condition.kind} draft={draft} problems={problems} onChange={change} rearming />
      <button type="submit" className="button">
        Save
      </button>
      <button type="button" className="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}
