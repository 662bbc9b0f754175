/**
 * `npm run screenshot [-- --rate N --seed N]`: the production build served over a local fake
 * exchange, opened in headless Chromium, one PNG per view in docs/ for the README.
 * A new view is one entry in VIEWS.
 */
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, expect, type Page } from '@playwright/test';
import { startFakeExchange } from '../e2e/fake-exchange/server.ts';
import { numberFlag } from './lib/flags.ts';
import { buildAndPreview } from './lib/previewBuild.ts';
import { SYSTEM_CHROMIUM, SYSTEM_CHROMIUM_ARGS } from './lib/systemChromium.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const VIEWPORT = { width: 1280, height: 800 };
/** Both exchanges connect, list and push within seconds; OKX funding rates can take a little longer. */
const READY_TIMEOUT_MS = 90_000;

interface ScreenshotView {
  /** Path of the app to open. */
  path: string;
  /** PNG, relative to the repository root. */
  file: string;
  /** Resolves once the view shows what the picture is for: full, live, real numbers. */
  ready: (page: Page) => Promise<void>;
}

const VIEWS: ScreenshotView[] = [
  { path: '/screener', file: 'docs/screenshot-screener.png', ready: screenerReady },
  { path: '/charts/binance/BTCUSDT', file: 'docs/screenshot-chart.png', ready: chartReady },
  { path: '/options?exchange=binance&underlying=BTCUSDT', file: 'docs/screenshot-options.png', ready: optionsReady },
];

async function bothExchangesLive(page: Page): Promise<void> {
  for (const exchange of ['Binance', 'OKX']) {
    await expect(page.getByRole('status', { name: `${exchange} connection` })).toContainText('live', { timeout: READY_TIMEOUT_MS });
  }
}

/** Every perpetual listed (the count holds still), sorted by annualised funding, highest first, with values on every visible row. */
async function screenerReady(page: Page): Promise<void> {
  await bothExchangesLive(page);
  const table = page.getByRole('table', { name: 'Perpetuals' });
  const summary = page.getByText(/^\d+ perpetuals \(\d+ Binance · \d+ OKX\)/);
  await expect(summary).toBeVisible({ timeout: READY_TIMEOUT_MS });
  let previous = '';
  await expect
    .poll(
      async () => {
        const current = await summary.innerText();
        const settled = current === previous && !/\(0 Binance|· 0 OKX/.test(current);
        previous = current;
        return settled;
      },
      { timeout: READY_TIMEOUT_MS, intervals: [2_000] },
    )
    .toBe(true);

  const funding = table.getByRole('columnheader', { name: /Funding annualised/ });
  if ((await funding.getAttribute('aria-sort')) !== 'descending') {
    await funding.getByRole('button').click();
    if ((await funding.getAttribute('aria-sort')) !== 'descending') await funding.getByRole('button').click();
  }
  await expect(funding).toHaveAttribute('aria-sort', 'descending');

  const rows = table.locator('tbody tr:not(.spacer)');
  await expect(rows.first()).toBeVisible();
  await expect
    .poll(async () => (await rows.allInnerTexts()).some((text) => /—|NaN|undefined|Infinity/.test(text)), { timeout: READY_TIMEOUT_MS })
    .toBe(false);
}

/** History drawn, a live update applied, live values and funding averages filled in. */
async function chartReady(page: Page): Promise<void> {
  await bothExchangesLive(page);
  const summary = page.getByLabel('BTCUSDT mark vs index data');
  await expect(summary).toHaveText(/; [1-9]\d* live updates$/, { timeout: READY_TIMEOUT_MS });
  await expect(page.getByRole('figure', { name: 'BTCUSDT funding history' }).getByRole('img')).toBeVisible({ timeout: READY_TIMEOUT_MS });
  await expect(page.getByLabel('BTCUSDT live values')).not.toContainText(/—|NaN|undefined|Infinity/, { timeout: READY_TIMEOUT_MS });
}

/** The BTC chain open on its nearest expiry, the ATM strike marked, greeks filled in on the ATM row. */
async function optionsReady(page: Page): Promise<void> {
  await bothExchangesLive(page);
  const atm = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /ATM$/ }) });
  await expect(atm).toBeVisible({ timeout: READY_TIMEOUT_MS });
  await expect(atm).not.toContainText(/—|NaN|undefined|Infinity/, { timeout: READY_TIMEOUT_MS });
}

const { values: flags } = parseArgs({ options: { rate: { type: 'string' }, seed: { type: 'string' } } });
const fake = await startFakeExchange({
  binancePort: 0,
  okxPort: 0,
  controlPort: 0,
  seed: numberFlag('seed', flags.seed),
  rate: numberFlag('rate', flags.rate),
});
const outDir = `e2e/.runtime/screenshot-dist-${process.pid}`;
const cleanups: Array<() => Promise<void>> = [() => fake.close(), () => rm(`${REPO_ROOT}${outDir}`, { recursive: true, force: true })];
try {
  const app = await buildAndPreview({ outDir, env: fake.env });
  cleanups.unshift(() => app.close());
  const browser = await chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: [...SYSTEM_CHROMIUM_ARGS] });
  cleanups.unshift(() => browser.close());
  const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: 'dark' });
  for (const view of VIEWS) {
    await page.goto(new URL(view.path, app.url).href);
    await view.ready(page);
    const file = `${REPO_ROOT}${view.file}`;
    await mkdir(dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    console.log(`${view.file} (${view.path})`);
  }
} finally {
  for (const cleanup of cleanups) await cleanup();
}
