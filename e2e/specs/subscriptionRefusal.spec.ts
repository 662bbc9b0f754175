import { connectionStatus } from '../support/connectionStatus.ts';
import { expect, test } from '../support/fixtures.ts';
import { columnIndex, perpTable, rowFor } from '../support/screener.ts';

const LOAD_TIMEOUT = 20_000;
const REFUSED = '!miniTicker@arr';

/** The streams the fake's Binance sockets are subscribed to, from its GET /stats. */
async function binanceStreams(): Promise<string[]> {
  const control = process.env.FAKE_CONTROL_URL;
  if (!control) throw new Error('FAKE_CONTROL_URL is not set: run the browser tests with `playwright test`');
  const stats = (await (await fetch(`${control.replace(/\/+$/, '')}/stats`)).json()) as {
    binance: { connections: Array<{ streams: string[] }> };
  };
  return stats.binance.connections.flatMap((connection) => connection.streams).sort();
}

test.describe('a Binance subscription the venue refuses', () => {
  test.describe.configure({ timeout: 90_000 });

  test('shows in the Binance badge as a subscription error naming the stream, not as bad messages, while the other streams flow', async ({ app, page }) => {
    await app.control('/refuse-stream', { exchange: 'binance', stream: REFUSED });
    await app.gotoApp('/screener?q=BTC');
    const badge = connectionStatus(page, 'Binance');
    await expect(badge).toContainText(`subscription refused: ${REFUSED} (2: Invalid request: invalid stream)`, { timeout: LOAD_TIMEOUT });
    await expect(badge).toContainText('live');
    await expect(badge).toHaveAttribute('title', /1 subscription errors, 0 bad messages dropped/);
    await expect(connectionStatus(page, 'OKX')).not.toContainText('subscription refused');

    // The mark-price stream, asked for in the same request as the refused one, still subscribes and flows.
    expect(await binanceStreams()).toEqual(['!markPrice@arr@1s']);
    const table = perpTable(page);
    const mark = rowFor(table, 'BTCUSDT').getByRole('cell').nth(await columnIndex(table, 'Mark'));
    await expect(mark).toHaveText(/\d/, { timeout: LOAD_TIMEOUT });
    const before = await mark.innerText();
    await expect.poll(() => mark.innerText(), { timeout: LOAD_TIMEOUT }).not.toBe(before);
  });
});
