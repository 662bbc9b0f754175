import type { Page } from '@playwright/test';
import { expect, harnessUrl, test } from '../support/fixtures.ts';

const LOAD_TIMEOUT = 30_000;

/** The fake's OKX BTC dated futures, nearest delivery first: inverse `BTC-USD-YYMMDD` and linear `BTC-USD_UM-YYMMDD`. */
async function okxBtcFutures(): Promise<{ inverse: string[]; linear: string[] }> {
  const response = await fetch(`${harnessUrl('FAKE_OKX_REST_URL')}/api/v5/public/instruments?instType=FUTURES`);
  const records = ((await response.json()) as { data: { instId: string; expTime: string }[] }).data.sort((a, b) => Number(a.expTime) - Number(b.expTime));
  const ids = records.map((record) => record.instId);
  return { inverse: ids.filter((id) => /^BTC-USD-\d{6}$/.test(id)), linear: ids.filter((id) => /^BTC-USD_UM-\d{6}$/.test(id)) };
}

/** The fake's Binance BTC quarterlies (`BTCUSDT_YYMMDD`), from premiumIndex, which lists them without funding. */
async function binanceBtcFutures(): Promise<string[]> {
  const response = await fetch(`${harnessUrl('FAKE_BINANCE_REST_URL')}/fapi/v1/premiumIndex`);
  return ((await response.json()) as { symbol: string }[]).map((row) => row.symbol).filter((symbol) => /^BTCUSDT_\d{6}$/.test(symbol)).sort();
}

const basisTable = (page: Page) => page.getByRole('table', { name: 'BTC basis and funding' });
/** A row's cell by column: 0 venue, 1 expiry, 2 days, 3 mark, 4 index, 5 annualised, 6 age (the contract is the row header). */
const cell = (page: Page, contract: string, column: number) => basisTable(page).getByRole('row', { name: new RegExp(`^\\S+ ${contract.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `) }).getByRole('cell').nth(column);
const verdict = (page: Page) => page.getByRole('status', { name: 'Cheapest carry' });

test.describe('futures basis against funding', () => {
  test.describe.configure({ timeout: 90_000 });

  test('a dated future’s basis pinned on each venue reads on the chart page to a hundredth of a percent', async ({ app, page }) => {
    const { inverse } = await okxBtcFutures();
    const [binanceFuture] = await binanceBtcFutures();
    await app.control('/future-mark', { exchange: 'okx', symbol: inverse[0]!, basis: 0.0734 });
    await app.control('/future-mark', { exchange: 'binance', symbol: binanceFuture!, basis: -0.0125 });
    await app.gotoApp('/charts/okx/BTC-USDT-SWAP');
    await expect(page.getByRole('heading', { name: 'BTC futures basis against funding' })).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(cell(page, inverse[0]!, 5)).toHaveText('+7.34%', { timeout: LOAD_TIMEOUT });
    await expect(cell(page, binanceFuture!, 5)).toHaveText('−1.25%', { timeout: LOAD_TIMEOUT });
    await expect(cell(page, binanceFuture!, 0)).toHaveText('Binance');
    // Both perpetuals stand at day 0 with their current and 7-day median funding.
    await expect(cell(page, 'BTC-USDT-SWAP perpetual', 5)).toContainText(/7-day median [+−]\d+\.\d\d%/, { timeout: LOAD_TIMEOUT });
    await expect(cell(page, 'BTCUSDT perpetual', 5)).toContainText(/funding, 7-day median/);
  });

  test('the verdict names the future that earns most, and never a stale one', async ({ app, page }) => {
    const { linear } = await okxBtcFutures();
    const far = linear.at(-1)!;
    // Far above any funding the fake draws: the cash-and-carry is long spot, short this future.
    await app.control('/future-mark', { exchange: 'okx', symbol: far, basis: 0.4 });
    await app.gotoApp('/charts/binance/BTCUSDT');
    await expect(verdict(page)).toContainText(`buy BTC spot and short OKX ${far}, whose premium to the index pays +40.00% a year`, { timeout: LOAD_TIMEOUT });
    await expect(verdict(page)).toContainText(/more than the best perpetual, \S+ \S+ perpetual at [+−]\d+\.\d\d% a year \(the lower of its current/);

    // OKX goes silent: its quotes grey, and the verdict turns to a fresh Binance quote.
    await app.control('/stall', { exchange: 'okx' });
    await expect(cell(page, far, 6)).toContainText('stale', { timeout: LOAD_TIMEOUT });
    await expect(verdict(page)).toContainText('Binance');
    await expect(verdict(page)).not.toContainText('OKX');
  });
});
