import { Fragment, useState } from 'react';
import { removeRule, setRulePaused } from '../../app/alerts/alerts';
import { describeRule } from '../../domain/alerts/alertText';
import type { AlertRule } from '../../domain/alerts/rule';
import { useAlertsStore } from '../../store/alertsStore';
import { watchedText } from './alertLinks';
import { RuleEditForm } from './RuleEditForm';

const COLUMNS = 4;

function RuleRow({ rule, editing, onEdit }: { rule: AlertRule; editing: boolean; onEdit: (editing: boolean) => void }) {
  return (
    <tr>
      <td>{describeRule(rule)}</td>
      <td>{watchedText(rule.condition)}</td>
      <td className={rule.paused ? 'rule-paused' : 'rule-active'}>{rule.paused ? 'Paused' : 'Active'}</td>
      <td className="rule-actions">
        <button type="button" className="button" onClick={() => setRulePaused(rule.id, !rule.paused)}>
          {rule.paused ? 'Resume' : 'Pause'}
        </button>
        <button type="button" className="button" aria-expanded={editing} onClick={() => onEdit(!editing)}>
          Edit
        </button>
        <button type="button" className="button" onClick={() => removeRule(rule.id)}>
          Delete
        </button>
      </td>
    </tr>
  );
}

/** Every rule with its state, and Pause or Resume, Edit and Delete; one rule is edited at a time. */
export function RulesList() {
  const rules = useAlertsStore((state) => state.rules);
  const [editing, setEditing] = useState<string | null>(null);
  if (rules === null) {
    return (
      <p className="empty-state" role="status">
        Loading alert rules…
      </p>
    );
  }
  if (rules.length === 0) {
    return <p className="empty-state">No rules yet: press a bell (🔔) on a screener row, a carry row or the options page, or import a file of rules.</p>;
  }
  return (
    <table className="alerts-table" aria-label="Alert rules">
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Watches</th>
          <th scope="col">State</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => (
          <Fragment key={rule.id}>
            <RuleRow rule={rule} editing={editing === rule.id} onEdit={(open) => setEditing(open ? rule.id : null)} />
            {editing === rule.id && (
              <tr>
                <td colSpan={COLUMNS}>
                  <RuleEditForm rule={rule} onDone={() => setEditing(null)} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
