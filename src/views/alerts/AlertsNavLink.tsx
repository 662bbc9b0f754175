import { NavLink } from 'react-router';
import { useAlertsStore } from '../../store/alertsStore';

/** The Alerts view's link, counting the alerts fired since the trader last looked. */
export function AlertsNavLink() {
  const unseen = useAlertsStore((state) => state.unseen);
  return (
    <NavLink to="/alerts" className="nav-link">
      {unseen > 0 ? `Alerts (${unseen})` : 'Alerts'}
    </NavLink>
  );
}
