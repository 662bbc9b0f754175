import { connectionStatus } from '../support/connectionStatus.ts';
import { expect, test } from '../support/fixtures.ts';
import { bodyRows, columnIndex, perpTable, rowFor, volumeOf } from '../support/screener.ts';

const LOAD_TIMEOUT = 20_000;

/**
 * Binance's USDⓈ-M streams carry more than USDⓈ-M crypto perpetuals: TradFi ones (gold, stocks)
 * in a message of their own, COIN-M ones (`st` 2), dated contracts. The fake sends all of them by
 * default, as the live venue does.
 */
test.describe('Binance TradFi and COIN-M perpetuals', () => {
  test.describe.configure({ timeout: 90_000 });

  async function cellOf(page: import('@playwright/test').Page, symbol: string, header: string | RegExp) {
    const table = perpTable(page);
    return rowFor(table, symbol).getByRole('cell').nth(await columnIndex(table, header));
  }

  test('a TradFi perpetual stays listed once the instrument list loads, annualised by its 4 h interval, under the TradFi market', async ({ app, page }) => {
    await app.control('/funding', { exchange: 'binance', symbol: 'XAUUSDT', rate: 0.0002, intervalHours: 4 });
    await app.gotoApp('/screener?q=XAU');
    await page.getByRole('radio', { name: 'TradFi' }).check();
    await expect(page).toHaveURL(/market=tradfi/);
    // Only the instrument list says XAUUSDT is TradFi: the stream alone cannot.
    await expect(rowFor(perpTable(page), 'XAUUSDT')).toBeVisible({ timeout: LOAD_TIMEOUT });
    // 0.0002 every 4 h: × 6 × 365 = 43.80 %, once fundingInfo has said 4 h.
    await expect(await cellOf(page, 'XAUUSDT', 'Interval')).toHaveText('4h', { timeout: LOAD_TIMEOUT });
    await expect(await cellOf(page, 'XAUUSDT', /Funding annualised/)).toHaveText('+43.80%');
    // The stream keeps updating the listed row.
    const mark = await (await cellOf(page, 'XAUUSDT', 'Mark')).innerText();
    await expect(await cellOf(page, 'XAUUSDT', 'Mark')).not.toHaveText(mark, { timeout: 15_000 });

    await page.reload();
    await expect(page.getByRole('radio', { name: 'TradFi' })).toBeChecked();
    await expect(rowFor(perpTable(page), 'XAUUSDT')).toBeVisible({ timeout: LOAD_TIMEOUT });

    await page.getByRole('radio', { name: 'Crypto' }).check();
    await expect(page).toHaveURL(/market=crypto/);
    // Crypto coins whose names hold "XAU" stay; gold goes.
    await expect(bodyRows(perpTable(page)).first()).toBeVisible();
    await expect(rowFor(perpTable(page), 'XAUUSDT')).toBeHidden();
    await page.getByRole('radio', { name: 'All', exact: true }).check();
    await expect(page).not.toHaveURL(/market=/);
    await expect(rowFor(perpTable(page), 'XAUUSDT')).toBeVisible();
  });

  test('the bad-value counters stay at zero while TradFi, COIN-M, dated rows and OKX funding pushes stream', async ({ app, page }) => {
    // OKX's funding pushes (empty nextFundingRate, settFundingRate, prevFundingTime) within the watch, not 30-90 s out.
    await app.control('/timing', { okxFirstFundingPushMs: '1000,3000' });
    await app.gotoApp('/screener?q=XAU&market=tradfi');
    // Loaded: the instrument list (XAUUSDT is TradFi) and fundingInfo (its 4 h) have both arrived.
    await expect(await cellOf(page, 'XAUUSDT', 'Interval')).toHaveText('4h', { timeout: LOAD_TIMEOUT });
    const badges = [connectionStatus(page, 'Binance'), connectionStatus(page, 'OKX')];
    for (const badge of badges) await expect(badge).toContainText('live', { timeout: LOAD_TIMEOUT });
    const rejected = async () =>
      Promise.all(badges.map(async (badge) => /(\d+) bad values rejected/.exec((await badge.getAttribute('title')) ?? '')?.[1]));
    const seen: Array<Array<string | undefined>> = [];
    for (let second = 0; second < 10; second++) {
      seen.push(await rejected());
      await page.waitForTimeout(1_000);
    }
    seen.push(await rejected());
    expect(seen).toEqual(Array(seen.length).fill(['0', '0']));
  });

  test('a COIN-M perpetual shows as coin-margined with its volume in USD, and pairs with OKX’s coin-margined swap on the Carry desk', async ({ app, page }) => {
    await app.gotoApp('/screener?q=BTC');
    const table = perpTable(page);
    await expect(rowFor(table, 'BTCUSD_PERP')).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(await cellOf(page, 'BTCUSD_PERP', 'Margin')).toHaveText('Coin-margined');
    await expect(await cellOf(page, 'BTCUSDT', 'Margin')).toHaveText('Linear');
    // The stream counts it in coin (~10^4 BTC a day); the screener shows it in USD.
    const volume = await cellOf(page, 'BTCUSD_PERP', '24h volume');
    await expect.poll(async () => volumeOf(await volume.innerText()), { timeout: LOAD_TIMEOUT }).toBeGreaterThan(1e8);
    await page.getByLabel('Quote asset').selectOption('USD');
    await expect(rowFor(table, 'BTCUSD_PERP')).toBeVisible();
    await expect(rowFor(table, 'BTCUSDT')).toBeHidden();
    await page.getByLabel('Quote asset').selectOption('');

    // Rates apart, so the Carry desk picks a long and a short leg for both pairs.
    await app.control('/funding', { exchange: 'binance', symbol: 'BTCUSDT', rate: 0.0001, intervalHours: 8 });
    await app.control('/funding', { exchange: 'okx', symbol: 'BTC-USDT-SWAP', rate: 0.0003, intervalHours: 8 });
    await app.control('/funding', { exchange: 'binance', symbol: 'BTCUSD_PERP', rate: 0.0001, intervalHours: 8 });
    await app.control('/funding', { exchange: 'okx', symbol: 'BTC-USD-SWAP', rate: 0.0003, intervalHours: 8 });
    await app.gotoApp('/carry?q=BTC');
    const carryPairs = page.getByRole('table', { name: 'Carry pairs' });
    const legsOf = async (margin: string) => {
      const row = bodyRows(carryPairs).filter({ has: page.getByRole('cell', { name: margin, exact: true }) });
      const legs = [];
      for (const header of ['Long leg', 'Short leg']) legs.push(await row.getByRole('cell').nth(await columnIndex(carryPairs, header)).innerText());
      return legs.sort();
    };
    await expect.poll(() => legsOf('Coin-margined'), { timeout: LOAD_TIMEOUT }).toEqual(['Binance BTCUSD_PERP', 'OKX BTC-USD-SWAP']);
    await expect.poll(() => legsOf('Linear')).toEqual(['Binance BTCUSDT', 'OKX BTC-USDT-SWAP']);
  });
});
