import { createBrowserRouter, Navigate } from 'react-router';
import { AlertsPage } from '../views/alerts/AlertsPage';
import { CarryPage } from '../views/carry/CarryPage';
import { ChartsPage } from '../views/charts/ChartsPage';
import { OptionsPage } from '../views/options/OptionsPage';
import { ScreenerPage } from '../views/screener/ScreenerPage';
import { AppShell } from '../views/shell/AppShell';

export const router = createBrowserRouter([
  {
    path: '/',
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/screener" replace /> },
      { path: 'screener', element: <ScreenerPage /> },
      { path: 'carry', element: <CarryPage /> },
      { path: 'charts', element: <ChartsPage /> },
      { path: 'charts/:exchange/:symbol', element: <ChartsPage /> },
      { path: 'options', element: <OptionsPage /> },
      { path: 'alerts', element: <AlertsPage /> },
      { path: '*', element: <Navigate to="/screener" replace /> },
    ],
  },
]);
