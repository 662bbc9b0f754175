import { useState, type ChangeEvent, type FormEvent } from 'react';
import { exportRulesText, importRulesText } from '../../app/alerts/alerts';
import type { RulesImport } from '../../domain/alerts/importRules';
import { useAlertsStore } from '../../store/alertsStore';
import { downloadText } from '../table/csv';

const EXPORT_FILE = 'funding-desk-alerts.json';

/** The rules as a JSON file, and a file or pasted text read back: a refused one says why and saves nothing. */
export function RulesTransfer() {
  const loaded = useAlertsStore((state) => state.rules !== null);
  const [pasted, setPasted] = useState('');
  const [outcome, setOutcome] = useState<RulesImport | null>(null);

  const exportRules = () => downloadText(EXPORT_FILE, exportRulesText(), 'application/json');
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setOutcome(importRulesText(await file.text()));
    // Cleared so that choosing the same file again, once fixed, reads it again.
    input.value = '';
  };
  const importPasted = (event: FormEvent) => {
    event.preventDefault();
    setOutcome(importRulesText(pasted));
  };

  return (
    <section className="rules-transfer" aria-labelledby="rules-transfer-title">
      <h2 id="rules-transfer-title">Export and import</h2>
      <div className="controls">
        <button type="button" className="button" onClick={exportRules} disabled={!loaded}>
          Export rules
        </button>
        <label className="field">
          Import rules file
          <input type="file" accept=".json,application/json" disabled={!loaded} onChange={(event) => void importFile(event)} />
        </label>
      </div>
      <form className="controls" aria-label="Import pasted rules" onSubmit={importPasted}>
        <label className="field rules-paste">
          Paste rules JSON
          <textarea rows={5} value={pasted} onChange={(event) => setPasted(event.target.value)} />
        </label>
        <button type="submit" className="button" disabled={!loaded}>
          Import
        </button>
      </form>
      {outcome &&
        (outcome.ok ? (
          <p role="status">Imported {outcome.rules.length === 1 ? '1 rule' : `${outcome.rules.length} rules`}.</p>
        ) : (
          <p className="import-refusal" role="alert">
            Nothing imported: {outcome.message}
          </p>
        ))}
    </section>
  );
}
