import { useMemo } from 'react';
import { Link } from 'react-router';
import { describeRule } from '../../domain/alerts/alertText';
import type { AlertRule, FiredAlert } from '../../domain/alerts/rule';
import { useAlertsStore } from '../../store/alertsStore';
import { realDate } from '../format/times';
import { alertPath } from '../../app/alerts/alertPath';
import { firedValuesText, localTimeText } from './alertLinks';

function FiredItem({ alert, rule }: { alert: FiredAlert; rule: AlertRule | undefined }) {
  const link = alertPath(alert.subject);
  return (
    <li className="fired-alert">
      <time dateTime={realDate(alert.time)?.toISOString()}>{localTimeText(alert.time)}</time>
      <span className="fired-text">{link ? <Link to={link}>{alert.text}</Link> : alert.text}</span>
      <span className="fired-values">{firedValuesText(alert.values)}</span>
      <span className="fired-rule">rule: {rule ? describeRule(rule) : 'since deleted'}</span>
    </li>
  );
}

/** The alerts that fired, newest first, each a link to its row's chart or pair. */
export function FiredList() {
  const fired = useAlertsStore((state) => state.fired);
  const rules = useAlertsStore((state) => state.rules);
  const ruleById = useMemo(() => new Map((rules ?? []).map((rule) => [rule.id, rule])), [rules]);
  return (
    <section aria-labelledby="fired-title">
      <h2 id="fired-title">Fired alerts</h2>
      {fired.length === 0 ? (
        <p className="empty-state">No alert has fired yet.</p>
      ) : (
        <ol className="fired-list" aria-labelledby="fired-title">
          {fired.map((alert) => (
            <FiredItem key={alert.id} alert={alert} rule={ruleById.get(alert.ruleId)} />
          ))}
        </ol>
      )}
    </section>
  );
}
