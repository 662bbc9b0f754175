import type { Page } from '@playwright/test';
import { expect, harnessUrl, test } from '../support/fixtures.ts';
import { expiryTime, openTermPanel } from '../support/termPanel.ts';

const LOAD_TIMEOUT = 30_000;
const DAY_MS = 86_400_000;

interface Expiry {
  date: string;
  time: number;
}

/** The fake's listed Binance BTC expiries, nearest first, from the venue's own mark list. */
async function binanceBtcExpiries(): Promise<Expiry[]> {
  const response = await fetch(`${harnessUrl('FAKE_BINANCE_REST_URL')}/eapi/v1/mark`);
  const marks = (await response.json()) as { symbol: string }[];
  const dates = [...new Set(marks.filter((mark) => mark.symbol.startsWith('BTC-')).map((mark) => mark.symbol.split('-')[1]!))];
  return dates
    .map((date) => ({ date, time: expiryTime(date) }))
    .sort((a, b) => a.time - b.time);
}

/** A cell's vol points as a number; the panel writes negatives with a true minus sign. */
const cellNumber = async (row: ReturnType<Page['getByRole']>, index: number): Promise<number> =>
  Number((await row.getByRole('cell').nth(index).textContent())!.replace('−', '-'));

test.describe('vol term structure', () => {
  test.describe.configure({ timeout: 90_000 });

  test('an expiry pinned at flat vols shows its ATM, risk reversal and butterfly to a hundredth of a vol point', async ({ app, page }) => {
    const [first] = await binanceBtcExpiries();
    // Calls at 55 %, puts at 50 %: the 25-delta wings read 55 and 50, RR +5.00, and BF is their mean less ATM.
    await app.control('/smile', { exchange: 'binance', underlying: 'BTCUSDT', expiry: first!.date, call: 0.55, put: 0.5 });
    await openTermPanel(page, app.gotoApp);
    await expect(page.getByRole('img', { name: 'BTC ATM IV against days to expiry, Binance and OKX' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Binance BTCUSDT vol by expiry' });
    const row = table.getByRole('row').nth(1);
    await expect(row.getByRole('cell').nth(2)).toHaveText('+5.00', { timeout: LOAD_TIMEOUT });
    const atm = await cellNumber(row, 1);
    // ATM lies between the put below the forward (50) and the call above it (55), in total variance.
    expect(atm).toBeGreaterThan(50);
    expect(atm).toBeLessThan(55);
    expect(Math.abs((await cellNumber(row, 3)) - (52.5 - atm))).toBeLessThanOrEqual(0.011);
  });

  test('a constant tenor between two pinned expiries is interpolated in total variance, and one outside them is not shown', async ({ app, page }) => {
    const expiries = await binanceBtcExpiries();
    const tenorTime = Date.now() + 7 * DAY_MS;
    const after = expiries.findIndex((expiry) => expiry.time > tenorTime);
    const [low, high] = [expiries[after - 1]!, expiries[after]!];
    await app.control('/smile', { exchange: 'binance', underlying: 'BTCUSDT', expiry: low.date, call: 0.4, put: 0.4 });
    await app.control('/smile', { exchange: 'binance', underlying: 'BTCUSDT', expiry: high.date, call: 0.6, put: 0.6 });
    await openTermPanel(page, app.gotoApp);
    const byExpiry = page.getByRole('table', { name: 'Binance BTCUSDT vol by expiry' });
    await expect(byExpiry.getByRole('row').filter({ has: page.getByRole('cell', { name: '40.00' }) })).toHaveCount(1, { timeout: LOAD_TIMEOUT });
    const seven = page.getByRole('table', { name: 'BTC vol by tenor' }).getByRole('row', { name: /^7 d/ });
    const expected = () => {
      const now = Date.now();
      const [t1, t2, t] = [(low.time - now) / DAY_MS, (high.time - now) / DAY_MS, 7];
      const variance = 0.16 * t1 + (0.36 * t2 - 0.16 * t1) * ((t - t1) / (t2 - t1));
      return 100 * Math.sqrt(variance / t);
    };
    await expect.poll(async () => Math.abs((await cellNumber(seven, 0)) - expected()), { timeout: LOAD_TIMEOUT }).toBeLessThanOrEqual(0.006);
    // The flat expiries have no skew: RR and BF are zero at the tenor too.
    await expect(seven.getByRole('cell').nth(1)).toHaveText('0.00');
    await expect(seven.getByRole('cell').nth(2)).toHaveText('0.00');
    // A tenor beyond Binance's last BTC expiry is unavailable, not extrapolated; one inside the listed expiries has a figure.
    const beyond = expiries.at(-1)!.time < Date.now() + 180 * DAY_MS;
    const longest = page.getByRole('table', { name: 'BTC vol by tenor' }).getByRole('row', { name: /^180 d/ }).getByRole('cell').first();
    await expect(longest).toHaveText(beyond ? '—' : /^\d+\.\d{2}$/);
  });
});

test('an ATM IV alert watches the nearest expiry’s ATM as the Term panel reads it', async ({ app, page }) => {
  test.setTimeout(90_000);
  const [nearest] = await binanceBtcExpiries();
  // Calls at 60 %, puts at 50 %: the ATM is between them by where the forward sits, not their mean at the nearest strike.
  await app.control('/smile', { exchange: 'binance', underlying: 'BTCUSDT', expiry: nearest!.date, call: 0.6, put: 0.5 });
  await openTermPanel(page, app.gotoApp);
  const atmCell = page.getByRole('table', { name: 'Binance BTCUSDT vol by expiry' }).getByRole('row').nth(1).getByRole('cell').nth(1);
  await expect(atmCell).toHaveText(/^\d+\.\d{2}$/, { timeout: LOAD_TIMEOUT });
  await page.getByRole('button', { name: 'Alert on BTCUSDT options (Binance)' }).click();
  const dialog = page.getByRole('dialog', { name: 'New alert on BTCUSDT options (Binance)' });
  await dialog.getByLabel('Level (vol %)').fill('1');
  // The ATM sweeps 50 to 60 as the forward crosses a strike gap, and the panel reads it once a second: keep every reading
  // it shows until the alert fires, and allow half a point of drift beyond them (the old reading, 55, was 3 points off).
  const seen: number[] = [Number(await atmCell.textContent())];
  await dialog.getByRole('button', { name: 'Create' }).click();
  const toast = page.getByRole('status', { name: 'Alerts fired' }).getByRole('listitem').filter({ hasText: 'BTCUSDT options (Binance) ATM IV' });
  await expect
    .poll(
      async () => {
        seen.push(Number(await atmCell.textContent()));
        return toast.count();
      },
      { timeout: LOAD_TIMEOUT, intervals: [100] },
    )
    .toBe(1);
  seen.push(Number(await atmCell.textContent()));
  await expect(toast).toContainText('is above 1%');
  const fired = Number(/ATM IV \(nearest expiry\) ([\d.]+)%/.exec((await toast.textContent())!)![1]);
  expect(fired).toBeGreaterThanOrEqual(Math.min(...seen) - 0.5);
  expect(fired).toBeLessThanOrEqual(Math.max(...seen) + 0.5);
});

test('a venue that goes silent is named in the Term panel, its figures held as last received', async ({ app, page }) => {
  test.setTimeout(90_000);
  await openTermPanel(page, app.gotoApp);
  const states = page.getByRole('list', { name: 'Term structure sources' });
  await expect(states.getByRole('listitem')).toHaveText(['Binance BTCUSDT: live', 'OKX BTC-USD: live'], { timeout: LOAD_TIMEOUT });
  await app.control('/refuse', { exchange: 'okx', status: 503, scope: 'ws' });
  await app.control('/drop', { exchange: 'okx' });
  await expect(states.getByRole('listitem').nth(1)).toHaveText('OKX BTC-USD: reconnecting to OKX; its figures are as last received', { timeout: LOAD_TIMEOUT });
  await expect(states.getByRole('listitem').nth(0)).toHaveText('Binance BTCUSDT: live');
  await expect(page.getByRole('table', { name: 'OKX BTC-USD vol by expiry' }).getByRole('row').nth(1).getByRole('cell').nth(1)).toHaveText(/^\d+\.\d{2}$/);
});
