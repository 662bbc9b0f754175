import { NavLink, Outlet } from 'react-router';
import { EXCHANGES } from '../../domain/exchange';
import { usePerpFeeds } from '../../hooks/usePerpFeeds';
import { AlertsNavLink } from '../alerts/AlertsNavLink';
import { AlertToasts } from '../alerts/AlertToasts';
import { RuleDialogHost } from '../alerts/RuleDialogHost';
import { ConnectionBadge } from './ConnectionBadge';
import { OkxRegionSelect } from './OkxRegionSelect';

const NAV = [
  { to: '/screener', label: 'Screener' },
  { to: '/carry', label: 'Carry' },
  { to: '/charts', label: 'Charts' },
  { to: '/options', label: 'Options' },
];

export function AppShell() {
  // Perpetuals feed the header's status, the screener and the charts alike, so they run app-wide.
  usePerpFeeds();
  return (
    <RuleDialogHost>
      <div className="shell">
        <header className="shell-header">
          <div className="brand">Funding Desk</div>
          <nav aria-label="Views" className="shell-nav">
            {NAV.map((item) => (
              <NavLink key={item.to} to={item.to} className="nav-link">
                {item.label}
              </NavLink>
            ))}
            <AlertsNavLink />
          </nav>
          <div className="shell-status" aria-label="Exchange connections">
            {EXCHANGES.map((exchange) => (
              <ConnectionBadge key={exchange} exchange={exchange} />
            ))}
            <OkxRegionSelect />
          </div>
        </header>
        <main className="shell-main">
          <Outlet />
        </main>
        <AlertToasts />
      </div>
    </RuleDialogHost>
  );
}
