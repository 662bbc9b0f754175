import type { BenchWindow } from '../harness/pageSession.ts';
import { fundingProbes } from './fundingProbes.ts';
import { sleep, type ScenarioContext, type ViewScenario } from './scenario.ts';

const TABLE_BODY = 'table[aria-label="Perpetuals"] tbody';
const SORT_EVERY_MS = 1500;
const WHEEL_EVERY_MS = 50;
const WHEEL_PX = 200;
const WHEELS_PER_DIRECTION = 30;
const SORT_HEADERS = ['Funding per interval (%)', 'Mark', 'Premium (bps)', '24h volume', 'Symbol'];

/** A user reading the table: wheel-scrolling down and back up, re-sorting by a header every 1.5 s. */
async function scrollAndSort(context: ScenarioContext, deadline: number): Promise<void> {
  const { page } = context.session;
  const box = await page.boundingBox('.table-scroll');
  if (!box) throw new Error('the screener table is not on screen');
  await page.mouseMove(box.x + box.width / 2, box.y + box.height / 2);
  let wheels = 0;
  let direction = 1;
  let sorts = 0;
  let nextSortAt = Date.now() + SORT_EVERY_MS;
  while (Date.now() < deadline) {
    if (Date.now() >= nextSortAt) {
      const header = SORT_HEADERS[sorts++ % SORT_HEADERS.length]!;
      await page.clickButton(header);
      nextSortAt += SORT_EVERY_MS;
    }
    await page.wheel(0, direction * WHEEL_PX);
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
    const fullAt = await page.waitForFunction(() => (window as unknown as BenchWindow).__benchStore.fullAt(), undefined, {
      timeoutMs: 120_000,
      pollMs: 100,
    });
    await page.waitForSelector(TABLE_BODY);
    return fullAt;
  },
  phases: [
    { name: 'live, watching', activity: fundingProbes((context) => context.binanceSymbols, TABLE_BODY, 500) },
    { name: 'scroll + sort', activity: scrollAndSort },
  ],
};
