import type { Page } from '@playwright/test';
import { endpointOrigins, resolveEndpoints } from '../../build/endpointSettings.ts';
import { harnessUrl } from './fixtures.ts';

/** What a page did that markup from outside could have made it do. */
export interface InjectionVerdict {
  /** Messages of alert/confirm/prompt dialogs the page opened. */
  dialogs: string[];
  /** `window.__pwned`, which the payloads set when they run. */
  pwned: unknown;
  /** Requests and sockets (the workers' included) to any origin but the app's and the configured endpoints'. */
  strayUrls: string[];
  /** Requests for the payloads' `src=x`: an image element made from the markup. */
  payloadImageRequests: string[];
  /** The distinct origins the page's and workers' sockets opened to. */
  socketOrigins: string[];
}

/** The origins the build was configured with: globalSetup hands its VITE_* variables on to the test workers. */
export const CONFIGURED_ORIGINS: readonly string[] = endpointOrigins(resolveEndpoints(process.env));

/** Starts watching a page before it loads: dialogs, the `__pwned` probe, every request and socket. */
export function watchForInjection(page: Page): () => Promise<InjectionVerdict> {
  const allowed = new Set([new URL(harnessUrl('APP_URL')).origin, ...CONFIGURED_ORIGINS]);
  const dialogs: string[] = [];
  const urls: string[] = [];
  const sockets: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => urls.push(request.url()));
  page.on('websocket', (socket) => sockets.push(socket.url()));
  return async () => ({
    dialogs,
    pwned: await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
    strayUrls: [...urls, ...sockets].filter((url) => !allowed.has(new URL(url).origin)),
    payloadImageRequests: urls.filter((url) => new URL(url).pathname.endsWith('/x')),
    socketOrigins: [...new Set(sockets.map((url) => new URL(url).origin))].sort(),
  });
}
