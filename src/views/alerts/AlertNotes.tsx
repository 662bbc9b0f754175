import { setAlertSound } from '../../app/alerts/alerts';
import { useAlertsStore, type NotificationAccess } from '../../store/alertsStore';

const NOTIFICATION_NOTE: Record<NotificationAccess, string> = {
  granted: 'Desktop notifications are on: each alert also shows as one.',
  default: 'Desktop notifications are not allowed yet: the browser asks when a rule is first made on this page; until then alerts show here and in the tab title only.',
  denied: 'Desktop notifications are blocked in this browser: alerts show here and in the tab title only.',
  unsupported: 'This browser offers no desktop notifications to this page: alerts show here and in the tab title only.',
};

/** What the trader must know of how alerts reach them: only while the tab is open, how, and where rules are kept. */
export function AlertNotes() {
  const notifications = useAlertsStore((state) => state.notifications);
  const storage = useAlertsStore((state) => state.storage);
  const sound = useAlertsStore((state) => state.sound);
  return (
    <div className="alert-notes">
      <ul className="notices" aria-label="How alerts reach you">
        <li className="notice">Alerts are checked in this tab while it is open (also in the background); a closed tab cannot alert.</li>
        <li className="notice">{NOTIFICATION_NOTE[notifications]}</li>
        {storage?.state === 'memory' && (
          <li className="notice">Rules and fired alerts are kept in this page’s memory only ({storage.detail}): closing the tab loses them.</li>
        )}
      </ul>
      <label className="checks">
        <input type="checkbox" role="switch" checked={sound} onChange={(event) => setAlertSound(event.target.checked)} />
        Sound with each alert
      </label>
    </div>
  );
}
