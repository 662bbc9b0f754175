import { useEffect, useId, useRef } from 'react';
import { addRule } from '../../app/alerts/alerts';
import { subjectText } from '../../domain/alerts/alertText';
import { useAlertsStore } from '../../store/alertsStore';
import type { AlertKind } from '../../domain/alerts/rule';
import { Segmented } from '../controls/Segmented';
import { createdCondition, draftOfOrigin, kindsFor, originSubject, type RuleOrigin } from './ruleDraft';
import { RuleFields } from './RuleFields';
import { useRuleDraft } from './useRuleDraft';

const KIND_LABEL: Record<AlertKind, string> = {
  'funding-level': 'Funding level',
  'carry-level': 'Carry level',
  'sign-change': 'Funding changes sign',
  settlement: 'Before settlement',
  'interval-change': 'Interval changes',
  'atm-iv': 'ATM IV level',
  'link-down': 'Connection down',
};

/** A modal form for a new rule, prefilled from where its bell was opened; Create keeps it, Cancel or Escape drops it. */
export function RuleDialog({ origin, onClose }: { origin: RuleOrigin; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { draft, problems, change, submit } = useRuleDraft(
    () => draftOfOrigin(origin),
    (next) => createdCondition(origin, next),
    (condition) => {
      addRule(condition);
      onClose();
    },
  );
  const kinds = kindsFor(origin);
  // A rule is added to the rules loaded: until the alert database has opened there are none to add to.
  const loaded = useAlertsStore((state) => state.rules !== null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog ref={dialogRef} className="rule-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form className="controls" onSubmit={submit}>
        <h2 id={titleId}>New alert on {subjectText(originSubject(origin))}</h2>
        {kinds.length > 1 && (
          <Segmented<AlertKind>
            legend="Alert when"
            value={draft.kind}
            options={kinds.map((kind): [AlertKind, string] => [kind, KIND_LABEL[kind]])}
            onChange={(kind) => change({ ...draft, kind })}
          />
        )}
        <RuleFields kind={draft.kind} draft={draft} problems={problems} onChange={change} rearming={false} />
        <p className="settings-note">Checked in this tab while it is open; a closed tab cannot alert. Manage rules on the Alerts page.</p>
        <div className="dialog-buttons">
          <button type="submit" className="button" disabled={!loaded}>
            Create
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
