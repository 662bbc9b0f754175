import { useEffect } from 'react';
import { markAlertsSeen } from '../../app/alerts/alerts';
import { AlertNotes } from './AlertNotes';
import { FiredList } from './FiredList';
import { RulesList } from './RulesList';
import { RulesTransfer } from './RulesTransfer';
import './alerts.css';

/** The Alerts panel: the rules, their export and import, and the alerts that fired. */
export function AlertsPage() {
  useEffect(() => {
    markAlertsSeen();
  }, []);
  return (
    <section aria-labelledby="alerts-title" className="page alerts">
      <h1 id="alerts-title">Alerts</h1>
      <AlertNotes />
      <section aria-labelledby="rules-title">
        <h2 id="rules-title">Rules</h2>
        <RulesList />
      </section>
      <RulesTransfer />
      <FiredList />
    </section>
  );
}
