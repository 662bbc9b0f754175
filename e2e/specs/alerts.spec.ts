import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { hideableTab, setHidden } from '../support/hideableTab.ts';
import { columnIndex, perpTable, rowFor } from '../support/screener.ts';

const LOAD_TIMEOUT = 30_000;
/** Long enough for two of Binance's mark pushes (one a second) and a tick after them. */
const QUIET_MS = 3_000;

/** Above 50 % a year, re-armed under 40 % (a band of 20 % of the level), with a one-second cooldown. */
const RULES_FILE = JSON.stringify({
  format: 'funding-desk-alert-rules',
  version: 1,
  rules: [
    {
      id: 'btc-hot',
      condition: { kind: 'funding-level', target: { scope: 'contract', contract: { exchange: 'binance', symbol: 'BTCUSDT' } }, basis: 'current', side: 'above', level: 0.5 },
      hysteresis: 0.2,
      cooldownMs: 1_000,
    },
  ],
});

interface Recorded {
  title: string;
  body: string;
  tag: string;
}

test.use({ permissions: ['notifications'] });

/** Before the app's scripts: every desktop notification the page makes is noted in `window.__notifications`. */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Real = window.Notification;
    const recorded: Recorded[] = [];
    (window as unknown as { __notifications: Recorded[] }).__notifications = recorded;
    function Recording(title: string, options?: NotificationOptions): Notification {
      recorded.push({ title, body: options?.body ?? '', tag: options?.tag ?? '' });
      return new Real(title, options);
    }
    Object.defineProperty(Recording, 'permission', { get: () => Real.permission });
    Object.defineProperty(Recording, 'requestPermission', { value: (...args: Parameters<typeof Notification.requestPermission>) => Real.requestPermission(...args) });
    window.Notification = Recording as unknown as typeof Notification;
  });
}

/** Pastes a rules file into the Alerts panel's import, then comes back to the screener, in the page. */
async function importRules(page: Page, file: string): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Views' });
  await nav.getByRole('link', { name: /^Alerts/ }).click();
  await page.getByLabel('Paste rules JSON').fill(file);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 1 rule.' })).toBeVisible();
  await nav.getByRole('link', { name: 'Screener' }).click();
}

/** After a reload, the Alerts panel still lists the rule and both alerts it fired. */
async function expectRulesAndHistory(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Alerts/ }).click();
  await expect(page.getByRole('table', { name: 'Alert rules' }).getByRole('row').filter({ hasText: 'BTCUSDT (Binance)' })).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Fired alerts' }).getByRole('listitem')).toHaveCount(2);
}

const notifications = (page: Page): Promise<Recorded[]> => page.evaluate(() => (window as unknown as { __notifications: Recorded[] }).__notifications);

test('a funding level rule notifies once per crossing, re-arms past its band, and survives a reload', async ({ app, page }) => {
  await recordNotifications(page);
  await app.gotoApp('/screener');
  await app.control('/funding', { exchange: 'binance', symbol: 'BTCUSDT', rate: 0.0001, intervalHours: 8 });
  await page.getByLabel('Search coin').fill('BTC');
  const table = perpTable(page);
  const funding = rowFor(table, 'BTCUSDT').getByRole('cell').nth(await columnIndex(table, /Funding annualised/));
  await expect(funding).toHaveText('+10.95%', { timeout: LOAD_TIMEOUT });
  const pin = async (rate: number, shown: string) => {
    await app.control('/funding', { exchange: 'binance', symbol: 'BTCUSDT', rate, intervalHours: 8 });
    await expect(funding).toHaveText(shown, { timeout: LOAD_TIMEOUT });
  };

  await importRules(page, RULES_FILE);
  await page.getByLabel('Search coin').fill('BTC');
  await expect(funding).toHaveText('+10.95%', { timeout: LOAD_TIMEOUT });

  await pin(0.0006, '+65.70%');
  await expect.poll(() => notifications(page)).toEqual([
    { title: 'BTCUSDT (Binance) annualised funding above 50%', body: 'BTCUSDT (Binance) annualised funding 65.7% is above 50%', tag: 'btc-hot' },
  ]);

  // Under the level but inside the band, then over again: no second notification.
  await pin(0.00042, '+45.99%');
  await pin(0.0006, '+65.70%');
  await page.waitForTimeout(QUIET_MS);
  expect(await notifications(page)).toHaveLength(1);

  // Past the band (under 40 %), then over again, the one-second cooldown long gone: one more.
  await pin(0.0002, '+21.90%');
  await pin(0.0006, '+65.70%');
  await expect.poll(async () => (await notifications(page)).length).toBe(2);
  await expect(page).toHaveTitle(/^\(2\) Funding Desk$/);

  // Still over the level across a reload: the page kept where the rule stands, so the same crossing is not told again.
  await page.reload();
  await page.getByLabel('Search coin').fill('BTC');
  await expect(funding).toHaveText('+65.70%', { timeout: LOAD_TIMEOUT });
  await page.waitForTimeout(QUIET_MS);
  expect(await notifications(page)).toEqual([]);
  await expectRulesAndHistory(page);

  // It still re-arms past its band after the reload, and tells the next crossing.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Screener' }).click();
  await page.getByLabel('Search coin').fill('BTC');
  await pin(0.0002, '+21.90%');
  await pin(0.0006, '+65.70%');
  await expect.poll(async () => (await notifications(page)).length).toBe(1);
  await app.control('/funding', { exchange: 'binance', symbol: 'BTCUSDT', rate: 0.0001, intervalHours: 8 });
});

test('an alert fires while the page is hidden', async ({ app, page }) => {
  await recordNotifications(page);
  await hideableTab(page);
  await app.gotoApp('/screener');
  await app.control('/funding', { exchange: 'binance', symbol: 'BTCUSDT', rate: 0.0001, intervalHours: 8 });
  await importRules(page, RULES_FILE);
  await page.getByLabel('Search coin').fill('BTC');
  const table = perpTable(page);
  const funding = rowFor(table, 'BTCUSDT').getByRole('cell').nth(await columnIndex(table, /Funding annualised/));
  await expect(funding).toHaveText('+10.95%', { timeout: LOAD_TIMEOUT });

  await setHidden(page, true);
  expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');
  await app.control('/funding', { exchange: 'binance', symbol: 'BTCUSDT', rate: 0.0006, intervalHours: 8 });
  await expect.poll(() => notifications(page), { timeout: LOAD_TIMEOUT }).toEqual([
    { title: 'BTCUSDT (Binance) annualised funding above 50%', body: 'BTCUSDT (Binance) annualised funding 65.7% is above 50%', tag: 'btc-hot' },
  ]);
  await expect(page).toHaveTitle(/^\(1\) Funding Desk$/);
  // The screener itself waited for the page to be shown again.
  await expect(funding).toHaveText('+10.95%');
  await setHidden(page, false);
  await expect(funding).toHaveText('+65.70%');
  await app.control('/funding', { exchange: 'binance', symbol: 'BTCUSDT', rate: 0.0001, intervalHours: 8 });
});

test.describe('with desktop notifications blocked', () => {
  test.use({ permissions: [] });

  test('the page says so, and still shows the toast and the title count', async ({ app, page, context }) => {
    const browser = await context.newCDPSession(page);
    await browser.send('Browser.setPermission', { permission: { name: 'notifications' }, setting: 'denied' });
    await recordNotifications(page);
    await app.gotoApp('/screener');
    await app.control('/funding', { exchange: 'binance', symbol: 'BTCUSDT', rate: 0.0001, intervalHours: 8 });
    expect(await page.evaluate(() => Notification.permission)).toBe('denied');

    await importRules(page, RULES_FILE);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: /^Alerts/ }).click();
    await expect(page.getByRole('list', { name: 'How alerts reach you' })).toContainText('Desktop notifications are blocked in this browser: alerts show here and in the tab title only.');
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Screener' }).click();

    await app.control('/funding', { exchange: 'binance', symbol: 'BTCUSDT', rate: 0.0006, intervalHours: 8 });
    const toasts = page.getByRole('status', { name: 'Alerts fired' });
    await expect(toasts.getByRole('listitem')).toHaveCount(1, { timeout: LOAD_TIMEOUT });
    await expect(toasts.getByRole('link', { name: 'BTCUSDT (Binance) annualised funding 65.7% is above 50%' })).toBeVisible();
    await expect(toasts).toContainText('Desktop notifications are blocked in this browser');
    await expect(page).toHaveTitle(/^\(1\) Funding Desk$/);
    expect(await notifications(page)).toEqual([]);
    await app.control('/funding', { exchange: 'binance', symbol: 'BTCUSDT', rate: 0.0001, intervalHours: 8 });
  });
});
