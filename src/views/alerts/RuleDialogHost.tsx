import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { RuleOrigin } from './ruleDraft';
import { RuleDialog } from './RuleDialog';
import './alerts.css';

const OpenRuleDialog = createContext<((origin: RuleOrigin) => void) | null>(null);

/**
 * Holds the one new-rule dialog of the page, outside every table: a dialog inside a row would be
 * clipped by its cell and its clicks would reach the row.
 */
export function RuleDialogHost({ children }: { children: ReactNode }) {
  const [origin, setOrigin] = useState<RuleOrigin | null>(null);
  const close = useCallback(() => setOrigin(null), []);
  return (
    <OpenRuleDialog.Provider value={setOrigin}>
      {children}
      {origin && <RuleDialog origin={origin} onClose={close} />}
    </OpenRuleDialog.Provider>
  );
}

/** Opens the new-rule dialog for where a bell was pressed. */
export function useOpenRuleDialog(): (origin: RuleOrigin) => void {
  const open = useContext(OpenRuleDialog);
  if (!open) throw new Error('an alert bell must be inside RuleDialogHost');
  return open;
}
