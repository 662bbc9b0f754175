import { useState, type FormEvent } from 'react';
import type { DraftCheck, RuleDraft, RuleProblems } from './ruleDraft';

/** A rule draft checked whole as it is typed; `submit` keeps it only when the check passes, else shows why. */
export function useRuleDraft<Value>(initial: () => RuleDraft, check: (draft: RuleDraft) => DraftCheck<Value>, keep: (value: Value) => void) {
  const [draft, setDraft] = useState<RuleDraft>(initial);
  const [problems, setProblems] = useState<RuleProblems>({});
  const change = (next: RuleDraft) => {
    setDraft(next);
    const checked = check(next);
    setProblems(checked.ok ? {} : checked.problems);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = check(draft);
    if (checked.ok) keep(checked.value);
    else setProblems(checked.problems);
  };
  return { draft, problems, change, submit };
}
