import { expect, harnessUrl, test } from '../support/fixtures.ts';
import { columnIndex, numberOf, perpTable, rowFor, rowTexts, volumeOf } from '../support/screener.ts';

const LOAD_TIMEOUT = 20_000;
/** Funding history waits its turn in the venue's paced queue behind the other rows in view. */
const HISTORY_TIMEOUT = 45_000;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function postControlJson<T>(path: string, params: Record<string, string | number>): Promise<T> {
  const url = new URL(`${harnessUrl('FAKE_CONTROL_URL').replace(/\/+$/, '')}${path}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, String(value));
  const response = await fetch(url, { method: 'POST' });
  if (!response.ok) throw new Error(`POST ${url.pathname}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A rate as the per-interval funding columns print it: 0.0001 → "+0.0100%". */
function percentText(rate: number): string {
  const text = Math.abs(rate * 100).toFixed(4);
  return Number(text) === 0 ? `${text}%` : `${rate < 0 ? '−' : '+'}${text}%`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

test.describe('facts per perpetual on the screener', () => {
  test('shows the caps, and the rate as a share of the bound on its side, to the digit', async ({ app, page }) => {
    const [info] = (await getJson<{ symbol: string; adjustedFundingRateCap: string; adjustedFundingRateFloor: string }[]>(
      `${harnessUrl('FAKE_BINANCE_REST_URL')}/fapi/v1/fundingInfo`,
    )).filter((row) => row.symbol === 'BTCUSDT');
    const okx = (await getJson<{ data: { maxFundingRate: string; minFundingRate: string }[] }>(`${harnessUrl('FAKE_OKX_REST_URL')}/api/v5/public/funding-rate?instId=BTC-USDT-SWAP`)).data[0]!;
    const binanceCap = Number(info!.adjustedFundingRateCap);
    const okxFloor = Number(okx.minFundingRate);
    await app.control('/funding', { exchange: 'binance', symbol: 'BTCUSDT', rate: binanceCap * 0.5, intervalHours: 8 });
    await app.control('/funding', { exchange: 'okx', symbol: 'BTC-USDT-SWAP', rate: okxFloor * 0.25, intervalHours: 8 });
    await app.gotoApp('/screener?q=BTC&rate=interval');
    const table = perpTable(page);
    await expect(rowFor(table, 'BTCUSDT')).toBeVisible({ timeout: LOAD_TIMEOUT });

    // The bounds are hidden by default: the column chooser shows them.
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Funding cap (%)' }).check();
    await page.getByRole('checkbox', { name: 'Funding floor (%)' }).check();
    const cell = async (symbol: string, header: string) => rowFor(table, symbol).getByRole('cell').nth(await columnIndex(table, header));
    await expect(await cell('BTCUSDT', 'Funding cap (%)')).toHaveText(percentText(binanceCap));
    await expect(await cell('BTCUSDT', 'Funding floor (%)')).toHaveText(percentText(Number(info!.adjustedFundingRateFloor)));
    await expect(await cell('BTCUSDT', '% of cap')).toHaveText('50.0%', { timeout: LOAD_TIMEOUT });
    await expect(await cell('BTC-USDT-SWAP', 'Funding cap (%)')).toHaveText(percentText(Number(okx.maxFundingRate)), { timeout: LOAD_TIMEOUT });
    await expect(await cell('BTC-USDT-SWAP', 'Funding floor (%)')).toHaveText(percentText(okxFloor));
    await expect(await cell('BTC-USDT-SWAP', '% of cap')).toHaveText('25.0%', { timeout: LOAD_TIMEOUT });
  });

  test("shows each venue's bid/ask spread in bps from a set book", async ({ app, page }) => {
    // (50,005 − 49,995) / 50,000 = 2 bps; (50,010 − 49,990) / 50,000 = 4 bps.
    await app.control('/book', { exchange: 'binance', symbol: 'BTCUSDT', bids: '49995:0.5,49990:1', asks: '50005:0.5,50010:1' });
    await app.control('/book', { exchange: 'okx', symbol: 'BTC-USDT-SWAP', bids: '49990:5', asks: '50010:5' });
    await app.gotoApp('/screener?q=BTC');
    const table = perpTable(page);
    const cell = async (symbol: string) => rowFor(table, symbol).getByRole('cell').nth(await columnIndex(table, 'Spread (bps)'));
    await expect(await cell('BTCUSDT')).toHaveText('2.00', { timeout: LOAD_TIMEOUT });
    await expect(await cell('BTC-USDT-SWAP')).toHaveText('4.00', { timeout: LOAD_TIMEOUT });
  });

  test('asks Binance open interest for the rows in view and shows it in USD at the mark', async ({ app, page }) => {
    await app.control('/open-interest', { exchange: 'binance', symbol: 'SOLUSDT', openInterest: 123_456 });
    await app.gotoApp('/screener?q=SOL&ex=binance');
    const table = perpTable(page);
    await expect(rowFor(table, 'SOLUSDT')).toBeVisible({ timeout: LOAD_TIMEOUT });
    // A handful of Binance rows in view, one asked a second: SOLUSDT's comes within seconds.
    await expect
      .poll(async () => {
        const [row] = (await rowTexts(table, ['Symbol', 'Mark', 'Open interest (USD)'])).filter(([symbol]) => symbol === 'SOLUSDT');
        const mark = numberOf(row![1]!);
        const openInterest = volumeOf(row![2]!);
        return mark === null || openInterest === null ? null : openInterest / (123_456 * mark);
      }, { timeout: 15_000 })
      .toBeCloseTo(1, 2);
  });

  test("shows Binance's last settled rate from its funding history, as the venue settled it", async ({ page, app }) => {
    const [newest] = await getJson<{ fundingRate: string }[]>(`${harnessUrl('FAKE_BINANCE_REST_URL')}/fapi/v1/fundingRate?symbol=ETHUSDT&limit=1`);
    await app.gotoApp('/screener?q=ETH&ex=binance&rate=interval');
    const table = perpTable(page);
    await expect(page.getByText(/history \d+ of \d+ rows in view/)).toBeVisible({ timeout: LOAD_TIMEOUT });
    const cell = rowFor(table, 'ETHUSDT').getByRole('cell').nth(await columnIndex(table, 'Last settled per interval (%)'));
    await expect(cell).toHaveText(percentText(Number(newest!.fundingRate)), { timeout: HISTORY_TIMEOUT });
  });

  test('flags an interval that changed in the last 30 days, with the day it changed', async ({ app, page }) => {
    // A small-cap perpetual the fake already moved 8 h → 4 h: moving it again leaves the other specs' symbols alone.
    const drawn = await getJson<{ binance: { symbol: string; fromHours: number; toHours: number }[] }>(`${harnessUrl('FAKE_CONTROL_URL').replace(/\/+$/, '')}/interval-changes`);
    const symbol = drawn.binance.find((change) => change.fromHours === 8 && change.toHours === 4)!.symbol;
    const change = await postControlJson<{ at: number }>('/interval-change', { exchange: 'binance', symbol, fromHours: 8, toHours: 4, daysAgo: 3 });
    const day = new Date(change.at);
    await app.gotoApp(`/screener?q=${symbol.replace(/USDT$/, '')}&ex=binance`);
    const table = perpTable(page);
    const cell = rowFor(table, symbol).getByRole('cell').nth(await columnIndex(table, 'Interval'));
    await expect(cell).toHaveText(`4h 8 h → 4 h on ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]}`, { timeout: HISTORY_TIMEOUT });
    await expect(table.getByRole('columnheader', { name: 'Interval' })).toHaveAttribute('title', /changed in the last 30 days/);
  });

  test('the column chooser hides a column, and the choice holds after a reload', async ({ app, page }) => {
    await app.gotoApp('/screener?q=BTC');
    const table = perpTable(page);
    await expect(rowFor(table, 'BTCUSDT')).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(table.getByRole('columnheader', { name: '24h volume' })).toBeVisible();
    const chooser = page.getByRole('button', { name: 'Columns' });
    await chooser.click();
    await expect(chooser).toHaveAttribute('aria-expanded', 'true');
    await page.getByRole('checkbox', { name: '24h volume' }).uncheck();
    await expect(table.getByRole('columnheader', { name: '24h volume' })).toHaveCount(0);

    await page.reload();
    await expect(rowFor(table, 'BTCUSDT')).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(table.getByRole('columnheader', { name: 'Mark' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: '24h volume' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Columns' }).click();
    await expect(page.getByRole('checkbox', { name: '24h volume' })).not.toBeChecked();
    await page.getByRole('checkbox', { name: '24h volume' }).check();
    await expect(table.getByRole('columnheader', { name: '24h volume' })).toBeVisible();
  });
});
