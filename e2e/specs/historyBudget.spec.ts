import type { Locator, Page } from '@playwright/test';
import { expect, harnessUrl, test } from '../support/fixtures.ts';
import { bodyRows, perpTable } from '../support/screener.ts';

/** Binance counts these two together: 500 requests per 5 minutes per IP. */
const SHARED_PATHS = ['/fapi/v1/fundingRate', '/fapi/v1/fundingInfo'] as const;
const SHARED_LIMIT = 500;
const BROWSING_MS = 5 * 60_000;
/** Each round's stay on the charts: long enough for a few dozen symbols. */
const CHARTS_PER_ROUND_MS = 35_000;
/** How long a trader looks at a chart whose funding history has not drawn before moving on. */
const GLANCE_MS = 1_500;
const SEARCHED_COINS = ['ETH', 'SOL', 'DOGE', 'XRP', 'LINK', 'AVAX', 'SUI', 'ARB'];
const LOAD_TIMEOUT = 30_000;
/**
 * The history's share of fundingRate (`BINANCE_HISTORY_BUDGET`), spent by the first load and the
 * reload together: Binance lists too few perpetuals for an app that ignores its budget to pass 500
 * in one browser's storage, so the share is what tells one apart, and one that forgets it on reload.
 */
const HISTORY_SHARE = 300;

interface RequestCounts {
  counts: Record<string, number>;
  statuses: Record<string, number>;
}

async function binanceRequests(): Promise<RequestCounts> {
  const response = await fetch(`${harnessUrl('FAKE_CONTROL_URL').replace(/\/+$/, '')}/requests?exchange=binance`);
  return (await response.json()) as RequestCounts;
}

function sharedOf(counts: Record<string, number>): number[] {
  return SHARED_PATHS.map((path) => counts[path] ?? 0);
}

async function venueJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Binance's perpetuals, those whose coin OKX does not list first: the Carry desk already asks the
 * others' history, so these are the charts that each cost the budget a request of their own.
 */
async function chartSymbols(): Promise<string[]> {
  const binance = await venueJson<{ symbols: { symbol: string; baseAsset: string; contractType: string; status: string }[] }>(
    `${harnessUrl('FAKE_BINANCE_REST_URL')}/fapi/v1/exchangeInfo`,
  );
  const okx = await venueJson<{ data: { instId: string }[] }>(`${harnessUrl('FAKE_OKX_REST_URL')}/api/v5/public/instruments?instType=SWAP`);
  const okxCoins = new Set(okx.data.map((swap) => swap.instId.split('-')[0]));
  const perpetuals = binance.symbols.filter((info) => info.contractType.endsWith('PERPETUAL') && info.status === 'TRADING');
  const unpaired = perpetuals.filter((info) => !okxCoins.has(info.baseAsset));
  const paired = perpetuals.filter((info) => okxCoins.has(info.baseAsset));
  return [...unpaired, ...paired].map((info) => info.symbol);
}

/** Waits up to `ms` for the locator: a trader moves on whether it showed or not. */
async function glance(locator: Locator, ms: number): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: ms }).catch(() => undefined);
}

async function openView(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true }).click();
}

async function scroll(page: Page, over: Locator, times: number): Promise<void> {
  await over.hover();
  for (let i = 0; i < times; i++) {
    await page.mouse.wheel(0, 1_200);
    await page.waitForTimeout(300);
  }
  await page.mouse.wheel(0, -1_200 * times);
}

async function browseScreener(page: Page, coin: string): Promise<void> {
  await openView(page, 'Screener');
  const table = perpTable(page);
  await expect(bodyRows(table).first()).toBeVisible({ timeout: LOAD_TIMEOUT });
  await scroll(page, table, 6);
  await table.getByRole('button', { name: /Funding/ }).first().click();
  await page.waitForTimeout(1_000);
  await page.getByLabel('Search coin').fill(coin);
  await expect(bodyRows(table).first()).toBeVisible();
  await page.waitForTimeout(1_000);
  await page.getByLabel('Search coin').fill('');
}

async function browseCarry(page: Page, round: number): Promise<void> {
  await openView(page, 'Carry');
  const table = page.getByRole('table', { name: 'Carry pairs' });
  await expect(bodyRows(table).first()).toBeVisible({ timeout: LOAD_TIMEOUT });
  for (let i = 0; i < 3; i++) {
    await bodyRows(table).nth(round * 3 + i).click();
    await expect(page.getByRole('heading', { level: 2, name: /^\S+: / })).toBeVisible();
    await page.waitForTimeout(1_000);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
  }
  await scroll(page, table, 4);
}

/** Opens charts through the symbol picker, from `next` on, until `until`; answers where it stopped. */
async function browseCharts(page: Page, symbols: readonly string[], next: number, until: number): Promise<number> {
  await openView(page, 'Charts');
  const picker = page.getByRole('searchbox', { name: 'Find a perpetual' });
  let at = next;
  while (Date.now() < until && at < symbols.length) {
    const symbol = symbols[at++]!;
    await picker.fill(symbol);
    await page.getByRole('list', { name: 'Matching perpetuals' }).getByRole('link', { name: `${symbol} Binance`, exact: true }).click({ timeout: 10_000 });
    const history = page.getByRole('figure', { name: `${symbol} funding history` });
    await expect(history).toBeVisible({ timeout: LOAD_TIMEOUT });
    await glance(history.getByRole('img'), GLANCE_MS);
  }
  return at;
}

test('five minutes of browsing every view keeps Binance fundingRate + fundingInfo within 500', async ({ app, page }) => {
  test.setTimeout(8 * 60_000);
  const symbols = await chartSymbols();
  await app.control('/reset');
  await app.control('/reset-requests', { exchange: 'binance' });
  // Binance's limit holds per 5-minute window: the counts are read at the window's end, as the last round may run past it.
  const atWindowEnd = new Promise<RequestCounts>((resolve) => setTimeout(() => void binanceRequests().then(resolve), BROWSING_MS));
  const deadline = Date.now() + BROWSING_MS;
  const reloadAt = Date.now() + BROWSING_MS / 2;
  let reloaded = false;
  let charted = 0;
  await app.gotoApp('/screener');
  for (let round = 0; Date.now() < deadline; round++) {
    if (!reloaded && Date.now() >= reloadAt) {
      await page.reload();
      reloaded = true;
    }
    await browseScreener(page, SEARCHED_COINS[round % SEARCHED_COINS.length]!);
    await browseCarry(page, round);
    charted = await browseCharts(page, symbols, charted, Math.min(deadline, Date.now() + CHARTS_PER_ROUND_MS));
    console.log(`round ${round}: ${charted} charts, ${sharedOf((await binanceRequests()).counts).join(' + ')} Binance shared requests`);
  }

  const { counts } = await atWindowEnd;
  const { statuses } = await binanceRequests();
  const shared = sharedOf(counts);
  const total = shared[0]! + shared[1]!;
  const figures = `fundingRate ${shared[0]} + fundingInfo ${shared[1]} = ${total} in ${BROWSING_MS / 60_000} min; ${charted} charts; answers ${JSON.stringify(statuses)}`;
  test.info().annotations.push({ type: 'Binance shared budget', description: figures });
  console.log(`Binance shared budget: ${figures}`);
  expect(reloaded).toBe(true);
  expect(shared[0]).toBeGreaterThan(0);
  expect(total).toBeLessThanOrEqual(SHARED_LIMIT);
  expect(shared[0]).toBeLessThanOrEqual(HISTORY_SHARE);
  expect(statuses['429'] ?? 0).toBe(0);
  expect(statuses['418'] ?? 0).toBe(0);
});
