import { connectionStatus } from '../support/connectionStatus.ts';
import { expect, test } from '../support/fixtures.ts';
import { columnIndex, columnTexts, perpTable, rowFor, sourceNotice, sourceNotices } from '../support/screener.ts';

const LOAD_TIMEOUT = 20_000;
const RECOVERY_TIMEOUT = 45_000;

test.describe('screener under bad input and faults', () => {
  test.describe.configure({ timeout: 120_000 });

  test.beforeEach(async ({ app, page }) => {
    await app.gotoApp('/screener?q=BTC');
    await expect(rowFor(perpTable(page), 'BTCUSDT')).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(rowFor(perpTable(page), 'BTC-USDT-SWAP')).toBeVisible({ timeout: LOAD_TIMEOUT });
    // A row appears as soon as the instrument list lists it; faults are meant to hit a feed that has already pushed.
    for (const symbol of ['BTCUSDT', 'BTC-USDT-SWAP']) {
      await expect.poll(() => markOf(page, symbol), { timeout: LOAD_TIMEOUT }).toMatch(/\d/);
    }
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

/**
 * Streams first, REST as help: with Binance's REST host blocked (HTTP 451, as from a blocked
 * region) and its streams up, the screener still fills from the streams, perpetuals only.
 */
test.describe('screener with Binance REST blocked and its streams up', () => {
  test.describe.configure({ timeout: 180_000 });

  /** fundingInfo lists it at 4 h; without fundingInfo the screener can only assume 8 h. */
  const ADJUSTED_SYMBOL = 'ETHUSDT';
  /** Binance's quarterly delivery contracts: BTCUSDT_261225 etc. */
  const DATED_SYMBOL = /_\d{6}$/;

  test.beforeEach(async ({ app }) => {
    // Chromium logs every refused request to the console; here they are the point.
    app.expectBrowserError(/status of 451/);
    await app.control('/funding', { exchange: 'binance', symbol: ADJUSTED_SYMBOL, rate: 0.0005, intervalHours: 4 });
    await app.control('/refuse', { exchange: 'binance', status: 451, scope: 'rest' });
  });

  const RETRYING = /Retrying (?:in (\d+)s|now)\./;

  function secondsUntilRetry(notice: string): number {
    const match = RETRYING.exec(notice);
    if (!match) throw new Error(`no retry in notice: ${notice}`);
    return Number(match[1] ?? 0);
  }

  /** Counts the source notices on every animation frame from now on; the reader returns the fewest seen. */
  async function recordFewestNotices(page: import('@playwright/test').Page): Promise<() => Promise<number>> {
    await page.evaluate(() => {
      const harness = window as unknown as { __fewestNotices: number };
      harness.__fewestNotices = Infinity;
      const count = () => {
        const shown = document.querySelectorAll('[aria-label="Data source problems"] li').length;
        harness.__fewestNotices = Math.min(harness.__fewestNotices, shown);
        requestAnimationFrame(count);
      };
      count();
    });
    return () => page.evaluate(() => (window as unknown as { __fewestNotices: number }).__fewestNotices);
  }

  async function intervalOf(page: import('@playwright/test').Page, symbol: string): Promise<string> {
    const table = perpTable(page);
    return rowFor(table, symbol).getByRole('cell').nth(await columnIndex(table, 'Interval')).innerText();
  }

  test('fills from the streams with 8 h assumed, names the missing source, and recovers after the retry', async ({ app, page }) => {
    await app.gotoApp('/screener?q=ETH');
    const table = perpTable(page);
    await expect(connectionStatus(page, 'Binance')).toContainText('live', { timeout: LOAD_TIMEOUT });
    await expect(rowFor(table, 'ETHUSDT')).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(rowFor(table, 'ETHUSDC')).toBeVisible();
    await expect(page.getByText(/\([1-9]\d* Binance · [1-9]\d* OKX\)/)).toBeVisible();

    const intervals = sourceNotice(page, 'Binance funding intervals');
    await expect(intervals).toContainText('HTTP 451');
    await expect(intervals).toContainText('intervals assumed 8 h');
    await expect(intervals).toContainText(RETRYING);
    const instruments = sourceNotice(page, 'Binance instrument list');
    await expect(instruments).toContainText('HTTP 451');
    await expect(instruments).toContainText(RETRYING);

    await expect(table.getByRole('columnheader', { name: 'Interval' })).toHaveAttribute('title', /\* = assumed 8 h/);
    await expect.poll(() => intervalOf(page, ADJUSTED_SYMBOL)).toBe('8h*');
    expect(await intervalOf(page, 'ETHUSDC')).toBe('8h*');
    // OKX pushes each swap's interval with its funding rate: nothing assumed there.
    await expect.poll(() => intervalOf(page, 'ETH-USDT-SWAP'), { timeout: LOAD_TIMEOUT }).toMatch(/^\dh$/);

    // Watch a few seconds of live streams: the dated contracts' mini tickers arrive alongside the
    // perpetuals' (ETHUSDT already has its volume), and none may become a row. Meanwhile the notices
    // must stay up, also while a retry is in flight, counted on every frame so a blink cannot slip by.
    const volumeColumn = await columnIndex(table, '24h volume');
    await expect(rowFor(table, 'ETHUSDT').getByRole('cell').nth(volumeColumn)).not.toHaveText('—', { timeout: LOAD_TIMEOUT });
    // The open-interest source fails only once the worker knows the rows shown: wait for all four first.
    await expect(sourceNotices(page).getByRole('listitem')).toHaveCount(4, { timeout: LOAD_TIMEOUT });
    const fewestNotices = await recordFewestNotices(page);
    await page.waitForTimeout(8_000);
    expect((await columnTexts(table, 'Symbol')).filter((symbol) => DATED_SYMBOL.test(symbol))).toEqual([]);
    // The instrument list, the funding intervals, the book tickers and the shown rows' open interest.
    expect(await fewestNotices()).toBe(4);

    // Every notice counts down to its next try; the latest of them bounds the wait after /accept.
    const retrySeconds = (await sourceNotices(page).getByRole('listitem').allInnerTexts()).map(secondsUntilRetry);
    await app.control('/accept', { exchange: 'binance' });
    // A retry that fired (and failed) between reading the countdowns and the accept schedules the
    // next one a backoff step later: read them again, so the bound covers that next try too.
    const retrySecondsAfter = (await sourceNotices(page).getByRole('listitem').allInnerTexts()).flatMap((notice) => {
      const match = RETRYING.exec(notice);
      return match ? [Number(match[1] ?? 0)] : [];
    });
    const recovery = { timeout: (Math.max(...retrySeconds, ...retrySecondsAfter) + 10) * 1000 };
    await expect.poll(() => intervalOf(page, ADJUSTED_SYMBOL), recovery).toBe('4h');
    await expect(sourceNotices(page)).toBeHidden(recovery);
    expect(await intervalOf(page, 'ETHUSDC')).toMatch(/^\dh$/);
    await expect(rowFor(table, 'ETHUSDT')).toBeVisible();
  });
});

/**
 * OKX's swap list, funding snapshot, 24 h tickers and index prices come over REST. With its REST
 * host blocked and its streams up, the rows are the swaps the instruments channel announces (it
 * sends changes, not the whole list), filled from their streams.
 */
test.describe('screener with OKX REST blocked and its streams up', () => {
  test.describe.configure({ timeout: 120_000 });

  test.beforeEach(async ({ app }) => {
    app.expectBrowserError(/status of 451/);
    await app.control('/refuse', { exchange: 'okx', status: 451, scope: 'rest' });
    // Without the REST snapshot, funding waits for the stream's first push: keep that short here.
    await app.control('/timing', { okxFirstFundingPushMs: '1000,3000' });
  });

  test('lists the swaps the channel announces with marks and funding, names every missing source, and fills the rest once REST answers', async ({ app, page }) => {
    await app.gotoApp('/screener?q=BTC&ex=okx');
    const table = perpTable(page);
    const row = rowFor(table, 'BTC-USDT-SWAP');
    // The channel announces a swap when one of its parameters changes; the page must have subscribed first.
    await expect(async () => {
      await app.control('/okx-instrument-change', { instId: 'BTC-USDT-SWAP' });
      await expect(row).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: LOAD_TIMEOUT });
    const cell = async (header: string) => row.getByRole('cell').nth(await columnIndex(table, header));
    await expect(await cell('Mark')).toHaveText(/\d/, { timeout: LOAD_TIMEOUT });
    await expect(await cell('Funding annualised (%)')).toHaveText(/\d/, { timeout: LOAD_TIMEOUT });
    await expect(await cell('Last settled annualised (%)')).toHaveText(/\d/);

    const list = sourceNotice(page, 'OKX instrument list');
    await expect(list).toContainText('HTTP 451', { timeout: LOAD_TIMEOUT });
    await expect(list).toContainText("only the swaps OKX's funding rates or instruments channel name are listed");
    await expect(sourceNotice(page, 'OKX funding rates')).toContainText('once its stream pushes it');
    const notice = sourceNotice(page, 'OKX 24 h tickers');
    await expect(notice).toContainText('HTTP 451', { timeout: LOAD_TIMEOUT });
    await expect(notice).toContainText("24 h change and volume stay as last loaded");
    await expect(await cell('24h volume')).toHaveText('—');
    const indexNotice = sourceNotice(page, 'OKX index prices');
    await expect(indexNotice).toContainText('HTTP 451', { timeout: LOAD_TIMEOUT });
    await expect(indexNotice).toContainText('index and premium stay as last loaded');
    await expect(await cell('Index')).toHaveText('—');
    await expect(await cell('Premium (bps)')).toHaveText('—');

    await app.control('/accept', { exchange: 'okx' });
    await expect(notice).toBeHidden({ timeout: 70_000 });
    await expect(indexNotice).toBeHidden({ timeout: 70_000 });
    await expect(await cell('24h volume')).not.toHaveText('—');
    await expect(await cell('24h change (%)')).toHaveText(/\d/);
    await expect(await cell('Index')).toHaveText(/\d/);
    await expect(await cell('Premium (bps)')).toHaveText(/\d/);
  });
});

/** Either source alone lists OKX's swaps: with the REST list refused, the funding snapshot names them. */
test.describe('screener with the OKX instrument list refused', () => {
  test('lists every OKX swap from the funding snapshot, with funding on first paint', async ({ app, page }) => {
    app.expectBrowserError(/status of 403/);
    await app.control('/okx-instruments', { rest: 'refused' });
    await app.control('/timing', { okxFirstFundingPushMs: '35000,35000' });
    await app.gotoApp('/screener?q=BTC&ex=okx');
    const table = perpTable(page);
    for (const symbol of ['BTC-USDT-SWAP', 'BTC-USD-SWAP', 'BTC-USDC-SWAP']) {
      const row = rowFor(table, symbol);
      await expect(row.getByRole('cell').nth(await columnIndex(table, 'Funding annualised (%)'))).toHaveText(/\d/, { timeout: LOAD_TIMEOUT });
      await expect(row.getByRole('cell').nth(await columnIndex(table, 'Mark'))).toHaveText(/\d/, { timeout: LOAD_TIMEOUT });
    }
    await expect(sourceNotice(page, 'OKX instrument list')).toContainText('HTTP 403');
  });
});
