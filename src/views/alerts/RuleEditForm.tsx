import { updateRule } from '../../app/alerts/alerts';
import { describeRule } from '../../domain/alerts/alertText';
import type { AlertRule } from '../../domain/alerts/rule';
import { draftOfRule, editedRule } from './ruleDraft';
import { RuleFields } from './RuleFields';
import { useRuleDraft } from './useRuleDraft';

/** A rule's figures, checked whole as they are typed: Save keeps them, and a refused field says why and saves nothing. */
export function RuleEditForm({ rule, onDone }: { rule: AlertRule; onDone: () => void }) {
  const { draft, problems, change, submit } = useRuleDraft(
    () => draftOfRule(rule),
    (next) => editedRule(rule, next),
    (edited) => {
      updateRule(edited);
      onDone();
    },
  );

  return (
    <form className="controls rule-edit" aria-label={`Edit rule: ${describeRule(rule)}`} onSubmit={submit}>
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
