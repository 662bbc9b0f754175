import { readFile } from 'node:fs/promises';
import { expect, test } from '../support/fixtures.ts';
import { statValue } from '../support/charts.ts';
import { bodyRows, columnIndex, columnTexts, numberOf, perpTable, rowFor, rowTexts, volumeOf } from '../support/screener.ts';

const LOAD_TIMEOUT = 20_000;

function isSorted(values: Array<number | null>, descending: boolean): boolean {
  const present = values.filter((value): value is number => value !== null);
  return present.every((value, i) => i === 0 || (descending ? present[i - 1]! >= value : present[i - 1]! <= value));
}

test.describe('funding-rate screener', () => {
  test.beforeEach(async ({ app, page }) => {
    await app.gotoApp('/screener');
    await expect(page.getByText(/^7\d\d perpetuals/)).toBeVisible({ timeout: LOAD_TIMEOUT });
  });

  test('lists every perpetual of both exchanges, live, sorted by annualised funding', async ({ page }) => {
    const table = perpTable(page);
    await expect(page.getByText(/\(\d{3} Binance · \d{3} OKX\)/)).toBeVisible();
    const header = table.getByRole('columnheader', { name: /Funding annualised/ });
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const funding = (await columnTexts(table, /Funding annualised/)).map(numberOf);
    expect(funding.length).toBeGreaterThan(10);
    expect(isSorted(funding, true)).toBe(true);
    for (const text of await table.locator('tbody').innerText().then((t) => t.split(/\s+/))) {
      expect(text).not.toMatch(/NaN|undefined|Infinity/);
    }
    await expect(bodyRows(table).filter({ hasText: 'Binance' }).first()).toBeVisible();
  });

  test('annualises from each symbol’s own interval', async ({ app, page }) => {
    await app.control('/funding', { exchange: 'binance', symbol: 'ETHUSDT', rate: 0.0005, intervalHours: 4 });
    await app.control('/funding', { exchange: 'okx', symbol: 'ETH-USDT-SWAP', rate: 0.0003, intervalHours: 8 });
    // Binance announces interval changes through fundingInfo, which the app reads on load.
    await page.reload();
    await page.getByLabel('Search coin').fill('ETH');
    const table = perpTable(page);
    const fundingColumn = await columnIndex(table, /Funding annualised/);
    const intervalColumn = await columnIndex(table, 'Interval');
    const binance = rowFor(table, 'ETHUSDT');
    const okx = rowFor(table, 'ETH-USDT-SWAP');
    await expect(binance.getByRole('cell').nth(fundingColumn)).toHaveText('+109.50%', { timeout: LOAD_TIMEOUT });
    await expect(binance.getByRole('cell').nth(intervalColumn)).toHaveText('4h');
    await expect(okx.getByRole('cell').nth(fundingColumn)).toHaveText('+32.85%', { timeout: LOAD_TIMEOUT });
    await expect(okx.getByRole('cell').nth(intervalColumn)).toHaveText('8h');

    await page.getByText('Per interval').click();
    const perInterval = await columnIndex(table, /Funding per interval/);
    await expect(binance.getByRole('cell').nth(perInterval)).toHaveText('+0.0500%');
    await expect(okx.getByRole('cell').nth(perInterval)).toHaveText('+0.0300%');
  });

  test('sorts by any column, shift-click adds a secondary key, and the sort survives a reload', async ({ page }) => {
    const table = perpTable(page);
    await table.getByRole('button', { name: 'Symbol' }).click();
    await expect(table.getByRole('columnheader', { name: /Symbol/ })).toHaveAttribute('aria-sort', 'ascending');
    const symbols = await columnTexts(table, 'Symbol');
    expect(symbols).toEqual([...symbols].sort());

    await table.getByRole('button', { name: /24h volume/ }).click();
    await expect(table.getByRole('columnheader', { name: /24h volume/ })).toHaveAttribute('aria-sort', 'descending');
    expect(isSorted((await columnTexts(table, /24h volume/)).map(volumeOf), true)).toBe(true);

    await table.getByRole('button', { name: 'Interval' }).click();
    await table.getByRole('button', { name: /Funding annualised/ }).click({ modifiers: ['Shift'] });
    await expect(page).toHaveURL(/sort=interval\.desc%2Cfunding\.desc/);
    const rows = await rowTexts(table, ['Interval', /Funding annualised/]);
    const intervals = rows.map(([interval]) => Number(interval!.replace(/h\*?$/, '')));
    const funding = rows.map(([, rate]) => numberOf(rate!));
    expect(isSorted(intervals, true)).toBe(true);
    const firstGroup = funding.filter((_, i) => intervals[i] === intervals[0]);
    expect(isSorted(firstGroup, true)).toBe(true);

    await page.reload();
    await expect(table.getByRole('columnheader', { name: /Interval/ })).toHaveAttribute('aria-sort', 'descending', { timeout: LOAD_TIMEOUT });
    await expect(table.getByRole('columnheader', { name: /Funding annualised/ })).toHaveAttribute('aria-sort', 'descending');
  });

  test('a sort shows at once, the address follows, and a link to the bare screener resets it', async ({ page }) => {
    const table = perpTable(page);
    await table.getByRole('button', { name: 'Symbol' }).click();
    await expect(table.getByRole('columnheader', { name: /Symbol/ })).toHaveAttribute('aria-sort', 'ascending');
    await expect(page).toHaveURL(/sort=symbol\.asc/);

    // The page's own choice stands in for its address only until a navigation from elsewhere lands.
    await page.getByRole('link', { name: 'Screener', exact: true }).click();
    await expect(page).toHaveURL(/\/screener$/);
    await expect(table.getByRole('columnheader', { name: /Funding annualised/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(table.getByRole('columnheader', { name: /Symbol/ })).not.toHaveAttribute('aria-sort', /.+/);
  });

  test('filters by exchange, quote asset, minimum volume and coin', async ({ page }) => {
    const table = perpTable(page);
    await page.getByRole('checkbox', { name: 'OKX' }).uncheck();
    await expect(page.getByText(/^\d+ perpetuals \(\d+ Binance · 0 OKX\)/)).toBeVisible();
    expect(new Set(await columnTexts(table, 'Exchange'))).toEqual(new Set(['Binance']));

    await page.getByLabel('Quote asset').selectOption('USDC');
    expect((await columnTexts(table, 'Symbol')).every((symbol) => symbol.endsWith('USDC'))).toBe(true);
    await page.getByLabel('Quote asset').selectOption('');

    await page.getByLabel('Minimum 24h volume').selectOption({ label: '100M' });
    await expect(async () => {
      const volumes = (await columnTexts(table, /24h volume/)).map(volumeOf);
      expect(volumes.length).toBeGreaterThan(0);
      expect(volumes.every((volume) => volume !== null && volume >= 100e6)).toBe(true);
    }).toPass();
    await page.getByLabel('Minimum 24h volume').selectOption({ label: 'Any' });

    await page.getByRole('checkbox', { name: 'OKX' }).check();
    await page.getByLabel('Search coin').fill('btc');
    await expect(async () => {
      const symbols = await columnTexts(table, 'Symbol');
      expect(symbols.length).toBeGreaterThan(1);
      expect(symbols.every((symbol) => symbol.includes('BTC'))).toBe(true);
      expect(symbols).toEqual(expect.arrayContaining(['BTCUSDT', 'BTC-USDT-SWAP']));
    }).toPass();
    await expect(page).toHaveURL(/q=btc/);
  });

  test('values change live and the funding countdown ticks', async ({ page }) => {
    const table = perpTable(page);
    await page.getByLabel('Search coin').fill('BTC');
    const row = rowFor(table, 'BTCUSDT');
    const markColumn = await columnIndex(table, 'Mark');
    const countdownColumn = await columnIndex(table, 'Next funding');
    // The instrument list can open the row before its first mark event fills it.
    await expect(row.getByRole('cell').nth(countdownColumn)).toHaveText(/^\d\d:\d\d:\d\d$/);
    await expect(row.getByRole('cell').nth(markColumn)).toHaveText(/\d/);
    const firstMark = await row.getByRole('cell').nth(markColumn).innerText();
    const firstCountdown = await row.getByRole('cell').nth(countdownColumn).innerText();
    await expect(row.getByRole('cell').nth(markColumn)).not.toHaveText(firstMark, { timeout: 15_000 });
    await expect(row.getByRole('cell').nth(countdownColumn)).not.toHaveText(firstCountdown);
    const seconds = (text: string) => text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
    expect(seconds(await row.getByRole('cell').nth(countdownColumn).innerText())).toBeLessThan(seconds(firstCountdown));
  });

  test('exports the visible rows as CSV', async ({ page }) => {
    await page.getByLabel('Search coin').fill('ETH');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const lines = (await readFile(file, 'utf8')).trim().split('\r\n');
    expect(lines[0]).toBe(
      'Exchange,Symbol,Margin,Mark,Index,Premium (bps),Funding annualised (%),Last settled annualised (%),% of cap,Interval,Next funding,24h change (%),24h volume,Open interest (USD),Spread (bps)',
    );
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).every((line) => /ETH/.test(line.split(',')[1]!))).toBe(true);
  });

  test('a row opens its chart, by click or by Enter', async ({ page }) => {
    const table = perpTable(page);
    await page.getByLabel('Search coin').fill('SOL');
    await rowFor(table, 'SOLUSDT').click();
    await expect(page).toHaveURL(/\/charts\/binance\/SOLUSDT$/);
    await page.goBack();
    await rowFor(perpTable(page), 'SOL-USDT-SWAP').focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/charts\/okx\/SOL-USDT-SWAP$/);
  });
});

/** OKX pushes funding-rate every 30-90 s and nothing on subscribe: the page loads the current rates over REST. */
test.describe('OKX funding on first paint', () => {
  test("shows OKX funding within 5 s of load with the stream's first funding push 35 s away, and the last settled rate", async ({ app, page }) => {
    await app.control('/timing', { okxFirstFundingPushMs: '35000,35000' });
    await app.control('/funding', { exchange: 'okx', symbol: 'ETH-USDT-SWAP', rate: 0.0003, settledRate: -0.0002, intervalHours: 4 });
    const loadedAt = Date.now();
    await app.gotoApp('/screener?q=ETH');
    const table = perpTable(page);
    const okx = rowFor(table, 'ETH-USDT-SWAP');
    const cell = async (row: typeof okx, header: string) => row.getByRole('cell').nth(await columnIndex(table, header));
    await expect(await cell(okx, 'Funding annualised (%)')).toHaveText('+65.70%', { timeout: 5_000 - (Date.now() - loadedAt) });
    await expect(await cell(okx, 'Last settled annualised (%)')).toHaveText('−43.80%');
    await expect(await cell(okx, 'Interval')).toHaveText('4h');
    // Every OKX swap shown has its funding already, not only the pinned one.
    const okxRows = bodyRows(table).filter({ has: page.getByRole('cell', { name: 'OKX', exact: true }) });
    const fundingColumn = await columnIndex(table, 'Funding annualised (%)');
    const settledColumn = await columnIndex(table, 'Last settled annualised (%)');
    const okxTexts = await okxRows.evaluateAll(
      (rows, [funding, settled]) => rows.map((row) => [(row.children[funding!] as HTMLElement).innerText, (row.children[settled!] as HTMLElement).innerText]),
      [fundingColumn, settledColumn],
    );
    expect(okxTexts.length).toBeGreaterThan(1);
    for (const [funding, settled] of okxTexts) {
      expect(funding).toMatch(/^[+−]?\d+\.\d{2}%$/);
      expect(settled).toMatch(/^[+−]?\d+\.\d{2}%$/);
    }
    expect(Date.now() - loadedAt).toBeLessThan(5_000);
    // Binance's stream does not carry the settled rate: its cell waits for the funding history, never NaN.
    await expect(await cell(rowFor(table, 'ETHUSDT'), 'Last settled annualised (%)')).toHaveText(/^(—|[+−]?\d+\.\d{2}%)$/);

    await page.getByText('Per interval').click();
    await expect(await cell(okx, 'Last settled per interval (%)')).toHaveText('−0.0200%');

    await okx.click();
    await expect(page).toHaveURL(/\/charts\/okx\/ETH-USDT-SWAP/);
    await expect(statValue(page, 'ETH-USDT-SWAP', 'Last settled')).toHaveText(/^−0\.0200% at \d\d:\d\d UTC$/);
    await expect(statValue(page, 'ETH-USDT-SWAP', 'Annualised')).toHaveText('+65.70%');
  });
});
