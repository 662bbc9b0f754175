import { NavLink, Outlet } from 'react-router';
import { EXCHANGES } from '../../domain/exchange';
import { useExchangeLinks } from '../../hooks/useExchangeLinks';
import { ConnectionBadge } from './ConnectionBadge';

const NAV = [
  { to: '/screener', label: 'Screener' },
  { to: '/charts', label: 'Charts' },
  { to: '/options', label: 'Options' },
];

export function AppShell() {
  useExchangeLinks();
  return (
    <div className="shell">
      <header className="shell-header">
        <div className="brand">Funding Desk</div>
        <nav aria-label="Views" className="shell-nav">
          {NAV.map((item) => (
            <NavLink key={item.to} to={item.to} className="nav-link">
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="shell-status" aria-label="Exchange connections">
          {EXCHANGES.map((exchange) => (
            <ConnectionBadge key={exchange} exchange={exchange} />
          ))}
        </div>
      </header>
      <main className="shell-main">
        <Outlet />
      </main>
    </div>
  );
}
