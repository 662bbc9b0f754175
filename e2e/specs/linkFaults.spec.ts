import type { Page } from '@playwright/test';
import { connectionStatus, type ExchangeLabel } from '../support/connectionStatus.ts';
import { expect, test } from '../support/fixtures.ts';
import { perpTable, rowFor } from '../support/screener.ts';

/**
 * Connection faults as a trader meets them: the browser offline then online, a venue's socket open
 * but silent, while its REST polls still answer. Figures are printed so a run shows how fast.
 */
const LOAD_TIMEOUT = 20_000;
const SYMBOLS: Record<ExchangeLabel, string> = { Binance: 'BTCUSDT', OKX: 'BTC-USDT-SWAP' };

test.describe.configure({ timeout: 150_000 });

test.beforeEach(async ({ app, page }) => {
  await app.gotoApp('/screener?q=BTC');
  for (const exchange of ['Binance', 'OKX'] as const) {
    await expect(rowFor(perpTable(page), SYMBOLS[exchange])).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(connectionStatus(page, exchange)).toContainText('live', { timeout: LOAD_TIMEOUT });
  }
  await recordScreen(page);
});

interface Seen {
  at: number;
  badge: Record<ExchangeLabel, string>;
  grey: Record<ExchangeLabel, boolean>;
}

/** From now on the page notes, on every animation frame, each badge's text and whether each venue's BTC row is grey. */
async function recordScreen(page: Page): Promise<void> {
  await page.evaluate((symbols) => {
    const seen: Seen[] = [];
    (window as unknown as { __seen: Seen[] }).__seen = seen;
    const rowOf = (symbol: string) =>
      [...document.querySelectorAll('table[aria-label="Perpetuals"] tbody tr')].find((row) => [...row.children].some((cell) => cell.textContent === symbol));
    const note = () => {
      const entry: Seen = { at: Date.now(), badge: { Binance: '', OKX: '' }, grey: { Binance: false, OKX: false } };
      for (const [exchange, symbol] of Object.entries(symbols) as [ExchangeLabel, string][]) {
        entry.badge[exchange] = document.querySelector(`[aria-label="${exchange} connection"]`)?.textContent ?? '';
        entry.grey[exchange] = rowOf(symbol)?.classList.contains('stale') ?? false;
      }
      const last = seen.at(-1);
      if (!last || JSON.stringify({ ...last, at: 0 }) !== JSON.stringify({ ...entry, at: 0 })) seen.push(entry);
      requestAnimationFrame(note);
    };
    note();
  }, SYMBOLS);
}

async function seenSince(page: Page, since: number): Promise<Seen[]> {
  const seen = await page.evaluate(() => (window as unknown as { __seen: Seen[] }).__seen);
  return seen.filter((entry) => entry.at >= since);
}

/** Seconds from `since` to the first frame `test` holds for, or null. */
function secondsUntil(seen: Seen[], since: number, test: (entry: Seen) => boolean): number | null {
  const hit = seen.find((entry) => entry.at >= since && test(entry));
  return hit ? (hit.at - since) / 1000 : null;
}

test('offline 30 s, then online: the badges say offline, no retries burn, and both venues are live within 3 s', async ({ app, page, context }) => {
  // Chromium reports the sockets and polls it cuts.
  app.expectBrowserError(/ERR_INTERNET_DISCONNECTED|WebSocket connection/);
  const reconnectsOf = async (exchange: ExchangeLabel) => Number(/(\d+) reconnects/.exec((await connectionStatus(page, exchange).getAttribute('title')) ?? '')?.[1]);
  const offlineAt = Date.now();
  await context.setOffline(true);
  for (const exchange of ['Binance', 'OKX'] as const) await expect(connectionStatus(page, exchange)).toContainText('offline', { timeout: 3_000 });
  const reconnectsWhenOffline = { Binance: await reconnectsOf('Binance'), OKX: await reconnectsOf('OKX') };
  await page.waitForTimeout(30_000 - (Date.now() - offlineAt));
  const offline = await seenSince(page, offlineAt + 3_000);
  for (const exchange of ['Binance', 'OKX'] as const) {
    expect(offline.every((entry) => entry.badge[exchange].includes('offline')), `${exchange} badge while offline`).toBe(true);
    expect(offline.some((entry) => entry.badge[exchange].includes('heartbeat'))).toBe(false);
    expect(offline.every((entry) => entry.grey[exchange]), `${exchange} rows grey while offline`).toBe(true);
    expect(await reconnectsOf(exchange), `${exchange} retries while offline`).toBe(reconnectsWhenOffline[exchange]);
  }

  const onlineAt = Date.now();
  await context.setOffline(false);
  for (const exchange of ['Binance', 'OKX'] as const) await expect(connectionStatus(page, exchange)).toContainText('live', { timeout: 10_000 });
  await expect(rowFor(perpTable(page), SYMBOLS.Binance)).not.toHaveClass(/stale/);
  const online = await seenSince(page, onlineAt);
  const liveAfter = (exchange: ExchangeLabel) => secondsUntil(online, onlineAt, (entry) => /live/.test(entry.badge[exchange]));
  console.log(`live after online: Binance ${liveAfter('Binance')} s, OKX ${liveAfter('OKX')} s`);
  for (const exchange of ['Binance', 'OKX'] as const) expect(liveAfter(exchange), exchange).toBeLessThanOrEqual(3);
});

test('OKX socket open but silent: its rows grey within 10 s and the badge says stalled within 15 s; Binance stays live', async ({ app, page }) => {
  const stallAt = Date.now();
  await app.control('/stall', { exchange: 'okx' });
  await expect(connectionStatus(page, 'OKX')).not.toContainText('live', { timeout: 15_000 });
  await page.waitForTimeout(2_000);
  const seen = await seenSince(page, stallAt);
  const greyAfter = secondsUntil(seen, stallAt, (entry) => entry.grey.OKX);
  const stalledAfter = secondsUntil(seen, stallAt, (entry) => entry.badge.OKX.includes('stalled'));
  console.log(`OKX rows grey after ${greyAfter} s, badge stalled after ${stalledAfter} s`);
  expect(greyAfter).not.toBeNull();
  expect(greyAfter!).toBeLessThanOrEqual(10);
  expect(stalledAfter).not.toBeNull();
  expect(stalledAfter!).toBeLessThanOrEqual(15);
  expect(seen.every((entry) => entry.badge.Binance.includes('live') && !entry.grey.Binance)).toBe(true);

  await app.control('/resume', { exchange: 'okx' });
  await expect(connectionStatus(page, 'OKX')).toContainText('live', { timeout: 45_000 });
  await expect(rowFor(perpTable(page), SYMBOLS.OKX)).not.toHaveClass(/stale/, { timeout: 10_000 });
});

test("OKX rows while the OKX socket is silent: they stay grey though the index and ticker polls keep answering", async ({ app, page }) => {
  const stallAt = Date.now();
  await app.control('/stall', { exchange: 'okx' });
  await page.waitForTimeout(40_000);
  const seen = await seenSince(page, stallAt + 10_000);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.every((entry) => entry.grey.OKX), 'OKX row grey from 10 s into the stall on').toBe(true);
  // The polls answered throughout: no source notice says otherwise.
  await expect(page.getByRole('list', { name: 'Data source problems' })).toBeHidden();
});
