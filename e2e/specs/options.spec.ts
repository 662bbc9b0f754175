import type { Page } from '@playwright/test';
import { connectionStatus } from '../support/connectionStatus.ts';
import { expect, test } from '../support/fixtures.ts';
import { atmRow, cellText, chainStatus, chainTable, expiryTabs, numberIn, okxSubscribedExpiries, selectedExpiry, underlyingPriceShown } from '../support/options.ts';

const LOAD_TIMEOUT = 20_000;
const RECOVERY_TIMEOUT = 45_000;

async function openChain(page: Page, gotoApp: (path: string) => Promise<void>, path = '/options'): Promise<void> {
  await gotoApp(path);
  await expect(atmRow(page)).toBeVisible({ timeout: LOAD_TIMEOUT });
}

/** The row of one strike, by its row header ("95,500" or "95,500 ATM"). */
function strikeRow(page: Page, strikeText: string) {
  return chainTable(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${strikeText}( ATM)?$`) }) });
}

async function atmStrikeText(page: Page): Promise<string> {
  return ((await atmRow(page).getByRole('rowheader').textContent()) ?? '').replace('ATM', '').trim();
}

/** Waits until a cell of one strike shows a different value than now: the chain is live. */
async function expectCellToMove(page: Page, header: string, timeout = 20_000): Promise<void> {
  const row = strikeRow(page, await atmStrikeText(page));
  const before = await cellText(row, header);
  await expect.poll(() => cellText(row, header), { timeout }).not.toBe(before);
}

async function expectGreeksInAtmRow(page: Page): Promise<void> {
  const row = atmRow(page);
  await expect.poll(async () => numberIn(await cellText(row, 'Call Delta')), { timeout: LOAD_TIMEOUT }).toBeGreaterThan(0);
  expect(numberIn(await cellText(row, 'Call Delta'))).toBeLessThan(1);
  expect(numberIn(await cellText(row, 'Put Delta'))).toBeLessThan(0);
  expect(numberIn(await cellText(row, 'Call Theta'))).toBeLessThan(0);
  expect(numberIn(await cellText(row, 'Put Vega'))).toBeGreaterThan(0);
  expect(numberIn(await cellText(row, 'Call Mark IV'))).toBeGreaterThan(1);
  // Marks and books arrive on their own channels on OKX, a moment after the greeks.
  await expect.poll(async () => numberIn(await cellText(row, 'Put Mark')), { timeout: LOAD_TIMEOUT }).toBeGreaterThan(0);
}

test.describe('options chain', () => {
  test.describe.configure({ timeout: 120_000 });

  test('opens the BTC chain with unit-labelled greeks, the ATM strike marked and in view, ITM shaded, and a smile', async ({ app, page }) => {
    await openChain(page, app.gotoApp);
    await expect(page).toHaveURL(/[?&]exchange=binance&underlying=BTCUSDT&expiry=\d{4}-\d{2}-\d{2}/);
    await expect(page.getByRole('columnheader', { name: 'Call Theta in $ per day' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Put Vega in $ per vol pt' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Put Mark in USDT' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'Call Ask IV in %' })).toBeVisible();

    await expect(atmRow(page)).toBeInViewport();
    const price = await underlyingPriceShown(page);
    expect(price).toBeGreaterThan(0);
    const strikes = (await chainTable(page).getByRole('rowheader').allTextContents()).map((text) => numberIn(text)!);
    const nearest = strikes.reduce((best, strike) => (Math.abs(strike - price!) < Math.abs(best - price!) ? strike : best));
    expect(numberIn(await atmStrikeText(page))).toBe(nearest);
    await expect(atmRow(page)).toHaveCount(1);

    const below = strikes.filter((strike) => strike < price!).at(-1)!;
    const belowRow = strikeRow(page, await atmRow(page).page().evaluate((value) => value.toLocaleString('en-US'), below));
    await expect(belowRow.getByRole('cell').first()).toHaveClass(/itm/);
    await expect(belowRow.getByRole('cell').last()).not.toHaveClass(/itm/);

    await expectGreeksInAtmRow(page);
    await expect(page.getByText(/^\d+ strikes; ATM mark IV \d+\.\d\d%/)).toBeVisible();
    await expect(page.getByRole('img', { name: /Implied volatility smile/ })).toBeVisible();
  });

  test('greeks, prices and the smile update live', async ({ app, page }) => {
    await openChain(page, app.gotoApp);
    await expectCellToMove(page, 'Call Delta');
    await expectCellToMove(page, 'Put Mark');
    const caption = page.getByText(/^\d+ strikes; ATM mark IV/);
    const before = await caption.textContent();
    await expect.poll(() => caption.textContent(), { timeout: 30_000 }).not.toBe(before);
  });

  test('switches underlying and expiry (click and arrow keys), and the URL reopens the same chain', async ({ app, page }) => {
    await openChain(page, app.gotoApp);
    await page.getByLabel('Underlying').selectOption('ETHUSDT');
    await expect(chainTable(page)).toHaveAccessibleName(/^ETHUSDT options expiring/);
    await expect(page).toHaveURL(/underlying=ETHUSDT/);
    await expect(atmRow(page)).toBeVisible({ timeout: LOAD_TIMEOUT });

    const tabs = expiryTabs(page);
    expect(await tabs.count()).toBeGreaterThan(3);
    await tabs.nth(1).click();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    const secondDate = (await tabs.nth(1).getAttribute('id'))!.replace('expiry-', '');
    await expect(page).toHaveURL(new RegExp(`expiry=${secondDate}`));

    await page.keyboard.press('ArrowRight');
    await expect(tabs.nth(2)).toHaveAttribute('aria-selected', 'true');
    await expect(tabs.nth(2)).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(atmRow(page)).toBeInViewport({ timeout: LOAD_TIMEOUT });

    const shared = page.url();
    await page.goto('about:blank');
    await page.goto(shared);
    await expect(chainTable(page)).toHaveAccessibleName(/^ETHUSDT options expiring/, { timeout: LOAD_TIMEOUT });
    await expect(selectedExpiry(page)).toHaveAttribute('id', `expiry-${secondDate}`);
  });

  test('OKX chains show coin prices, the forward and USD greeks', async ({ app, page }) => {
    await openChain(page, app.gotoApp);
    await page.getByRole('radio', { name: 'OKX' }).check();
    await expect(page).toHaveURL(/exchange=okx&underlying=BTC-USD/);
    await expect(chainTable(page)).toHaveAccessibleName(/^BTC-USD options expiring/);
    await expect(chainStatus(page)).toContainText('Forward');
    await expect(page.getByRole('columnheader', { name: 'Call Mark in BTC' })).toBeVisible();
    await expect(atmRow(page)).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expectGreeksInAtmRow(page);
    // Coin prices: an ATM BTC option costs a few hundredths of a BTC, a USD vega some dollars.
    await expect.poll(async () => numberIn(await cellText(atmRow(page), 'Put Mark')), { timeout: LOAD_TIMEOUT }).toBeLessThan(1);
    expect(numberIn(await cellText(atmRow(page), 'Put Vega'))).toBeGreaterThan(1);
  });

  test('OKX streams marks and books for the shown expiry only, and moves them when the expiry changes', async ({ app, page }) => {
    await openChain(page, app.gotoApp, '/options?exchange=okx&underlying=BTC-USD');
    const subscribed = async () => ({ marks: await okxSubscribedExpiries('BTC-USD', 'mark-price'), books: await okxSubscribedExpiries('BTC-USD', 'tickers') });
    const firstDate = (await selectedExpiry(page).getAttribute('id'))!.replace('expiry-', '');
    await expect.poll(subscribed, { timeout: LOAD_TIMEOUT }).toEqual({ marks: [firstDate], books: [firstDate] });

    await expiryTabs(page).nth(2).click();
    const nextDate = (await selectedExpiry(page).getAttribute('id'))!.replace('expiry-', '');
    expect(nextDate).not.toBe(firstDate);
    await expect.poll(subscribed, { timeout: LOAD_TIMEOUT }).toEqual({ marks: [nextDate], books: [nextDate] });
    // The new expiry's marks fill in within moments (the fake answers a subscribe with a push), and nothing greys.
    await expect.poll(async () => numberIn(await cellText(atmRow(page), 'Call Mark')), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect(atmRow(page)).not.toHaveClass(/stale/);
    await expect(chainStatus(page)).toContainText('live');
  });

  test('every underlying with options on either exchange shows a live chain with greeks and a smile', async ({ app, page }) => {
    await openChain(page, app.gotoApp);
    for (const [exchange, expected] of [['Binance', 6], ['OKX', 2]] as const) {
      await page.getByRole('radio', { name: exchange }).check();
      const underlyings = await page.getByLabel('Underlying').locator('option').allTextContents();
      expect(underlyings).toHaveLength(expected);
      for (const underlying of underlyings) {
        await page.getByLabel('Underlying').selectOption(underlying);
        await expect(chainTable(page)).toHaveAccessibleName(new RegExp(`^${underlying} options expiring`));
        await expect(atmRow(page)).toBeVisible({ timeout: LOAD_TIMEOUT });
        await expectGreeksInAtmRow(page);
        await expect(page.getByText(/^\d+ strikes; ATM mark IV \d+\.\d\d%/)).toBeVisible();
      }
    }
  });

  test('the column chooser hides a column on both sides', async ({ app, page }) => {
    await openChain(page, app.gotoApp);
    await expect(page.getByRole('columnheader', { name: /^(Call|Put) Gamma/ })).toHaveCount(2);
    await page.getByText('Columns', { exact: true }).click();
    await page.getByRole('checkbox', { name: 'Gamma' }).uncheck();
    await expect(page.getByRole('columnheader', { name: /^(Call|Put) Gamma/ })).toHaveCount(0);
    await expectGreeksInAtmRow(page);
  });

  test('survives a dropped connection on either exchange: the chain updates again', async ({ app, page }) => {
    await openChain(page, app.gotoApp);
    await app.control('/drop', { exchange: 'binance' });
    await expect(connectionStatus(page, 'Binance')).toContainText('live', { timeout: RECOVERY_TIMEOUT });
    await expectCellToMove(page, 'Call Mark');

    await page.getByRole('radio', { name: 'OKX' }).check();
    await expect(atmRow(page)).toBeVisible({ timeout: LOAD_TIMEOUT });
    await app.control('/drop', { exchange: 'okx' });
    await expect(connectionStatus(page, 'OKX')).toContainText('live', { timeout: RECOVERY_TIMEOUT });
    await expectCellToMove(page, 'Call Delta');
    await expectCellToMove(page, 'Put Mark');
    await expect(chainStatus(page)).toContainText('live');
  });

  test('a link to a settled expiry opens the next one and says so', async ({ app, page }) => {
    await openChain(page, app.gotoApp, '/options?exchange=binance&underlying=ETHUSDT&expiry=2020-01-03');
    await expect(page.getByRole('list', { name: 'Chain notices' })).toContainText('The 2020-01-03 expiry is no longer listed (settled)');
    await expect(selectedExpiry(page)).toHaveAttribute('id', await expiryTabs(page).first().getAttribute('id') ?? '');
    await expect(page).toHaveURL(/underlying=ETHUSDT&expiry=\d{4}-\d{2}-\d{2}/);
    await expect(page).not.toHaveURL(/expiry=2020-01-03/);
  });

  test('a stalled feed greys the chain and says so, then recovers', async ({ app, page }) => {
    await openChain(page, app.gotoApp);
    await app.control('/stall', { exchange: 'binance' });
    await expect(atmRow(page)).toHaveClass(/stale/, { timeout: 15_000 });
    await expect(chainStatus(page)).toContainText(/stalled|stale|reconnecting|unreachable/);
    await app.control('/resume', { exchange: 'binance' });
    await expect(atmRow(page)).not.toHaveClass(/stale/, { timeout: RECOVERY_TIMEOUT });
    await expectCellToMove(page, 'Call Mark');
  });
});
