import type { Page } from '@playwright/test';
import { connectionStatus, type ExchangeLabel } from '../support/connectionStatus.ts';
import { expect, harnessUrl, test } from '../support/fixtures.ts';
import { columnIndex, perpTable, rowFor } from '../support/screener.ts';

const LOAD_TIMEOUT = 20_000;

/** Sends `frame` as one raw text frame to every socket of `exchange` (the fake's POST /inject). */
async function inject(exchange: 'binance' | 'okx', frame: string): Promise<void> {
  const response = await fetch(`${harnessUrl('FAKE_CONTROL_URL').replace(/\/+$/, '')}/inject?exchange=${exchange}`, { method: 'POST', body: frame });
  expect(response.ok, await response.text()).toBe(true);
}

/** The counts the exchange's badge gives in its title: messages dropped whole, and values refused inside good ones. */
async function refusals(page: Page, exchange: ExchangeLabel): Promise<{ dropped: number; rejected: number }> {
  const title = (await connectionStatus(page, exchange).getAttribute('title')) ?? '';
  const count = (pattern: RegExp) => Number(pattern.exec(title)?.[1] ?? NaN);
  return { dropped: count(/(\d+) bad messages dropped/), rejected: count(/(\d+) bad values rejected/) };
}

async function cellOf(page: Page, symbol: string, header: string): Promise<string> {
  const table = perpTable(page);
  return rowFor(table, symbol).getByRole('cell').nth(await columnIndex(table, header)).innerText();
}

test.describe('frames JSON can carry but no venue should send', () => {
  test.describe.configure({ timeout: 90_000 });

  test.beforeEach(async ({ app, page }) => {
    await app.gotoApp('/screener?q=BTC');
    for (const symbol of ['BTCUSDT', 'BTC-USDT-SWAP']) {
      await expect.poll(() => cellOf(page, symbol, 'Mark'), { timeout: LOAD_TIMEOUT }).toMatch(/\d/);
    }
    await expect.poll(() => cellOf(page, 'BTCUSDT', 'Next funding'), { timeout: LOAD_TIMEOUT }).toMatch(/\d\d:\d\d:\d\d/);
  });

  test('OKX frames whose fields are objects are dropped and counted; the rows keep their values', async ({ page }) => {
    const before = await refusals(page, 'OKX');
    // `{"toString":1}` is a plain JSON object that String(), Number() and template literals cannot convert.
    await inject('okx', '{"event":"error","code":{"toString":1},"msg":"bad"}');
    await inject('okx', '{"arg":{"channel":"mark-price","instId":{"toString":1}},"data":[]}');
    await expect.poll(async () => (await refusals(page, 'OKX')).dropped).toBeGreaterThanOrEqual(before.dropped + 2);
    await expect(page.getByText('Unexpected Application Error')).toHaveCount(0);
    await expect(connectionStatus(page, 'OKX')).toContainText('live');
    const mark = await cellOf(page, 'BTC-USDT-SWAP', 'Mark');
    await expect.poll(() => cellOf(page, 'BTC-USDT-SWAP', 'Mark'), { timeout: 20_000 }).not.toBe(mark);
  });

  test('a Binance mark push with a nextFundingTime no Date can hold is refused and counted; the page keeps its row', async ({ page }) => {
    const before = await refusals(page, 'Binance');
    const push = {
      e: 'markPriceUpdate', E: Date.now(), s: 'BTCUSDT', p: '12345.60000000', ap: '12345.60000000', P: '12345.60000000',
      i: '12345.60000000', r: '0.00010000', T: 9e15, st: 1,
    };
    // A space after the colon, so the worker reads it on arrival rather than as a snapshot a newer push replaces.
    await inject('binance', `{"stream": "!markPrice@arr@1s","data":[${JSON.stringify(push)}]}`);
    await expect.poll(async () => (await refusals(page, 'Binance')).rejected).toBeGreaterThan(before.rejected);
    await expect(page.getByText('Unexpected Application Error')).toHaveCount(0);
    await expect(page.getByText(/Invalid time value/)).toHaveCount(0);
    expect(await cellOf(page, 'BTCUSDT', 'Mark')).not.toContain('12,345.6');
    expect(await cellOf(page, 'BTCUSDT', 'Next funding')).toMatch(/^\d\d:\d\d:\d\d$/);
  });
});
