import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.ts';
import { perpTable, rowFor } from '../support/screener.ts';

const LOAD_TIMEOUT = 20_000;

/** A level no contract reaches (500 % a year), so the rule never fires during a test. */
const btcRule = {
  id: 'btc-high',
  condition: { kind: 'funding-level', target: { scope: 'contract', contract: { exchange: 'binance', symbol: 'BTCUSDT' } }, basis: 'current', side: 'above', level: 5 },
  paused: false,
  hysteresis: 0.05,
  cooldownMs: 900_000,
  createdAt: 1_700_000_000_000,
};
const BTC_RULE = 'BTCUSDT (Binance) annualised funding above 500%';
const ethCountdown = {
  id: 'eth-settles',
  condition: { kind: 'settlement', target: { scope: 'contract', contract: { exchange: 'okx', symbol: 'ETH-USDT-SWAP' } }, minutes: 10 },
  paused: false,
  hysteresis: 0.05,
  cooldownMs: 900_000,
  createdAt: 1_700_000_000_000,
};
const ETH_RULE = 'ETH-USDT-SWAP (OKX) 10 minutes before each settlement';

const rulesFile = (rules: unknown[]) => JSON.stringify({ format: 'funding-desk-alert-rules', version: 1, rules });

const rulesTable = (page: Page) => page.getByRole('table', { name: 'Alert rules' });
const ruleRow = (page: Page, description: string) => rulesTable(page).getByRole('row').filter({ hasText: description });

async function openAlerts(page: Page, gotoApp: (path: string) => Promise<void>): Promise<void> {
  await gotoApp('/alerts');
  await expect(page.getByRole('heading', { name: 'Alerts', level: 1 })).toBeVisible();
  await expect(page.getByText('Loading alert rules…')).toHaveCount(0, { timeout: LOAD_TIMEOUT });
}

async function pasteRules(page: Page, text: string): Promise<void> {
  await page.getByLabel('Paste rules JSON').fill(text);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

test.describe('Alerts panel', () => {
  test.beforeEach(async ({ app, page }) => openAlerts(page, app.gotoApp));

  test('says plainly that a closed tab cannot alert, and starts with no rules', async ({ page }) => {
    await expect(page.getByText('a closed tab cannot alert.')).toBeVisible();
    await expect(page.getByText(/^No rules yet/)).toBeVisible();
    await expect(page.getByText('No alert has fired yet.')).toBeVisible();
  });

  test('refuses a file with one bad rule whole, naming the rule, and saves none of it', async ({ page }) => {
    await pasteRules(page, rulesFile([btcRule, { id: 'moon', condition: { kind: 'moon-phase' } }]));
    await expect(page.getByRole('alert')).toContainText('Rule 2 (id "moon"): unknown kind "moon-phase"');
    await expect(page.getByText(/^No rules yet/)).toBeVisible();
    await expect(page.getByText(BTC_RULE)).toHaveCount(0);

    await pasteRules(page, '{"format": "funding-desk-alert-rules", "version": 1, "rules": [');
    await expect(page.getByRole('alert')).toContainText('The file is not JSON.');
    await expect(page.getByText(/^No rules yet/)).toBeVisible();
  });

  test('imports valid rules, from pasted text and from a file, and lists them active', async ({ page }) => {
    await pasteRules(page, rulesFile([btcRule]));
    await expect(page.getByRole('status').filter({ hasText: 'Imported 1 rule.' })).toBeVisible();
    await expect(ruleRow(page, BTC_RULE).getByRole('cell', { name: 'Active', exact: true })).toBeVisible();

    await page.getByLabel('Import rules file').setInputFiles({ name: 'rules.json', mimeType: 'application/json', buffer: Buffer.from(rulesFile([btcRule, ethCountdown])) });
    await expect(ruleRow(page, ETH_RULE)).toBeVisible();
    await expect(ruleRow(page, BTC_RULE)).toBeVisible();
  });

  test('pauses, resumes and deletes a rule, and the rules survive a reload', async ({ app, page }) => {
    await pasteRules(page, rulesFile([btcRule, ethCountdown]));
    const btc = ruleRow(page, BTC_RULE);
    await btc.getByRole('button', { name: 'Pause' }).click();
    await expect(btc.getByRole('cell', { name: 'Paused', exact: true })).toBeVisible();
    await expect(ruleRow(page, ETH_RULE).getByRole('cell', { name: 'Active', exact: true })).toBeVisible();

    await openAlerts(page, app.gotoApp);
    await expect(ruleRow(page, BTC_RULE).getByRole('cell', { name: 'Paused', exact: true })).toBeVisible();
    await ruleRow(page, BTC_RULE).getByRole('button', { name: 'Resume' }).click();
    await expect(ruleRow(page, BTC_RULE).getByRole('cell', { name: 'Active', exact: true })).toBeVisible();

    await ruleRow(page, ETH_RULE).getByRole('button', { name: 'Delete' }).click();
    await expect(ruleRow(page, ETH_RULE)).toHaveCount(0);
    await openAlerts(page, app.gotoApp);
    await expect(ruleRow(page, BTC_RULE)).toBeVisible();
    await expect(ruleRow(page, ETH_RULE)).toHaveCount(0);
  });

  test('edits a rule’s level; a bad number says why and changes nothing', async ({ page }) => {
    await pasteRules(page, rulesFile([btcRule]));
    await ruleRow(page, BTC_RULE).getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: `Edit rule: ${BTC_RULE}` });
    await form.getByLabel('Level (% annualised)').fill('lots');
    await expect(form.getByRole('alert')).toHaveText('Level must be a number, in %.');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form).toBeVisible();
    await expect(ruleRow(page, BTC_RULE)).toBeVisible();

    await form.getByLabel('Level (% annualised)').fill('450');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(ruleRow(page, 'BTCUSDT (Binance) annualised funding above 450%')).toBeVisible();
    await expect(page.getByText(BTC_RULE)).toHaveCount(0);
  });

  test('exports the rules as a file that holds the same rules', async ({ page }) => {
    await pasteRules(page, rulesFile([btcRule, ethCountdown]));
    await expect(ruleRow(page, ETH_RULE)).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export rules' }).click();
    expect((await download).suggestedFilename()).toBe('funding-desk-alerts.json');
    const exported = JSON.parse(await readFile(await (await download).path(), 'utf8')) as { rules: Array<{ id: string; condition: unknown; cooldownMs: number }> };
    const byId = new Map(exported.rules.map((rule) => [rule.id, rule]));
    expect([...byId.keys()].sort()).toEqual(['btc-high', 'eth-settles']);
    expect(byId.get('btc-high')).toMatchObject({ condition: btcRule.condition, cooldownMs: btcRule.cooldownMs });
    expect(byId.get('eth-settles')).toMatchObject({ condition: ethCountdown.condition });
  });
});

test.describe('a bell on a screener row', () => {
  test('creates a rule on that contract without opening its chart, listed on the Alerts page', async ({ app, page }) => {
    await app.gotoApp('/screener?q=BTC');
    const row = rowFor(perpTable(page), 'BTCUSDT');
    await row.getByRole('button', { name: 'Alert on BTCUSDT (Binance)' }).click({ timeout: LOAD_TIMEOUT });
    const dialog = page.getByRole('dialog', { name: 'New alert on BTCUSDT (Binance)' });
    await expect(dialog).toBeVisible();
    await expect(page).toHaveURL(/\/screener\b/);

    await dialog.getByLabel('Level (% annualised)').fill('');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Level must be a number, in %.');
    await dialog.getByLabel('Level (% annualised)').fill('500');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page).toHaveURL(/\/screener\b/);

    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    await expect(ruleRow(page, BTC_RULE).getByRole('cell', { name: 'Active', exact: true })).toBeVisible({ timeout: LOAD_TIMEOUT });
    await page.reload();
    await expect(ruleRow(page, BTC_RULE)).toBeVisible({ timeout: LOAD_TIMEOUT });
  });
});

test.describe('bells on the carry and options pages', () => {
  test('a carry row’s bell makes a net carry rule on its pair', async ({ app, page }) => {
    await app.gotoApp('/carry?q=BTC');
    await page.getByRole('button', { name: 'Alert on BTC linear pair' }).click({ timeout: 30_000 });
    const dialog = page.getByRole('dialog', { name: 'New alert on BTC linear pair' });
    await dialog.getByLabel('Net APR level (%)').fill('50');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(page).not.toHaveURL(/pair=/);
    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    await expect(ruleRow(page, 'BTC linear pair net carry above 50%')).toBeVisible({ timeout: LOAD_TIMEOUT });
  });

  test('the options header’s bell makes an ATM IV rule on the chain shown', async ({ app, page }) => {
    await app.gotoApp('/options');
    await page.getByRole('button', { name: 'Alert on BTCUSDT options (Binance)' }).click({ timeout: 30_000 });
    const dialog = page.getByRole('dialog', { name: 'New alert on BTCUSDT options (Binance)' });
    await dialog.getByLabel('Level (vol %)').fill('-5');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Level cannot be negative: an implied volatility never is.');
    await dialog.getByLabel('Level (vol %)').fill('90');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('link', { name: 'Alerts', exact: true }).click();
    await expect(ruleRow(page, 'BTCUSDT options (Binance) ATM IV (nearest expiry) above 90%')).toBeVisible({ timeout: LOAD_TIMEOUT });
  });
});

test.describe('a fired alert', () => {
  test('shows as a toast, counts on the Alerts link until seen, and links to its chart', async ({ app, page }) => {
    await openAlerts(page, app.gotoApp);
    // Below −1,000 % a year no contract is: this rule fires at once on BTCUSDT.
    await pasteRules(page, rulesFile([{ ...btcRule, id: 'btc-any', condition: { ...btcRule.condition, level: -10 } }]));
    await page.getByRole('link', { name: 'Screener', exact: true }).click();
    const toast = page.getByRole('status', { name: 'Alerts fired' }).getByRole('listitem').filter({ hasText: 'BTCUSDT (Binance) annualised funding' });
    await expect(toast).toContainText('is above −1,000%', { timeout: LOAD_TIMEOUT });
    await page.getByRole('link', { name: 'Alerts (1)', exact: true }).click();
    await expect(page.getByRole('link', { name: 'Alerts', exact: true })).toBeVisible();
    const fired = page.getByRole('list', { name: 'Fired alerts' }).getByRole('listitem');
    await expect(fired).toHaveCount(1);
    await expect(fired).toContainText('rule: BTCUSDT (Binance) annualised funding above −1,000%');
    await fired.getByRole('link').click();
    await expect(page).toHaveURL(/\/charts\/binance\/BTCUSDT$/);
  });
});
