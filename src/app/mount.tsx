import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { startAlerts } from './alerts/alerts';
import { restoreCarrySettings } from './carrySettings';
import { router } from './router';

/** Renders the app into the page's root element. */
export function mountApp(root: HTMLElement): void {
  restoreCarrySettings();
  startAlerts((path) => void router.navigate(path));
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
}
