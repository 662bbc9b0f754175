import type { Page } from '@playwright/test';
import { connectionStatus, recordStates } from '../support/connectionStatus.ts';
import { expect, test, type AppHelpers } from '../support/fixtures.ts';

const FIRST_CONNECT_TIMEOUT = 20_000;
/** Reconnect backoff is capped at 30 s with full jitter, so a recovery can take that long plus a connect. */
const RECOVERY_TIMEOUT = 45_000;

async function openAppUntilBothLive(app: AppHelpers, page: Page): Promise<void> {
  await app.gotoApp('/');
  await expect(connectionStatus(page, 'Binance')).toContainText('live', { timeout: FIRST_CONNECT_TIMEOUT });
  await expect(connectionStatus(page, 'OKX')).toContainText('live', { timeout: FIRST_CONNECT_TIMEOUT });
}

test('both exchanges go live against the fake exchange', async ({ app, page }) => {
  await openAppUntilBothLive(app, page);
});

test('the navigation links switch between the views', async ({ app, page }) => {
  await app.gotoApp('/');
  const heading = page.getByRole('main').getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  // The start page is the screener, so it is visited last, to see a real switch back to it.
  for (const [name, path] of [['Charts', '/charts'], ['Options', '/options'], ['Screener', '/screener']] as const) {
    const previousHeading = await heading.innerText();
    await page.getByRole('link', { name, exact: true }).click();
    // A view may add its own parameters (the options page names the chain it shows), never another view's.
    await expect(page).toHaveURL(new RegExp(`${path}(\\?|$)`));
    await expect(heading).toBeVisible();
    await expect(heading).not.toHaveText(previousHeading);
  }
  await page.waitForTimeout(500);
  expect(new URL(page.url()).search).toBe('');
});

test.describe('connection faults', () => {
  test.describe.configure({ timeout: 120_000 });

  test.beforeEach(async ({ app, page }) => openAppUntilBothLive(app, page));

  test('OKX reconnects after a drop while Binance stays live', async ({ app, page }) => {
    const okxStates = await recordStates(page, 'OKX');
    const binanceStates = await recordStates(page, 'Binance');

    await app.control('/drop', { exchange: 'okx' });

    await expect.poll(okxStates, { timeout: RECOVERY_TIMEOUT }).toEqual(['live', 'reconnecting', 'live']);
    expect(await binanceStates()).toEqual(['live']);
  });

  test('Binance is down with the HTTP status while refused, and recovers once accepted', async ({ app, page }) => {
    // The refused handshakes and the status probe fail on purpose; the browser logs both.
    app.expectBrowserError(/451/);
    const okxStates = await recordStates(page, 'OKX');
    const binanceStates = await recordStates(page, 'Binance');
    const binance = connectionStatus(page, 'Binance');

    await app.control('/refuse', { exchange: 'binance', status: 451 });
    await app.control('/drop', { exchange: 'binance' });
    await expect(binance).toContainText('down', { timeout: RECOVERY_TIMEOUT });
    await expect(binance).toContainText('451');

    await app.control('/accept', { exchange: 'binance' });
    await expect(binance).toContainText('live', { timeout: RECOVERY_TIMEOUT });
    expect(await binanceStates()).toEqual(['live', 'reconnecting', 'down', 'live']);
    expect(await okxStates()).toEqual(['live']);
  });
});
