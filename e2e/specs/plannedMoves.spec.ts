import { rm } from 'node:fs/promises';
import { buildAndPreview, type PreviewedBuild } from '../../scripts/lib/previewBuild.ts';
import { badgeSpans, recordBadgesFromLoad } from '../support/badgeTimeline.ts';
import { connectionStatus, type ExchangeLabel } from '../support/connectionStatus.ts';
import { expect, fakeEnv, harnessUrl, test } from '../support/fixtures.ts';
import { longestGap, recordCellChanges } from '../support/rowUpdates.ts';
import { columnIndex, perpTable, rowFor } from '../support/screener.ts';
import { binanceSocketLifetime } from '../support/socketLifetimeBuild.ts';

const LOAD_TIMEOUT = 20_000;
/** OKX announces 60 s; the test shortens the notice so the old socket really closes inside it. */
const NOTICE_CLOSE_MS = 4000;

const pageNow = (page: import('@playwright/test').Page): Promise<number> => page.evaluate(() => performance.now());

test.describe('a first load', () => {
  test('shows each venue connecting, never reconnecting, until it is live', async ({ app, page }) => {
    await recordBadgesFromLoad(page);
    // How long a socket stays open without data varies with the push cadence: load a few times.
    for (let load = 1; load <= 3; load++) {
      await app.gotoApp('/screener?q=BTC');
      for (const exchange of ['Binance', 'OKX'] as ExchangeLabel[]) {
        await expect(connectionStatus(page, exchange)).toContainText('live', { timeout: LOAD_TIMEOUT });
      }
      for (const exchange of ['Binance', 'OKX'] as ExchangeLabel[]) {
        // A connect quicker than a frame may never paint "connecting"; "reconnecting" must never paint.
        const states = (await badgeSpans(page, exchange)).map((span) => span.state).filter((state) => state !== 'idle' && state !== 'connecting');
        expect(states, `${exchange} badge since load ${load}`).toEqual(['live']);
      }
    }
  });
});

test.describe('a planned move', () => {
  test.describe.configure({ timeout: 90_000 });

  test("OKX's 64008 notice: the rows keep updating and the badge stays live while the successor takes over", async ({ app, page }) => {
    await recordBadgesFromLoad(page);
    await app.gotoApp('/screener?q=BTC&ex=okx');
    const table = perpTable(page);
    const row = rowFor(table, 'BTC-USDT-SWAP');
    await expect(row.getByRole('cell').nth(await columnIndex(table, 'Mark'))).toHaveText(/\d/, { timeout: LOAD_TIMEOUT });
    await expect(connectionStatus(page, 'OKX')).toContainText('live', { timeout: LOAD_TIMEOUT });
    const changes = await recordCellChanges(page, 'Perpetuals', 'BTC-USDT-SWAP', 'Mark');
    await page.waitForTimeout(5000);
    const noticedAt = await pageNow(page);
    await app.control('/okx-notice', { closeAfterMs: NOTICE_CLOSE_MS });
    // The old socket closes NOTICE_CLOSE_MS after the notice; watch as long again past it.
    await page.waitForTimeout(2 * NOTICE_CLOSE_MS);
    const until = await pageNow(page);

    const spans = (await badgeSpans(page, 'OKX')).filter((span) => span.at + span.ms > noticedAt);
    expect(spans.map((span) => span.state), `OKX badge from the notice on: ${JSON.stringify(spans)}`).toEqual(['live']);
    const seen = await changes();
    const before = longestGap(seen, noticedAt - 5000, noticedAt);
    const during = longestGap(seen, noticedAt, until);
    console.log(`OKX BTC-USDT-SWAP mark: longest gap ${Math.round(before)} ms before the notice, ${Math.round(during)} ms from it on`);
    // The fake walks OKX marks several times a second: a second without a change is a gap.
    expect(during).toBeLessThan(Math.max(before, 500) + 500);
  });
});

interface BinanceSocketSeen {
  openedAt: number;
  lastSeenAt: number;
}

/** Polls the fake's /stats: every Binance socket seen, and the fewest open at any poll. */
async function watchBinanceSockets(forMs: number): Promise<{ sockets: BinanceSocketSeen[]; fewestOpen: number }> {
  const seen = new Map<number, BinanceSocketSeen>();
  let fewestOpen = Infinity;
  const until = Date.now() + forMs;
  while (Date.now() < until) {
    const stats = (await (await fetch(`${harnessUrl('FAKE_CONTROL_URL').replace(/\/+$/, '')}/stats`)).json()) as {
      binance: { connections: Array<{ openedAt: number }> };
    };
    const now = Date.now();
    fewestOpen = Math.min(fewestOpen, stats.binance.connections.length);
    for (const { openedAt } of stats.binance.connections) seen.set(openedAt, { openedAt, lastSeenAt: now });
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { sockets: [...seen.values()].sort((a, b) => a.openedAt - b.openedAt), fewestOpen };
}

/** Binance cuts a socket at 24 h; this build and the fake both take a short lifetime instead. */
test.describe("Binance's 24 h cut", () => {
  test.describe.configure({ timeout: 120_000 });
  const LIFETIME_MS = 20_000;
  let build: PreviewedBuild;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    build = await buildAndPreview({
      outDir: `e2e/.runtime/dist-lifetime-${process.pid}`,
      env: fakeEnv(),
      workerPlugins: [binanceSocketLifetime(LIFETIME_MS)],
    });
  });

  test.afterAll(async () => {
    await build?.close();
    if (build) await rm(build.outDir, { recursive: true, force: true });
  });

  test('the page opens the successor before the cut: the rows keep updating and the badge stays live', async ({ app, page }) => {
    await app.control('/timing', { binanceMaxLifetimeMs: LIFETIME_MS });
    await recordBadgesFromLoad(page);
    await page.goto(new URL('/screener?q=BTC&ex=binance', build.url).href);
    const table = perpTable(page);
    await expect(rowFor(table, 'BTCUSDT').getByRole('cell').nth(await columnIndex(table, 'Mark'))).toHaveText(/\d/, { timeout: LOAD_TIMEOUT });
    await expect(connectionStatus(page, 'Binance')).toContainText('live', { timeout: LOAD_TIMEOUT });
    const liveAt = await pageNow(page);
    const changes = await recordCellChanges(page, 'Perpetuals', 'BTCUSDT', 'Mark');

    // The first socket opened within the last few seconds: watch past its cut.
    const { sockets, fewestOpen } = await watchBinanceSockets(LIFETIME_MS + 2000);
    const until = await pageNow(page);
    const [first, successor] = sockets;
    expect(successor, `Binance sockets seen: ${JSON.stringify(sockets)}`).toBeDefined();
    const overlapMs = first!.lastSeenAt - successor!.openedAt;
    console.log(`Binance move: successor opened ${((successor!.openedAt - first!.openedAt) / 1000).toFixed(1)} s into the first socket's ${LIFETIME_MS / 1000} s, overlap ${overlapMs} ms, fewest open ${fewestOpen}`);
    expect(fewestOpen).toBeGreaterThanOrEqual(1);
    expect(overlapMs).toBeGreaterThan(0);
    expect(first!.lastSeenAt - first!.openedAt).toBeLessThan(LIFETIME_MS);

    const spans = (await badgeSpans(page, 'Binance')).filter((span) => span.at + span.ms > liveAt);
    expect(spans.map((span) => span.state), `Binance badge once live: ${JSON.stringify(spans)}`).toEqual(['live']);
    const seen = await changes();
    const gap = longestGap(seen, liveAt, until);
    console.log(`Binance BTCUSDT mark: longest gap ${Math.round(gap)} ms across the move`);
    // Binance pushes every mark each second; the fake walks them, so two seconds without a change is a gap.
    expect(gap).toBeLessThan(2000);
  });
});
