import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import type { IngestCounters } from '../../src/store/perpetualStore';
import type { BenchPageApi } from '../page/instruments.ts';
import type { StoreProbeApi } from '../page/storeProbe.ts';
import { instrumentsInitScript } from './pageScripts.ts';

/** The page globals the bench installs (instruments) and builds in (store probe). */
export interface BenchWindow {
  __bench: BenchPageApi;
  __benchStore: StoreProbeApi;
  __benchExpectedRows: number;
}

export interface PageSession {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

export interface MainThreadTimes {
  /** Chromium's Performance.getMetrics durations (ms): all main-thread tasks, script, layout, style. */
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
}

/** A fresh browser context with the bench instruments installed before the app loads. */
export async function openPageSession(browser: Browser, options: { binanceSocketMarker: string; expectedRows: number }): Promise<PageSession> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  // At ×10 and ×30 a saturated page answers the harness slowly; that is a finding, not a harness failure.
  page.setDefaultTimeout(180_000);
  await page.addInitScript((expectedRows) => {
    (window as unknown as BenchWindow).__benchExpectedRows = expectedRows;
  }, options.expectedRows);
  await page.addInitScript({ content: instrumentsInitScript({ binanceSocketMarker: options.binanceSocketMarker }) });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { context, page, cdp, close: () => context.close() };
}

export async function mainThreadTimes(cdp: CDPSession): Promise<MainThreadTimes> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const seconds = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return {
    taskMs: seconds('TaskDuration') * 1000,
    scriptMs: seconds('ScriptDuration') * 1000,
    layoutMs: seconds('LayoutDuration') * 1000,
    styleMs: seconds('RecalcStyleDuration') * 1000,
  };
}

/** JS heap in use after a forced full garbage collection (bytes). */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

export function ingestCounters(page: Page): Promise<IngestCounters> {
  return page.evaluate(() => (window as unknown as BenchWindow).__benchStore.counters());
}
