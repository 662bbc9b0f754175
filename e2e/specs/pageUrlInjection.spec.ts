import type { Page } from '@playwright/test';
import { connectionStatus } from '../support/connectionStatus.ts';
import { expect, test } from '../support/fixtures.ts';
import { CONFIGURED_ORIGINS, watchForInjection } from '../support/injectionWatch.ts';

const FIRST_CONNECT_TIMEOUT = 20_000;
const IMG = '<img src=x onerror=alert(1)>';
const PROBE_IMG = '<img src=x onerror="window.__pwned=1;alert(2)">';
const PROBE_SCRIPT = '<script>window.__pwned=1;alert(3)</script>';
const PROBE_SVG = '<svg onload="window.__pwned=1;alert(4)">';
const enc = encodeURIComponent;

interface HostileUrl {
  name: string;
  path: string;
  /** What the page shows for it: the markup as text, or the fallback the page chose. */
  shows(page: Page): Promise<void>;
}

const HOSTILE_URLS: HostileUrl[] = [
  {
    name: 'screener search and filters',
    path: `/screener?q=${enc(IMG)}&quote=${enc(PROBE_SCRIPT)}&sort=${enc(`${PROBE_IMG}.desc`)}&ex=${enc(PROBE_SVG)}&market=${enc(PROBE_SVG)}&view=${enc(PROBE_SVG)}&rate=${enc(PROBE_SVG)}&minVol=${enc(PROBE_SVG)}`,
    shows: async (page) => {
      await expect(page.getByRole('searchbox', { name: 'Search coin' })).toHaveValue(IMG);
    },
  },
  {
    name: 'chart symbol',
    path: '/charts/binance/%3Cscript%3E',
    shows: async (page) => {
      await expect(page.getByText('No perpetual <script> is listed on Binance.', { exact: true })).toBeVisible();
    },
  },
  {
    name: 'chart symbol, interval and compare',
    path: `/charts/okx/${enc(PROBE_IMG)}?interval=${enc(PROBE_SCRIPT)}&compare=${enc(PROBE_SVG)}`,
    shows: async (page) => {
      await expect(page.getByText(`No perpetual ${PROBE_IMG} is listed on OKX.`, { exact: true })).toBeVisible();
    },
  },
  {
    name: 'chart symbol that reads as an address',
    path: `/charts/binance/${enc('//evil.example/x?y')}`,
    shows: async (page) => {
      await expect(page.getByText('No perpetual //evil.example/x?y is listed on Binance.', { exact: true })).toBeVisible();
    },
  },
  {
    name: 'chart exchange',
    path: `/charts/${enc(PROBE_SVG)}/BTCUSDT`,
    shows: async (page) => {
      await expect(page.getByText(/^Pick a perpetual above/)).toBeVisible();
    },
  },
  {
    name: 'options exchange, underlying and expiry',
    path: `/options?exchange=${enc(PROBE_SVG)}&underlying=${enc(PROBE_IMG)}&expiry=${enc(PROBE_SCRIPT)}`,
    shows: async (page) => {
      await expect(page).toHaveURL(/\/options\?exchange=binance&underlying=BTCUSDT/);
    },
  },
  {
    name: 'unknown path',
    path: `/${enc(PROBE_IMG)}`,
    shows: async (page) => {
      await expect(page).toHaveURL(/\/screener$/);
    },
  },
];

for (const hostile of HOSTILE_URLS) {
  test(`markup in the page URL (${hostile.name}) runs nothing, shows as text and moves no endpoint`, async ({ app, page }) => {
    const verdict = watchForInjection(page);
    await app.gotoApp(hostile.path);
    await hostile.shows(page);
    // Live means the workers opened their sockets and made their first requests: all of them are watched now.
    await expect(connectionStatus(page, 'Binance')).toContainText('live', { timeout: FIRST_CONNECT_TIMEOUT });
    await expect(connectionStatus(page, 'OKX')).toContainText('live', { timeout: FIRST_CONNECT_TIMEOUT });
    const seen = await verdict();
    expect(seen.dialogs, 'dialogs opened').toEqual([]);
    expect(seen.pwned, 'window.__pwned').toBeUndefined();
    expect(seen.payloadImageRequests, 'requests for the markup\'s src=x').toEqual([]);
    expect(seen.strayUrls, 'requests and sockets beyond the configured endpoints').toEqual([]);
    expect(seen.socketOrigins.length, 'sockets opened').toBeGreaterThan(0);
    expect(seen.socketOrigins.filter((origin) => !CONFIGURED_ORIGINS.includes(origin)), 'socket origins').toEqual([]);
  });
}
