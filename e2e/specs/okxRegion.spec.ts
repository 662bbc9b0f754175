import { connectionStatus } from '../support/connectionStatus.ts';
import { expect, test } from '../support/fixtures.ts';
import { okxRegionSelect, okxRegionTraffic, type OkxRegionTraffic } from '../support/okxRegions.ts';
import { columnIndex, perpTable, rowFor } from '../support/screener.ts';

const LOAD_TIMEOUT = 20_000;
/** A new worker's sockets: the fake takes 3 new connections a second, and backoff spreads the rest. */
const SWITCH_TIMEOUT = 30_000;

/** What arrived on a region since the fake started (the previous test's sockets may still be closing). */
const arrivals = ({ openedConnections, restRequests }: OkxRegionTraffic) => ({ openedConnections, restRequests });

/** The screener's count line, once both exchanges' rows are in. */
const bothExchangesListed = /\(\d{3} Binance · \d{3} OKX\)/;

test.describe('OKX region', () => {
  test.describe.configure({ timeout: 120_000 });

  test("choosing EEA moves OKX's sockets and REST to the EEA hosts, rows keep coming, and the choice survives a reload", async ({ app, page }) => {
    await app.gotoApp('/screener');
    await expect(page.getByText(bothExchangesListed)).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(connectionStatus(page, 'OKX')).toContainText('live', { timeout: LOAD_TIMEOUT });
    const region = okxRegionSelect(page);
    await expect(region).toHaveValue('global');
    const atStart = await okxRegionTraffic();
    expect(atStart.global.openConnections).toBeGreaterThan(0);
    expect(atStart.eea.openConnections).toBe(0);

    await region.selectOption({ label: 'EEA' });
    await expect.poll(async () => (await okxRegionTraffic()).global.openConnections, { timeout: SWITCH_TIMEOUT }).toBe(0);
    await expect(page.getByText(bothExchangesListed)).toBeVisible({ timeout: SWITCH_TIMEOUT });
    await expect(connectionStatus(page, 'OKX')).toContainText('live', { timeout: SWITCH_TIMEOUT });
    const switched = await okxRegionTraffic();
    expect(switched.eea.openConnections).toBeGreaterThan(0);
    expect(switched.eea.restRequests).toBeGreaterThan(atStart.eea.restRequests);
    expect(arrivals(switched.us)).toEqual(arrivals(atStart.us));

    // OKX rows keep coming from the EEA hosts: a swap's mark moves on.
    await page.getByLabel('Search coin').fill('BTC');
    const table = perpTable(page);
    const mark = rowFor(table, 'BTC-USDT-SWAP').getByRole('cell').nth(await columnIndex(table, 'Mark'));
    await expect(mark).toHaveText(/\d/, { timeout: LOAD_TIMEOUT });
    const firstMark = (await mark.textContent()) ?? '';
    await expect(mark).not.toHaveText(firstMark, { timeout: SWITCH_TIMEOUT });
    const global = (await okxRegionTraffic()).global;
    expect(global.openConnections).toBe(0);
    expect(global.openedConnections).toBe(switched.global.openedConnections);

    await page.getByLabel('Search coin').fill('');
    // The address follows the search a task later: reload only once it no longer carries it.
    await expect(page).not.toHaveURL(/[?&]q=/);
    await page.reload();
    await expect(okxRegionSelect(page)).toHaveValue('eea');
    await expect(page.getByText(bothExchangesListed)).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(connectionStatus(page, 'OKX')).toContainText('live', { timeout: LOAD_TIMEOUT });
    const reloaded = await okxRegionTraffic();
    expect(reloaded.eea.openedConnections).toBeGreaterThan(switched.eea.openedConnections);
    expect(reloaded.global.openConnections).toBe(0);
    expect(reloaded.global.openedConnections).toBe(switched.global.openedConnections);
    expect(reloaded.global.restRequests).toBe(global.restRequests);
  });

  test('a region in the page address changes nothing: the page stays on Global', async ({ app, page }) => {
    const before = await okxRegionTraffic();
    await app.gotoApp('/screener?okxRegion=eea&region=eea&okx-region=us');
    await expect(page.getByText(bothExchangesListed)).toBeVisible({ timeout: LOAD_TIMEOUT });
    await expect(connectionStatus(page, 'OKX')).toContainText('live', { timeout: LOAD_TIMEOUT });
    await expect(okxRegionSelect(page)).toHaveValue('global');
    const after = await okxRegionTraffic();
    expect(after.global.openConnections).toBeGreaterThan(0);
    expect(arrivals(after.eea)).toEqual(arrivals(before.eea));
    expect(arrivals(after.us)).toEqual(arrivals(before.us));
  });

  test('an unknown stored region falls back to Global', async ({ app, page }) => {
    await page.addInitScript(() => localStorage.setItem('funding-desk.okx-region', 'wss://elsewhere.example'));
    const before = await okxRegionTraffic();
    await app.gotoApp('/screener');
    await expect(connectionStatus(page, 'OKX')).toContainText('live', { timeout: LOAD_TIMEOUT });
    await expect(okxRegionSelect(page)).toHaveValue('global');
    const after = await okxRegionTraffic();
    expect(after.global.openConnections).toBeGreaterThan(0);
    expect(arrivals(after.eea)).toEqual(arrivals(before.eea));
    expect(arrivals(after.us)).toEqual(arrivals(before.us));
  });
});
