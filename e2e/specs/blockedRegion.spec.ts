import type { Page } from '@playwright/test';
import { connectionStatus } from '../support/connectionStatus.ts';
import { expect, test, type AppHelpers } from '../support/fixtures.ts';
import { columnIndex, perpTable, rowFor, sourceNotices } from '../support/screener.ts';

/** Three failed attempts with backoff before a venue shows as down, plus the probe that explains it. */
const DOWN_TIMEOUT = 40_000;
const LOAD_TIMEOUT = 20_000;

/** How a blocked region looks to a browser: REST answers 451 without CORS headers (so the page reads no status), upgrades refused. */
async function blockFromThisBrowser(app: AppHelpers, exchange: 'binance' | 'okx'): Promise<void> {
  await app.control('/cors', { exchange, mode: 'blocked-451' });
  await app.control('/refuse', { exchange, status: 451, scope: 'ws' });
}

function unreachableNotice(page: Page) {
  return page.getByRole('main').getByRole('alert').filter({ hasText: 'reached from this browser' });
}

/** Nothing the page could not have read, and nothing said twice. */
async function expectHonestWording(page: Page): Promise<void> {
  await expect(page.getByText(/HTTP \d{3}|CORS|\b451\b/)).toHaveCount(0);
  await expect(page.getByText(/unreachable\W+unreachable/)).toHaveCount(0);
}

test.describe('a blocked region', () => {
  test.describe.configure({ timeout: 180_000 });

  test.beforeEach(({ app }) => {
    // Chromium logs every refused handshake and every answer it hides from the page; here they are the point.
    app.expectBrowserError(/CORS policy|net::ERR_FAILED|WebSocket|status of 451/);
  });

  test('with both venues blocked, every view says neither can be reached, why that usually is, and how to see the product offline', async ({ app, page }) => {
    await blockFromThisBrowser(app, 'binance');
    await blockFromThisBrowser(app, 'okx');
    for (const path of ['/screener', '/charts/binance/BTCUSDT', '/options', '/options?exchange=okx']) {
      const openedAt = Date.now();
      await app.gotoApp(path);
      const notice = unreachableNotice(page);
      await expect(notice, path).toContainText('Neither Binance nor OKX can be reached from this browser.', { timeout: DOWN_TIMEOUT });
      console.log(`${path}: the notice shows ${((Date.now() - openedAt) / 1000).toFixed(1)} s after opening`);
      await expect(notice).toContainText('firewall');
      await expect(notice).toContainText('does not serve this region');
      await expect(notice).toContainText('browser extension');
      await expect(notice).toContainText('npm run demo');
      await expect(notice).not.toContainText('is reachable');
      for (const exchange of ['Binance', 'OKX'] as const) await expect(connectionStatus(page, exchange)).toContainText('down');
      await expect(page.getByRole('main').getByText(/Loading/), path).toHaveCount(0);
      // Every fallback in the source notices leans on a stream, and the streams are down too.
      await expect(sourceNotices(page), path).toBeHidden();
      await expectHonestWording(page);
    }
  });

  test("with OKX blocked, the views name it and keep Binance's rows", async ({ app, page }) => {
    await blockFromThisBrowser(app, 'okx');
    await app.gotoApp('/screener?q=BTC');
    const notice = unreachableNotice(page);
    await expect(notice).toContainText('OKX cannot be reached from this browser.', { timeout: DOWN_TIMEOUT });
    await expect(notice).toContainText('Binance is reachable; its data is shown.');
    await expect(notice).not.toContainText('Neither');
    const table = perpTable(page);
    await expect(rowFor(table, 'BTCUSDT').getByRole('cell').nth(await columnIndex(table, 'Mark'))).toHaveText(/\d/, { timeout: LOAD_TIMEOUT });
    await expect(connectionStatus(page, 'Binance')).toContainText('live');
    await expect(sourceNotices(page).getByRole('listitem').filter({ hasText: 'OKX' })).toHaveCount(0);
    await expectHonestWording(page);

    await app.gotoApp('/charts/okx/BTC-USDT-SWAP');
    await expect(unreachableNotice(page)).toContainText('OKX cannot be reached from this browser.', { timeout: DOWN_TIMEOUT });
    await expect(page.getByText('Loading BTC-USDT-SWAP from OKX…')).toHaveCount(0);
    await expectHonestWording(page);

    await app.gotoApp('/options?exchange=okx');
    await expect(unreachableNotice(page)).toContainText('OKX cannot be reached from this browser.', { timeout: DOWN_TIMEOUT });
    await expect(page.getByRole('main').getByText(/Loading/)).toHaveCount(0);
    await expectHonestWording(page);
  });
});
