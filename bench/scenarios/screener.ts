import { pinFunding } from '../harness/environment.ts';
import type { BenchWindow } from '../harness/pageSession.ts';
import { sleep, type ScenarioContext, type ViewScenario } from './scenario.ts';

const TABLE_BODY = 'table[aria-label="Perpetuals"] tbody';
const PROBE_EVERY_MS = 500;
const SORT_EVERY_MS = 1500;
const WHEEL_EVERY_MS = 50;
const WHEEL_PX = 200;
const WHEELS_PER_DIRECTION = 30;
const SORT_HEADERS = ['Funding per interval (%)', 'Mark', 'Premium (bps)', '24h volume', 'Symbol'];

/**
 * Latency probes: each pins a Binance funding rate no row has shown (above every natural rate,
 * so the row sorts to the top of the funding-sorted table, where it is rendered) and times it
 * from the event time of the first frame carrying it to the moment its text is in the table.
 */
async function latencyProbes(context: ScenarioContext, deadline: number): Promise<void> {
  const { page } = context.session;
  while (Date.now() < deadline) {
    const id = context.nextProbeId();
    const symbol = context.binanceSymbols[id % context.binanceSymbols.length]!;
    const rate = Math.round((0.05 + id * 0.0001) * 1e8) / 1e8;
    const probe = { id, frameMarker: `"r":"${rate.toFixed(8)}"`, domText: `+${(rate * 100).toFixed(4)}%`, domSelector: TABLE_BODY };
    await page.evaluate((armed) => (window as unknown as BenchWindow).__bench.armProbe(armed), probe);
    await pinFunding(context.controlUrl, 'binance', symbol, rate);
    await sleep(Math.min(PROBE_EVERY_MS, deadline - Date.now()));
  }
}

/** A user reading the table: wheel-scrolling down and back up, re-sorting by a header every 1.5 s. */
async function scrollAndSort(context: ScenarioContext, deadline: number): Promise<void> {
  const { page } = context.session;
  const box = await page.locator('.table-scroll').boundingBox();
  if (!box) throw new Error('the screener table is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  let wheels = 0;
  let direction = 1;
  let sorts = 0;
  let nextSortAt = Date.now() + SORT_EVERY_MS;
  while (Date.now() < deadline) {
    if (Date.now() >= nextSortAt) {
      const header = SORT_HEADERS[sorts++ % SORT_HEADERS.length]!;
      await page.getByRole('button', { name: header, exact: true }).click();
      nextSortAt += SORT_EVERY_MS;
    }
    await page.mouse.wheel(0, direction * WHEEL_PX);
    if (++wheels % WHEELS_PER_DIRECTION === 0) direction = -direction;
    await sleep(Math.min(WHEEL_EVERY_MS, deadline - Date.now()));
  }
}

export const screenerScenario: ViewScenario = {
  id: 'screener',
  title: 'Screener, sorted by funding',
  notMeasured: null,
  // Per-interval rates: the probes' pinned rates show as typed (4 decimals), unscaled.
  path: '/screener?rate=interval',
  async waitUntilLive(context) {
    const { page } = context.session;
    const handle = await page.waitForFunction(() => (window as unknown as BenchWindow).__benchStore.fullAt(), undefined, {
      timeout: 120_000,
      polling: 100,
    });
    await page.locator(TABLE_BODY).waitFor();
    return (await handle.jsonValue()) as number;
  },
  phases: [
    { name: 'live, watching', activity: latencyProbes },
    { name: 'scroll + sort', activity: scrollAndSort },
  ],
};
