import type { IngestCounters } from '../../src/domain/ingestCounters';
import type { BenchPageApi } from '../page/instruments.ts';
import type { StoreProbeApi } from '../page/storeProbe.ts';
import { BenchPage } from './cdp/benchPage.ts';
import type { BenchBrowser } from './environment.ts';
import { instrumentsInitScript } from './pageScripts.ts';

/** The page globals the bench installs (instruments) and builds in (store probe). */
export interface BenchWindow {
  __bench: BenchPageApi;
  __benchStore: StoreProbeApi;
  __benchExpectedRows: number;
}

export interface PageSession {
  page: BenchPage;
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
export async function openPageSession(browser: BenchBrowser, options: { binanceSocketMarker: string; expectedRows: number }): Promise<PageSession> {
  const page = await BenchPage.open(browser.pipe, { width: 1400, height: 900 });
  await page.addInitScript(`window.__benchExpectedRows = ${JSON.stringify(options.expectedRows)};`);
  await page.addInitScript(instrumentsInitScript({ binanceSocketMarker: options.binanceSocketMarker }));
  await page.send('Performance.enable');
  return { page, close: () => page.close() };
}

export async function mainThreadTimes(page: BenchPage): Promise<MainThreadTimes> {
  const { metrics } = await page.send<{ metrics: { name: string; value: number }[] }>('Performance.getMetrics');
  const seconds = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return {
    taskMs: seconds('TaskDuration') * 1000,
    scriptMs: seconds('ScriptDuration') * 1000,
    layoutMs: seconds('LayoutDuration') * 1000,
    styleMs: seconds('RecalcStyleDuration') * 1000,
  };
}

/** Part of the script URL of the app's ingest workers (one per exchange) in the build's assets. */
export const INGEST_WORKER_SCRIPT = '/assets/ingestWorker-';

/** JS heap in use after a forced full garbage collection (bytes). */
export async function heapAfterGc(page: BenchPage): Promise<number> {
  await page.send('HeapProfiler.collectGarbage');
  const { usedSize } = await page.send<{ usedSize: number }>('Runtime.getHeapUsage');
  return usedSize;
}

/** Each ingest worker's JS heap in use after a forced full garbage collection in it (bytes), by worker name. */
export async function workerHeapsAfterGc(page: BenchPage): Promise<{ name: string; bytes: number }[]> {
  const heaps: { name: string; bytes: number }[] = [];
  for (const { sessionId, title } of page.workerSessions(INGEST_WORKER_SCRIPT)) {
    await page.sendToSession(sessionId, 'HeapProfiler.collectGarbage');
    const { usedSize } = await page.sendToSession<{ usedSize: number }>(sessionId, 'Runtime.getHeapUsage');
    heaps.push({ name: title, bytes: usedSize });
  }
  return heaps.sort((a, b) => a.name.localeCompare(b.name));
}

/** The page's live DOM nodes and event listeners (CDP Memory.getDOMCounters); call after heapAfterGc so detached nodes are gone. */
export async function domCounters(page: BenchPage): Promise<{ nodes: number; listeners: number }> {
  const counters = await page.send<{ nodes: number; jsEventListeners: number }>('Memory.getDOMCounters');
  return { nodes: counters.nodes, listeners: counters.jsEventListeners };
}

export function ingestCounters(page: BenchPage): Promise<IngestCounters> {
  return page.evaluate(() => (window as unknown as BenchWindow).__benchStore.counters());
}
