import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { restoreCarrySettings } from './carrySettings';
import { router } from './router';

/** Renders the app into the page's root element. */
export function mountApp(root: HTMLElement): void {
  restoreCarrySettings();
  createRoot(root).render(
    <StrictMode>
      <RouterProvider router={router} />
    </StrictMode>,
  );
}
