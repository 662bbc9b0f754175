import { useEffect } from 'react';
import { Link } from 'react-router';
import { dismissToast } from '../../app/alerts/alerts';
import type { FiredAlert } from '../../domain/alerts/rule';
import { useAlertsStore } from '../../store/alertsStore';
import { alertPath } from '../../app/alerts/alertPath';

/** Long enough to read a line and reach its link; the Alerts page keeps every fired alert anyway. */
const TOAST_MS = 10_000;

function Toast({ alert }: { alert: FiredAlert }) {
  useEffect(() => {
    const timer = window.setTimeout(() => dismissToast(alert.id), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [alert.id]);
  const link = alertPath(alert.subject);
  return (
    <li className="toast">
      {link ? <Link to={link}>{alert.text}</Link> : alert.text}
      <button type="button" className="button" aria-label={`Dismiss: ${alert.text}`} onClick={() => dismissToast(alert.id)}>
        ×
      </button>
    </li>
  );
}

/** The alerts that just fired, over whatever view is open, read out as they arrive. */
export function AlertToasts() {
  const toasts = useAlertsStore((state) => state.toasts);
  const blocked = useAlertsStore((state) => state.notifications === 'denied');
  return (
    <div className="toasts" role="status" aria-live="polite" aria-label="Alerts fired">
      {toasts.length > 0 && (
        <ul>
          {toasts.map((alert) => (
            <Toast key={alert.id} alert={alert} />
          ))}
        </ul>
      )}
      {toasts.length > 0 && blocked && <p className="toast-note">Desktop notifications are blocked in this browser: alerts show here and in the tab title.</p>}
    </div>
  );
}
