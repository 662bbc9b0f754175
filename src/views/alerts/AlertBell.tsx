import type { KeyboardEvent, MouseEvent } from 'react';
import { subjectText } from '../../domain/alerts/alertText';
import { originSubject, type RuleOrigin } from './ruleDraft';
import { useOpenRuleDialog } from './RuleDialogHost';

/** A bell that opens the new-rule dialog on what it stands beside; `label` shows words beside the bell. */
export function AlertBell({ origin, label }: { origin: RuleOrigin; label?: string }) {
  const open = useOpenRuleDialog();
  const name = `Alert on ${subjectText(originSubject(origin))}`;
  const press = (event: MouseEvent) => {
    // The row around a bell opens a chart or a detail on click: the bell's press is its own.
    event.stopPropagation();
    open(origin);
  };
  const keepKey = (event: KeyboardEvent) => event.stopPropagation();
  return (
    <button type="button" className="alert-bell" aria-label={name} title={name} onClick={press} onKeyDown={keepKey}>
      <span aria-hidden="true">🔔</span>
      {label && ` ${label}`}
    </button>
  );
}
