import { test as base, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

export interface AppHelpers {
  /** Opens a path of the app under test, e.g. gotoApp('/charts'). */
  gotoApp(path?: string): Promise<void>;
  /** POSTs to the fake exchange's control API, e.g. control('/refuse', { exchange: 'okx', status: 451 }). */
  control(path: string, params?: Record<string, string | number>): Promise<void>;
  /** Lets browser errors matching `pattern` through, for a test that provokes them on purpose. */
  expectBrowserError(pattern: RegExp): void;
}

/** Set by globalSetup in the runner; Playwright passes its environment on to the workers. */
export function harnessUrl(name: 'APP_URL' | 'FAKE_CONTROL_URL' | 'FAKE_BINANCE_REST_URL' | 'FAKE_OKX_REST_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests with \`playwright test\` so globalSetup runs`);
  return value;
}

/** The shared fake's endpoint variables (the app's VITE_* settings), set by globalSetup. */
export function fakeEnv(): Record<string, string> {
  const json = process.env.FAKE_ENV;
  if (!json) throw new Error('FAKE_ENV is not set: run the browser tests with `playwright test` so globalSetup runs');
  return JSON.parse(json) as Record<string, string>;
}

async function postControl(path: string, params: Record<string, string | number> = {}): Promise<void> {
  const url = new URL(`${harnessUrl('FAKE_CONTROL_URL').replace(/\/+$/, '')}${path}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
  const response = await fetch(url, { method: 'POST' });
  if (!response.ok) {
    throw new Error(`fake exchange control POST ${url.pathname}${url.search}: HTTP ${response.status} ${await response.text()}`);
  }
}

/**
 * Collects everything that should fail a test: console errors, uncaught page errors and
 * Content-Security-Policy violations (reported from the page, since a blocked request can
 * fail without any console output of its own).
 */
async function watchBrowserErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  await page.exposeFunction('__reportCspViolation', (violation: string) => errors.push(`CSP violation: ${violation}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const harness = window as unknown as { __reportCspViolation(violation: string): Promise<void> };
      void harness.__reportCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'}`);
    });
  });
  return errors;
}

export const test = base.extend<{ app: AppHelpers }>({
  // Automatic, so every browser test is guarded against errors and leaves the fake exchange clean.
  app: [
    async ({ page }, use) => {
      const errors = await watchBrowserErrors(page);
      const expected: RegExp[] = [];
      await use({
        gotoApp: async (path = '/') => {
          await page.goto(new URL(path, harnessUrl('APP_URL')).href);
        },
        control: postControl,
        expectBrowserError: (pattern) => {
          expected.push(pattern);
        },
      });
      await postControl('/reset');
      const unexpected = errors.filter((error) => !expected.some((pattern) => pattern.test(error)));
      if (unexpected.length > 0) {
        throw new Error(`unexpected browser errors:\n${unexpected.join('\n')}`);
      }
    },
    { auto: true },
  ],
});
