import { describe, expect, it } from 'vitest';
import { importRules } from '../../src/domain/alerts/importRules.ts';
import { ALERT_KINDS } from '../../src/domain/alerts/rule.ts';
import { benchAlertRulesFile } from './alertRules.ts';

describe("the bench's alert rules", () => {
  it('are 50 rules the Alerts panel imports, of every kind', () => {
    const imported = importRules(benchAlertRulesFile(50, ['BTCUSDT', 'ETHUSDT', 'SOLUSDT']), 0);
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.rules).toHaveLength(50);
    expect(new Set(imported.rules.map((rule) => rule.condition.kind))).toEqual(new Set(ALERT_KINDS));
  });
});
