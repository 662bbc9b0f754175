import { connectionStatus } from '../support/connectionStatus.ts';
import { expect, test } from '../support/fixtures.ts';
import { columnIndex, perpTable, rowFor } from '../support/screener.ts';

const LOAD_TIMEOUT = 20_000;
const RECOVERY_TIMEOUT = 45_000;

test.describe('screener under bad input and faults', () => {
  test.describe.configure({ timeout: 120_000 });

  test.beforeEach(async ({ app, page }) => {
    await app.gotoApp('/screener?q=BTC');
    await expect(rowFor(perpTable(page), 'BTCUSDT')).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(rowFor(perpTable(page), 'BTC-USDT-SWAP')).toBeVisible({ timeout: LOAD_TIMEOUT });
  });

  async function markOf(page: import('@playwright/test').Page, symbol: string): Promise<string> {
    const table = perpTable(page);
    return rowFor(table, symbol).getByRole('cell').nth(await columnIndex(table, 'Mark')).innerText();
  }

  async function expectMarkToMove(page: import('@playwright/test').Page, symbol: string, timeout = 20_000): Promise<void> {
    const before = await markOf(page, symbol);
    await expect.poll(() => markOf(page, symbol), { timeout }).not.toBe(before);
  }

  test('malformed frames, unknown events and OKX error events are dropped and counted; data keeps flowing', async ({ app, page }) => {
    for (const exchange of ['binance', 'okx']) {
      await app.control('/malformed', { exchange });
      await app.control('/unknown', { exchange });
    }
    await app.control('/okx-error');
    await expect(connectionStatus(page, 'Binance')).toHaveAttribute('title', /[1-9]\d* bad messages dropped/);
    await expect(connectionStatus(page, 'OKX')).toHaveAttribute('title', /[2-9]\d* bad messages dropped/);
    await expect(connectionStatus(page, 'Binance')).toContainText('live');
    await expect(connectionStatus(page, 'OKX')).toContainText('live');
    await expectMarkToMove(page, 'BTCUSDT');
    await expectMarkToMove(page, 'BTC-USDT-SWAP');
  });

  test('a dropped connection recovers and the rows update again', async ({ app, page }) => {
    await app.control('/drop', { exchange: 'binance' });
    await app.control('/drop', { exchange: 'okx' });
    await expect(connectionStatus(page, 'Binance')).toContainText('live', { timeout: RECOVERY_TIMEOUT });
    await expect(connectionStatus(page, 'OKX')).toContainText('live', { timeout: RECOVERY_TIMEOUT });
    await expectMarkToMove(page, 'BTCUSDT');
    await expectMarkToMove(page, 'BTC-USDT-SWAP');
  });

  test('a stalled feed greys its rows, shows reconnecting, and recovers after the stall', async ({ app, page }) => {
    await app.control('/stall', { exchange: 'binance' });
    const binanceRow = rowFor(perpTable(page), 'BTCUSDT');
    await expect(binanceRow).toHaveClass(/stale/, { timeout: 15_000 });
    await expect(page.getByText(/\d+ stale/)).toBeVisible();
    await expect(rowFor(perpTable(page), 'BTC-USDT-SWAP')).not.toHaveClass(/stale/);
    await expect(connectionStatus(page, 'Binance')).toContainText(/reconnecting|down/, { timeout: 20_000 });
    await app.control('/resume', { exchange: 'binance' });
    await expect(connectionStatus(page, 'Binance')).toContainText('live', { timeout: RECOVERY_TIMEOUT });
    await expect(binanceRow).not.toHaveClass(/stale/, { timeout: 10_000 });
    await expectMarkToMove(page, 'BTCUSDT');
  });
});
