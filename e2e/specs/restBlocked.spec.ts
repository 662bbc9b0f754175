import { chartFigure, expectNumber, legendValue, statValue, summaryOf } from '../support/charts';
import { connectionStatus } from '../support/connectionStatus';
import { expect, test } from '../support/fixtures';
import { atmRow, cellText, chainTable, numberIn } from '../support/options';
import { columnIndex, perpTable, rowFor, sourceNotice } from '../support/screener';

const LOAD_TIMEOUT = 20_000;
const BLOCKED = 'blocked by the browser or the network';

/**
 * Both ways a browser can lose the venues' REST answers to CORS: answers without
 * Access-Control-Allow-Origin, and a blocked region's 451 without it. Either way fetch only
 * rejects, so the page can name no status; the streams still carry marks, funding and chains.
 */
for (const mode of ['none', 'blocked-451'] as const) {
  test.describe(`REST blocked by CORS (mode ${mode}), streams up`, () => {
    test.describe.configure({ timeout: 120_000 });

    test.beforeEach(async ({ app }) => {
      // Chromium logs every request it hides from the page; here they are the point.
      app.expectBrowserError(/CORS policy|net::ERR_FAILED/);
      await app.control('/cors', { exchange: 'binance', mode });
      await app.control('/cors', { exchange: 'okx', mode });
    });

    test('the screener fills from the streams and says REST is blocked, without a status it could not read', async ({ app, page }) => {
      // Without OKX's REST funding snapshot, its funding waits for the stream's first push: keep that short here.
      await app.control('/timing', { okxFirstFundingPushMs: '1000,3000' });
      await app.gotoApp('/screener?q=BTC');
      const table = perpTable(page);
      // OKX's swaps are listed over REST; its instruments channel announces only changes, once subscribed.
      await expect(async () => {
        await app.control('/okx-instrument-change', { instId: 'BTC-USDT-SWAP' });
        await expect(rowFor(table, 'BTC-USDT-SWAP')).toBeVisible({ timeout: 1_000 });
      }).toPass({ timeout: LOAD_TIMEOUT });
      for (const symbol of ['BTCUSDT', 'BTC-USDT-SWAP']) {
        const row = rowFor(table, symbol);
        await expect(row).toBeVisible({ timeout: LOAD_TIMEOUT });
        await expect(row.getByRole('cell').nth(await columnIndex(table, 'Mark'))).toHaveText(/\d/, { timeout: LOAD_TIMEOUT });
        await expect(row.getByRole('cell').nth(await columnIndex(table, 'Funding annualised (%)'))).toHaveText(/\d/, { timeout: LOAD_TIMEOUT });
      }
      for (const label of ['Binance instrument list', 'Binance funding intervals', 'OKX instrument list', 'OKX funding rates', 'OKX 24 h tickers', 'OKX index prices']) {
        await expect(sourceNotice(page, label)).toContainText(BLOCKED, { timeout: LOAD_TIMEOUT });
      }
      await expect(connectionStatus(page, 'Binance')).toContainText('live');
      await expect(connectionStatus(page, 'OKX')).toContainText('live');
      await expect(page.getByText(/HTTP \d{3}|CORS/)).toHaveCount(0);
    });

    test('a chart draws live points from when it opened and says its history is unavailable', async ({ app, page }) => {
      await app.gotoApp('/charts/binance/BTCUSDT');
      const figure = chartFigure(page, 'BTCUSDT', '1m');
      await expect(page.getByRole('alert').filter({ hasText: 'Binance BTCUSDT price history unavailable' })).toContainText(
        `(${BLOCKED}). Live points are drawn from when the chart opened.`,
      );
      await expect(page.getByRole('alert').filter({ hasText: 'Binance BTCUSDT funding history unavailable' })).toContainText(BLOCKED);
      const summary = figure.getByLabel('BTCUSDT mark vs index data');
      await expect.poll(async () => (await summaryOf(summary)).liveUpdates, { timeout: LOAD_TIMEOUT }).toBeGreaterThan(1);
      // Only what the stream brought since the chart opened: a bar or two, not 500 of history.
      expect((await summaryOf(summary)).bars).toBeLessThan(5);
      await expectNumber(legendValue(figure, 'Mark'));
      await expectNumber(statValue(page, 'BTCUSDT', 'Mark'));
      await expect(page.getByText('Loading Binance BTCUSDT price history…')).toHaveCount(0);
      await expect(page.getByText(/HTTP \d{3}|CORS/)).toHaveCount(0);
    });

    test('the Binance option chain fills from its stream and names the missing option list', async ({ app, page }) => {
      await app.gotoApp('/options');
      await expect(atmRow(page)).toBeVisible({ timeout: LOAD_TIMEOUT });
      await expect(chainTable(page)).toHaveAccessibleName(/^BTCUSDT options expiring/);
      await expect.poll(async () => numberIn(await cellText(atmRow(page), 'Call Delta')), { timeout: LOAD_TIMEOUT }).toBeGreaterThan(0);
      await expect.poll(async () => numberIn(await cellText(atmRow(page), 'Put Mark')), { timeout: LOAD_TIMEOUT }).toBeGreaterThan(0);
      await expect(sourceNotice(page, 'Binance option list')).toContainText(BLOCKED, { timeout: LOAD_TIMEOUT });
      await expect(sourceNotice(page, 'Binance option list')).toContainText('each chain shows the options its mark-price stream carries');
      await expect(page.getByText(/HTTP \d{3}|CORS/)).toHaveCount(0);
    });
  });
}
