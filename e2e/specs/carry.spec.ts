import type { Page } from '@playwright/test';
import { expect, harnessUrl, test, type AppHelpers } from '../support/fixtures.ts';
import { bodyRows, columnIndex, numberOf, rowTexts } from '../support/screener.ts';

/**
 * BTC priced at settings and market state set through the fake's control API, checked to the digit.
 * Long Binance BTCUSDT at 0.01 % / 8 h (0.00125 % an hour), short OKX BTC-USDT-SWAP at 0.04 % / 4 h
 * (0.01 % an hour): 0.00875 % an hour, 76.65 % a year, 147.00 USD over 7 days on 10,000 USD.
 * Both books: 0.05 BTC at 50,005 / 49,995, then 10 BTC 20 further out. Half the spread is 1 bp, 1.00 USD
 * a fill; a 10,000 USD fill takes 2,500.25 USD at the touch and the rest 20 beyond it, about 3.00 USD
 * of slippage a fill. Four fills: fees 20.00 (0.05 % taker), half spreads 4.00, slippage 12.00.
 */
async function pinBtc(app: AppHelpers): Promise<void> {
  await app.control('/funding', { exchange: 'binance', symbol: 'BTCUSDT', rate: 0.0001, intervalHours: 8 });
  await app.control('/funding', { exchange: 'okx', symbol: 'BTC-USDT-SWAP', rate: 0.0004, intervalHours: 4 });
  await app.control('/book', { exchange: 'binance', symbol: 'BTCUSDT', bids: '49995:0.05,49975:10', asks: '50005:0.05,50025:10' });
  // OKX sizes in contracts of 0.01 BTC.
  await app.control('/book', { exchange: 'okx', symbol: 'BTC-USDT-SWAP', bids: '49995:5,49975:1000', asks: '50005:5,50025:1000' });
}

const carryTable = (page: Page) => page.getByRole('table', { name: 'Carry pairs' });
/** BTC's USDⓈ-M pair (its coin-margined one is listed too). */
const btcRow = (page: Page) => bodyRows(carryTable(page)).filter({ hasText: 'BTCUSDT' });
const btcCoinMarginedRow = (page: Page) => bodyRows(carryTable(page)).filter({ hasText: 'BTCUSD_PERP' });
// A zero spread or median is printed unsigned ("0.00%").
const SPREAD = /annualised spread now ([+−]?\d+\.\d\d%), 7-day median [+−]?\d+\.\d\d%$/;

async function cellOf(page: Page, header: string) {
  return btcRow(page).getByRole('cell').nth(await columnIndex(carryTable(page), header));
}

test.describe('Carry desk', () => {
  test.beforeEach(async ({ app, page }) => {
    await pinBtc(app);
    await app.gotoApp('/carry?q=BTC');
    await expect(btcRow(page)).toBeVisible({ timeout: 30_000 });
  });

  test('prices the pair at the default size: gross, net before slippage and break-even to the digit', async ({ page }) => {
    await expect(await cellOf(page, 'Long leg')).toHaveText('Binance BTCUSDT', { timeout: 20_000 });
    await expect(await cellOf(page, 'Short leg')).toHaveText('OKX BTC-USDT-SWAP');
    await expect(await cellOf(page, 'Gross APR (%)')).toHaveText('+76.65%');
    // 147 − 20 − 4 = 123 USD: 123 / 10,000 × 8,760 / 168 = 64.14 %; 24 / 0.875 USD an hour = 27.4 h.
    await expect(await cellOf(page, 'Net APR at your size (%)')).toHaveText('+64.14%', { timeout: 20_000 });
    await expect(await cellOf(page, 'Break-even')).toHaveText('27.4 h');
    await expect(await cellOf(page, 'Wider bid/ask (bps)')).toHaveText('2.00');
  });

  test('the pair’s detail walks both live books: slippage, net and break-even to the digit', async ({ page }) => {
    await btcRow(page).click();
    await expect(page).toHaveURL(/pair=BTC%3Alinear/);
    const breakdown = page.getByRole('table', { name: 'Cost breakdown' });
    const line = (label: string) => breakdown.getByRole('row', { name: label, exact: false }).getByRole('cell');
    await expect(line('Slippage through the books')).toHaveText('−$12.00', { timeout: 30_000 });
    await expect(line('Fees')).toHaveText('−$20.00');
    await expect(line('Half spreads')).toHaveText('−$4.00');
    await expect(breakdown.getByRole('row', { name: /^Costs/ }).getByRole('cell')).toHaveText('−$36.00');
    // 147 − 36 = 111 USD: 111 / 10,000 × 8,760 / 168 = 57.88 %; on 20,000 of capital at 1×, 28.94 %; 36 / 0.875 = 41.1 h.
    await expect(breakdown.getByRole('row', { name: /^Net \$/ }).getByRole('cell')).toHaveText('$111.00');
    await expect(line('Net APR on notional')).toHaveText('+57.88%');
    await expect(line('Net APR on capital at 1×')).toHaveText('+28.94%');
    await expect(line('Break-even')).toHaveText('41.1 h');
    await expect(page.getByRole('list', { name: 'Order books' })).toContainText('Binance BTCUSDT: 2 bid and 2 ask levels');
  });

  test('the pair’s detail overlays both legs’ settled funding: a figure named by the pair, its summary counting the settlements', async ({ page }) => {
    // All the fake's 45 days of BTCUSDT settlements: the page asks from 90 days back, 1,000 at most.
    const url = `${harnessUrl('FAKE_BINANCE_REST_URL')}/fapi/v1/fundingRate?symbol=BTCUSDT&startTime=${Date.now() - 90 * 86_400_000}&limit=1000`;
    const settled = ((await (await fetch(url)).json()) as unknown[]).length;
    expect(settled).toBeGreaterThanOrEqual(135);
    await btcRow(page).click();
    const figure = page.getByRole('figure', { name: 'BTC funding history: long Binance BTCUSDT, short OKX BTC-USDT-SWAP' });
    await expect(figure).toBeVisible({ timeout: 20_000 });
    await expect(figure).toHaveAccessibleDescription(SPREAD, { timeout: 60_000 });
    const summary = figure.getByText(SPREAD);
    await expect(summary).toContainText(new RegExp(`^Long Binance BTCUSDT: ${settled} settlements over 4[45] days; short OKX BTC-USDT-SWAP: \\d+ settlements over 4[45] days;`));
    // The chart got the series: its legend's newest spread is the summary's.
    const spreadNow = (await summary.innerText()).match(SPREAD)![1];
    await expect(figure.getByRole('definition').last()).toHaveText(spreadNow!);
    await expect(figure.getByRole('status')).toHaveCount(0);
    await expect(page.getByText(/NaN|undefined/)).toHaveCount(0);
  });

  test('a coin-margined pair’s detail says why Binance’s leg has no history, and the table counts it apart', async ({ page }) => {
    await expect(btcCoinMarginedRow(page)).toBeVisible({ timeout: 30_000 });
    await btcCoinMarginedRow(page).click();
    await expect(page).toHaveURL(/pair=BTC%3Ainverse/);
    const figure = page.getByRole('figure', { name: /^BTC funding history: .*Binance BTCUSD_PERP/ });
    await expect(figure).toBeVisible({ timeout: 20_000 });
    await expect(figure.getByRole('note')).toHaveText(
      'No funding history for Binance BTCUSD_PERP: Binance serves coin-margined funding history on its COIN-M host, which this page does not call.',
    );
    await expect(figure).toHaveAccessibleDescription(/Binance BTCUSD_PERP: no settlements held;.*annualised spread now —, 7-day median —$/);
    await expect(page.getByText(/pairs of the same coin and margin on both exchanges/)).toContainText(
      '(1 without: Binance serves coin-margined funding history on its COIN-M host, which this page does not call)',
    );
    await expect(page.getByText(/NaN|undefined/)).toHaveCount(0);
  });

  test('refuses a bad setting with a message and changes nothing; a good one applies and survives a reload', async ({ page }) => {
    const net = await cellOf(page, 'Net APR at your size (%)');
    await expect(net).toHaveText('+64.14%', { timeout: 20_000 });
    const notional = page.getByRole('textbox', { name: 'Notional per leg (USD)' });
    await notional.fill('-5000');
    await expect(page.getByRole('alert')).toHaveText('Notional must be more than 0 USD.');
    await expect(notional).toHaveAttribute('aria-invalid', 'true');
    await notional.fill('ten thousand');
    await expect(page.getByRole('alert')).toHaveText('Notional must be a number.');
    await expect(net).toHaveText('+64.14%');

    await notional.fill('10000');
    await expect(page.getByRole('alert')).toHaveCount(0);
    // 14 days: gross 294, costs still 24: 270 / 10,000 × 8,760 / 336 = 70.39 %.
    await page.getByRole('textbox', { name: 'Holding period (days)' }).fill('14');
    await expect(net).toHaveText('+70.39%');
    await page.reload();
    await expect(page.getByRole('textbox', { name: 'Holding period (days)' })).toHaveValue('14');
    await expect(await cellOf(page, 'Net APR at your size (%)')).toHaveText('+70.39%', { timeout: 30_000 });
  });

  test('a reload serves both legs’ funding history from IndexedDB: the venues are asked nothing again', async ({ app, page }) => {
    // Both BTC pairs priced, so both are asked for; the coin-margined one's OKX leg loads, its Binance leg is refused.
    await expect(btcCoinMarginedRow(page)).toBeVisible({ timeout: 30_000 });
    const summary = page.getByText(/pairs of the same coin and margin on both exchanges/);
    await expect(summary).toContainText(/history 2 of 2 pairs \(1 without/, { timeout: 60_000 });
    await expect(summary).not.toContainText('history 0 of');
    await app.control('/reset-requests');
    await page.reload();
    await expect(page.getByText(/pairs of the same coin and margin on both exchanges/)).toContainText(/history (\d+) of \1 pairs/, { timeout: 60_000 });
    await page.waitForTimeout(3_000);
    const counts = async (exchange: string) => {
      const response = await fetch(`${harnessUrl('FAKE_CONTROL_URL').replace(/\/+$/, '')}/requests?exchange=${exchange}`);
      return ((await response.json()) as { counts: Record<string, number> }).counts;
    };
    expect((await counts('binance'))['/fapi/v1/fundingRate'] ?? 0).toBe(0);
    expect((await counts('okx'))['/api/v5/public/funding-rate-history'] ?? 0).toBe(0);
  });
});

test.describe('Carry pairs', () => {
  test('one row per coin and margin on both exchanges, each long its cheaper leg', async ({ app, page }) => {
    await app.gotoApp('/carry?q=BTC');
    const table = carryTable(page);
    // BTC's coin-margined pair needs both legs' rows, which may land after the linear one.
    await expect(table.getByRole('cell', { name: 'Coin-margined', exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(table.getByRole('cell', { name: 'Linear', exact: true })).toBeVisible();
    const headers = ['Coin', 'Margin', 'Long leg', 'Short leg', 'Gross APR (%)'];
    await expect.poll(async () => (await rowTexts(table, headers)).every((row) => numberOf(row[4]!) !== null), { timeout: 20_000 }).toBe(true);
    const rows = await rowTexts(table, headers);
    // Linear pairs with linear and coin-margined with coin-margined, never across.
    expect(rows.map(([coin, margin]) => `${coin} ${margin}`).sort()).toEqual(['BTC Coin-margined', 'BTC Linear']);
    for (const [, , long, short, gross] of rows) {
      expect([long!.split(' ')[0], short!.split(' ')[0]].sort()).toEqual(['Binance', 'OKX']);
      // Long the leg paying less an hour: the gross never comes out negative.
      expect(numberOf(gross!)).toBeGreaterThanOrEqual(0);
    }
  });

  test('a link to the retired cross-exchange screener lands on the Carry desk with its coin', async ({ app, page }) => {
    await app.gotoApp('/screener?view=cross&q=ETH');
    await expect(page).toHaveURL(/\/carry\?q=ETH$/);
    await expect(page.getByRole('heading', { name: 'Carry desk', level: 1 })).toBeVisible();
  });
});
