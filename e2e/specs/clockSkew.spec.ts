import type { Page } from '@playwright/test';
import { connectionStatus, type ExchangeLabel } from '../support/connectionStatus.ts';
import { expect, harnessUrl, test } from '../support/fixtures.ts';
import { columnIndex, numberOf, perpTable, rowFor } from '../support/screener.ts';
import { shiftClock } from '../support/shiftedClock.ts';

const LOAD_TIMEOUT = 20_000;
const MINUTE_MS = 60_000;
const YEAR_MS = 365 * 86_400_000;

async function cellOf(page: Page, symbol: string, header: string): Promise<string> {
  const table = perpTable(page);
  return rowFor(table, symbol).getByRole('cell').nth(await columnIndex(table, header)).innerText();
}

/** "07:59:37" or "1d 02:00:00" → seconds; null for anything else ("—"). */
function secondsOf(countdown: string): number | null {
  const match = /^(?:(\d+)d )?(\d{2}):(\d{2}):(\d{2})$/.exec(countdown.trim());
  if (!match) return null;
  const [, days = '0', hours, minutes, seconds] = match;
  return Number(days) * 86_400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The venue's own seconds to the symbol's next settlement, by its clock (the fake's premiumIndex / funding-rate). */
const venueCountdown: Record<string, () => Promise<number>> = {
  BTCUSDT: async () => {
    const index = await getJson<{ nextFundingTime: number; time: number }>(`${harnessUrl('FAKE_BINANCE_REST_URL')}/fapi/v1/premiumIndex?symbol=BTCUSDT`);
    return (index.nextFundingTime - index.time) / 1000;
  },
  'BTC-USDT-SWAP': async () => {
    const body = await getJson<{ data: { fundingTime: string; ts: string }[] }>(`${harnessUrl('FAKE_OKX_REST_URL')}/api/v5/public/funding-rate?instId=BTC-USDT-SWAP`);
    const [funding] = body.data;
    return (Number(funding!.fundingTime) - Number(funding!.ts)) / 1000;
  },
};

/** The screener's countdown minus the venue's, in seconds (null while the row shows none). */
async function countdownError(page: Page, symbol: string): Promise<number | null> {
  const shown = secondsOf(await cellOf(page, symbol, 'Next funding'));
  const venue = await venueCountdown[symbol]!();
  return shown === null ? null : shown - venue;
}

async function rejectedCount(page: Page, exchange: ExchangeLabel): Promise<number> {
  const title = (await connectionStatus(page, exchange).getAttribute('title')) ?? '';
  const match = /(\d+) bad values rejected/.exec(title);
  if (!match) throw new Error(`no rejected count in the ${exchange} badge's title: ${title}`);
  return Number(match[1]);
}

async function inject(exchange: 'binance' | 'okx', frame: unknown): Promise<void> {
  const response = await fetch(`${harnessUrl('FAKE_CONTROL_URL')}/inject?exchange=${exchange}`, { method: 'POST', body: JSON.stringify(frame) });
  if (!response.ok) throw new Error(`inject: HTTP ${response.status} ${await response.text()}`);
}

test.describe("the computer's clock is wrong", () => {
  test.describe.configure({ timeout: 90_000 });

  for (const [label, offsetMs] of [
    ['2 minutes fast', 2 * MINUTE_MS],
    ['2 minutes slow', -2 * MINUTE_MS],
  ] as const) {
    test(`${label}: next-funding countdowns follow the venue's clock and fresh rows are not greyed`, async ({ app, page }) => {
      const shiftedWorkers = await shiftClock(page, offsetMs);
      await app.gotoApp('/screener?q=BTC');
      const table = perpTable(page);
      for (const symbol of ['BTCUSDT', 'BTC-USDT-SWAP']) {
        await expect.poll(() => cellOf(page, symbol, 'Next funding'), { timeout: LOAD_TIMEOUT }).toMatch(/\d{2}:\d{2}:\d{2}/);
      }
      // The skew is real in the page and in both ingest workers, not only in the test's wishes.
      expect(Math.abs((await page.evaluate(() => Date.now())) - Date.now() - offsetMs)).toBeLessThan(5_000);
      expect(shiftedWorkers()).toBeGreaterThanOrEqual(2);
      for (const worker of page.workers()) {
        expect(Math.abs((await worker.evaluate(() => Date.now())) - Date.now() - offsetMs)).toBeLessThan(5_000);
      }

      for (const symbol of ['BTCUSDT', 'BTC-USDT-SWAP']) {
        await expect.poll(async () => Math.abs((await countdownError(page, symbol)) ?? Infinity), { timeout: 10_000 }).toBeLessThanOrEqual(2);
        await expect(rowFor(table, symbol)).not.toHaveClass(/stale/);
        // What the table reports: the countdown's error once live, over a few seconds.
        const errors: number[] = [];
        for (let sample = 0; sample < 5; sample++) {
          errors.push((await countdownError(page, symbol)) ?? Infinity);
          await page.waitForTimeout(400);
        }
        test.info().annotations.push({ type: `${symbol} countdown error (s)`, description: errors.map((error) => error.toFixed(2)).join(' ') });
        expect(Math.max(...errors.map(Math.abs))).toBeLessThanOrEqual(2);
      }
      await expect(page.getByText(/\d+ stale/)).toHaveCount(0);
    });
  }
});

test.describe('a push stamped far from the venue clock', () => {
  test.describe.configure({ timeout: 90_000 });

  test('a mark push a year ahead is refused and counted; later pushes keep the row following the venue', async ({ app, page }) => {
    await app.gotoApp('/screener?q=BTC');
    await expect.poll(() => cellOf(page, 'BTCUSDT', 'Mark'), { timeout: LOAD_TIMEOUT }).toMatch(/\d/);
    await expect(connectionStatus(page, 'Binance')).toContainText('live', { timeout: LOAD_TIMEOUT });
    const rejectedBefore = await rejectedCount(page, 'Binance');

    const yearAhead = Date.now() + YEAR_MS;
    const bad = (symbol: string) => ({
      e: 'markPriceUpdate', E: yearAhead, s: symbol, p: '12345.60000000', ap: '12345.60000000', P: '12345.60000000',
      i: '12345.60000000', r: '0.00010000', T: yearAhead + 3_600_000, st: 1,
    });
    // ETHUSDT first: the page reads only the newest push per stream and first symbol in a tick, and the venue's own start with BTCUSDT.
    await inject('binance', { stream: '!markPrice@arr@1s', data: [bad('ETHUSDT'), bad('BTCUSDT')] });

    await expect.poll(() => rejectedCount(page, 'Binance'), { timeout: 10_000 }).toBeGreaterThanOrEqual(rejectedBefore + 2);
    const venueMark = async () =>
      Number((await getJson<{ markPrice: string }>(`${harnessUrl('FAKE_BINANCE_REST_URL')}/fapi/v1/premiumIndex?symbol=BTCUSDT`)).markPrice);
    // Three different marks in a row, each within 0.2 % of the venue's: the row keeps applying pushes.
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const shown = await cellOf(page, 'BTCUSDT', 'Mark');
          const mark = numberOf(shown);
          const venue = await venueMark();
          if (mark === null || Math.abs(mark - venue) / venue > 0.002) return `${shown} against the venue's ${venue}`;
          seen.add(shown);
          return seen.size >= 3 ? 'following' : `${seen.size} marks so far`;
        },
        { timeout: 20_000, intervals: [500] },
      )
      .toBe('following');
    await expect(rowFor(perpTable(page), 'BTCUSDT')).not.toHaveClass(/stale/);
  });
});
