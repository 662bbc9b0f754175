import type { Page } from '@playwright/test';
import { expect, harnessUrl, test } from '../support/fixtures.ts';
import { expiryTime, openTermPanel } from '../support/termPanel.ts';

const LOAD_TIMEOUT = 30_000;
const DAY_MS = 86_400_000;
/** Binance's quotes grey out after 5 s without an update (STALE_AFTER_MS); the comparison is worked out once a second. */
const STALE_TIMEOUT = 15_000;

/** An option's expiry date (YYMMDD) and strike text in either venue's symbol form. */
interface Contract {
  date: string;
  strike: string;
}

/** The fake's BTC calls on both venues, from Binance's mark list and OKX's opt-summary. */
async function listedCalls(): Promise<{ binance: Contract[]; okx: Contract[] }> {
  const marks = (await (await fetch(`${harnessUrl('FAKE_BINANCE_REST_URL')}/eapi/v1/mark`)).json()) as { symbol: string }[];
  const summary = (await (await fetch(`${harnessUrl('FAKE_OKX_REST_URL')}/api/v5/public/opt-summary?instFamily=BTC-USD`)).json()) as { data: { instId: string }[] };
  const contracts = (symbols: string[], offset: number) =>
    symbols.filter((symbol) => symbol.endsWith('-C')).map((symbol) => {
      const parts = symbol.split('-');
      return { date: parts[offset]!, strike: parts[offset + 1]! };
    });
  return {
    binance: contracts(marks.map((mark) => mark.symbol).filter((symbol) => symbol.startsWith('BTC-')), 1),
    okx: contracts(summary.data.map((item) => item.instId), 2),
  };
}

/** Expiries both venues list, at least two days out (none settles during the test), nearest first. */
async function matchedExpiries(): Promise<{ dates: string[]; calls: Awaited<ReturnType<typeof listedCalls>> }> {
  const calls = await listedCalls();
  const okxDates = new Set(calls.okx.map((call) => call.date));
  const dates = [...new Set(calls.binance.map((call) => call.date))]
    .filter((date) => okxDates.has(date) && expiryTime(date) > Date.now() + 2 * DAY_MS)
    .sort((a, b) => expiryTime(a) - expiryTime(b));
  return { dates, calls };
}

const expiryLabel = (date: string) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' }).format(expiryTime(date));

async function openTerm(page: Page, gotoApp: (path: string) => Promise<void>): Promise<void> {
  await openTermPanel(page, gotoApp);
  await expect(page.getByRole('heading', { name: 'Binance against OKX' })).toBeVisible();
}

test.describe('Binance against OKX', () => {
  test.describe.configure({ timeout: 120_000 });

  test('shows the ATM spread of a matched expiry to a hundredth, and flags one crossed quote until it goes stale', async ({ app, page }) => {
    const { dates, calls } = await matchedExpiries();
    expect(dates.length).toBeGreaterThan(0);
    // Flat smiles 0.43 vol points apart, less than the books' narrowest half-spreads: no strike crosses by itself.
    for (const date of dates) {
      await app.control('/smile', { exchange: 'binance', underlying: 'BTCUSDT', expiry: date, call: 0.506, put: 0.506 });
      await app.control('/smile', { exchange: 'okx', underlying: 'BTC-USD', expiry: date, call: 0.5017, put: 0.5017 });
    }
    const date = dates[0]!;
    await openTerm(page, app.gotoApp);

    const spreads = page.getByRole('table', { name: 'BTC ATM IV, Binance against OKX' });
    const row = spreads.getByRole('row', { name: new RegExp(`^${expiryLabel(date)}`) });
    // A flat smile's ATM IV is its level, whatever the forward: 50.60 − 50.17.
    await expect(row.getByRole('cell').nth(1)).toHaveText('50.60', { timeout: LOAD_TIMEOUT });
    await expect(row.getByRole('cell').nth(2)).toHaveText('50.17', { timeout: LOAD_TIMEOUT });
    await expect(row.getByRole('cell').nth(3)).toHaveText('+0.43');

    // The chart opens on the nearest matched expiry; the picker moves it to the furthest.
    const furthest = dates.at(-1)!;
    await page.getByRole('combobox', { name: 'Matched expiry' }).selectOption({ label: expiryLabel(furthest) });
    await expect(page.getByRole('img', { name: `Mark IV smiles of Binance and OKX for ${expiryLabel(furthest)}, against log-moneyness` })).toBeVisible();
    const summary = page.getByRole('list', { name: 'Smile summary' });
    await expect(summary.getByRole('listitem').filter({ hasText: /^Binance:/ })).toContainText(/\d+ strikes, ln\(K\/F\) −0\.\d{3} to 0\.\d{3} .*; ATM 50\.60\.$/);
    await expect(summary.getByRole('listitem').filter({ hasText: /^OKX:/ })).toContainText(/; ATM 50\.17\.$/);
    // The points behind the chart, in text, once opened: the pinned furthest expiry reads flat on each venue.
    await page.getByText('Smile points', { exact: true }).click();
    const points = page.getByRole('table', { name: `Smile points for ${expiryLabel(furthest)}` });
    await expect(points.getByRole('row', { name: /^Binance / }).first().getByRole('cell').nth(2)).toHaveText('50.60');
    await expect(points.getByRole('row', { name: /^OKX / }).last().getByRole('cell').nth(2)).toHaveText('50.17');

    const crossedSection = page.getByRole('region', { name: 'Crossed quotes' });
    await expect(crossedSection.getByText(/^No crossed quotes/)).toBeVisible();

    // The listed strike both venues quote nearest the middle of Binance's grid for that expiry.
    const okxStrikes = new Set(calls.okx.filter((call) => call.date === date).map((call) => call.strike));
    const shared = calls.binance.filter((call) => call.date === date && okxStrikes.has(call.strike)).map((call) => call.strike);
    const strike = shared[Math.floor(shared.length / 2)]!;
    const binanceSymbol = `BTC-${date}-${strike}-C`;
    const okxSymbol = `BTC-USD-${date}-${strike}-C`;
    // Binance bids 56 vol points where OKX offers near 50.17 plus its half-spread: one crossed pair.
    await app.control('/option-quote', { exchange: 'binance', symbol: binanceSymbol, bidIv: 0.56, askIv: 0.58 });
    const flags = page.getByRole('list', { name: 'Crossed quotes' }).getByRole('listitem');
    await expect(flags).toHaveCount(1, { timeout: LOAD_TIMEOUT });
    await expect(flags).toContainText(new RegExp(`Binance ${binanceSymbol} bid IV 5\\d\\.\\d{2} \\(\\d+ s old\\) above OKX ${okxSymbol} ask IV 5\\d\\.\\d{2} \\(\\d+ s old\\) by \\d\\.\\d{2}$`));

    // Frozen, Binance's quote stops updating and turns stale: it can no longer raise a flag.
    await app.control('/option-quote', { exchange: 'binance', symbol: binanceSymbol, freeze: 1 });
    await expect(crossedSection.getByText(/^No crossed quotes/)).toBeVisible({ timeout: STALE_TIMEOUT });
    await expect(flags).toHaveCount(0);
  });
});
