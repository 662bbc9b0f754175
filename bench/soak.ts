/**
 * `npm run bench:soak [-- --minutes 60 --rate 10 --drop-every 300]`: the screener left open at ×10,
 * with a short scroll-and-sort burst every sample period and, if asked, both venues' sockets dropped
 * every `--drop-every` seconds; JS heap after a forced GC and DOM nodes sampled every period after a
 * warm-up. Writes bench/soak-results.md.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { numberFlag } from '../scripts/lib/flags.ts';
import { buildBenchApp, dropSockets, fakeUniverse, launchChromium, machineInfo, startFakeAt } from './harness/environment.ts';
import { domCounters, heapAfterGc, ingestCounters, openPageSession, workerHeapsAfterGc, type BenchWindow } from './harness/pageSession.ts';
import { sleep, type ScenarioContext } from './scenarios/scenario.ts';
import { screenerScenario } from './scenarios/screener.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values: flags } = parseArgs({
  options: { minutes: { type: 'string' }, rate: { type: 'string' }, warmup: { type: 'string' }, sample: { type: 'string' }, seed: { type: 'string' }, 'drop-every': { type: 'string' } },
});
const minutes = numberFlag('minutes', flags.minutes) ?? 10;
const rate = numberFlag('rate', flags.rate) ?? 10;
const warmupSeconds = numberFlag('warmup', flags.warmup) ?? 60;
const sampleSeconds = numberFlag('sample', flags.sample) ?? 60;
const seed = numberFlag('seed', flags.seed) ?? 42;
const dropEverySeconds = numberFlag('drop-every', flags['drop-every']) ?? null;
const BURST_MS = 5000;
const command = `npm run bench:soak${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
const log = (message: string) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${message}`);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(2);
const signedMb = (bytes: number) => `${bytes < 0 ? '−' : '+'}${mb(Math.abs(bytes))}`;
const signedPercent = (fraction: number) => `${fraction < 0 ? '−' : '+'}${Math.abs(fraction * 100).toFixed(1)} %`;

/** A worker's heap in one sample, or a dash when that sample has none from it. */
function workerHeapText(workers: readonly { name: string; bytes: number }[], name: string): string {
  const worker = workers.find((candidate) => candidate.name === name);
  return worker ? mb(worker.bytes) : '—';
}

/** Straight line through (x, y) points by least squares. */
function leastSquares(points: [number, number][]): { slope: number; intercept: number } {
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxy = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const sxx = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { slope, intercept: meanY - slope * meanX };
}

const startedAt = new Date();
const fake = await startFakeAt(rate, seed, null);
const universe = await fakeUniverse(fake);
const app = await buildBenchApp(fake.env);
const browser = await launchChromium();
const machineBefore = machineInfo(browser);
try {
  const session = await openPageSession(browser, { binanceSocketMarker: `:${fake.ports.binance}/`, expectedRows: universe.expectedRows });
  const context: ScenarioContext = {
    session,
    appUrl: app.url,
    controlUrl: fake.controlUrl,
    rate,
    binanceSocketMarker: `:${fake.ports.binance}/`,
    binanceSymbols: universe.binanceSymbols,
    nextProbeId: () => 0,
  };
  const scrollAndSort = screenerScenario.phases.find((phase) => phase.name === 'scroll + sort')!;
  await session.page.goto(new URL(screenerScenario.path, app.url).href);
  await screenerScenario.waitUntilLive(context);
  log(`live; warming up ${warmupSeconds} s`);
  // The warm-up includes one burst, so the baseline already holds what sorting and scrolling cache.
  await scrollAndSort.activity(context, Date.now() + BURST_MS);
  await sleep(warmupSeconds * 1000 - BURST_MS);
  const samples: {
    minute: number;
    heapBytes: number;
    pageBytes: number;
    workers: { name: string; bytes: number }[];
    domNodes: number;
    listeners: number;
    drops: number;
    frames: { binance: number; okx: number };
    applied: number;
    coalesced: number;
  }[] = [];
  let drops = 0;
  const soakStart = Date.now();
  const sample = async () => {
    const frames = await session.page.evaluate(() => (window as unknown as BenchWindow).__bench.frames());
    const counters = await ingestCounters(session.page);
    const pageBytes = await heapAfterGc(session.page);
    const workers = await workerHeapsAfterGc(session.page);
    const dom = await domCounters(session.page);
    const heapBytes = pageBytes + workers.reduce((sum, worker) => sum + worker.bytes, 0);
    samples.push({ minute: (Date.now() - soakStart) / 60_000, heapBytes, pageBytes, workers, domNodes: dom.nodes, listeners: dom.listeners, drops, frames, applied: counters.applied, coalesced: counters.coalesced });
    log(`${samples.at(-1)!.minute.toFixed(1)} min: heap ${mb(heapBytes)} MB (page ${mb(pageBytes)}, ${workers.map((worker) => `${worker.name} ${mb(worker.bytes)}`).join(', ')}), ${dom.nodes} DOM nodes, ${drops} drops`);
  };
  let nextDropAt = dropEverySeconds === null ? Infinity : Date.now() + dropEverySeconds * 1000;
  await sample();
  while (Date.now() - soakStart < minutes * 60_000) {
    if (Date.now() >= nextDropAt) {
      await dropSockets(fake.controlUrl, 'binance');
      await dropSockets(fake.controlUrl, 'okx');
      drops++;
      nextDropAt += dropEverySeconds! * 1000;
      log(`dropped both venues' sockets (${drops})`);
    }
    await scrollAndSort.activity(context, Date.now() + BURST_MS);
    await sleep(Math.min(sampleSeconds * 1000 - BURST_MS, soakStart + minutes * 60_000 - Date.now()));
    await sample();
  }
  await session.close();

  const first = samples[0]!;
  const last = samples.at(-1)!;
  const growth = last.heapBytes / first.heapBytes - 1;
  const trend = leastSquares(samples.map((row) => [row.minute, row.heapBytes]));
  const trendGrowth = (trend.slope * minutes) / trend.intercept;
  const heaps = samples.map((row) => row.heapBytes);
  const domTrend = leastSquares(samples.map((row) => [row.minute, row.domNodes]));
  const domTrendGrowth = (domTrend.slope * minutes) / domTrend.intercept;
  // Each drop must be followed by frames from both venues again: a soak that stopped receiving proves nothing.
  const silentAfterDrop = samples.slice(1).filter((row, index) => row.frames.binance <= samples[index]!.frames.binance || row.frames.okx <= samples[index]!.frames.okx);
  const machineAfter = machineInfo(browser);
  const workerNames = [...new Set(samples.flatMap((row) => row.workers.map((worker) => worker.name)))].sort();
  const lines = [
    '# Soak results',
    '',
    `Generated by \`${command}\` on ${startedAt.toISOString()}. Method: [README.md](README.md).`,
    '',
    `- Machine: ${machineBefore.cpu}, ${machineBefore.cores} cores; Chromium ${machineBefore.chromium}; load average ${machineBefore.loadAverage.map((value) => value.toFixed(2)).join(' / ')} at start, ${machineAfter.loadAverage.map((value) => value.toFixed(2)).join(' / ')} at end`,
    `- Screener at ×${rate} for ${minutes} min after a ${warmupSeconds} s warm-up; a ${BURST_MS / 1000} s scroll-and-sort burst every ${sampleSeconds} s; ${dropEverySeconds === null ? 'no drops' : `both venues' sockets dropped every ${dropEverySeconds} s (${last.drops} drops)`}; heap read after a forced GC in the page and in each ingest worker, and judged on their sum`,
    `- **Heap growth after warm-up: ${signedPercent(trendGrowth)} over ${minutes} min** (least-squares trend through every sample: ${signedMb(trend.slope)} MB a minute from ${mb(trend.intercept)} MB; target < 10 %)`,
    `- **DOM nodes after warm-up: ${signedPercent(domTrendGrowth)} over ${minutes} min** (trend ${domTrend.slope >= 0 ? '+' : '−'}${Math.abs(domTrend.slope).toFixed(1)} nodes a minute from ${domTrend.intercept.toFixed(0)}; ${Math.min(...samples.map((row) => row.domNodes))}–${Math.max(...samples.map((row) => row.domNodes))} across samples; target < 10 %)`,
    `- Frames kept arriving from both venues between every two samples${silentAfterDrop.length === 0 ? '' : `, **except before minute ${silentAfterDrop.map((row) => row.minute.toFixed(1)).join(', ')}**`}`,
    `- First to last sample: ${signedPercent(growth)} (${mb(first.heapBytes)} → ${mb(last.heapBytes)} MB). Single samples swing between ${mb(Math.min(...heaps))} and ${mb(Math.max(...heaps))} MB with whatever batches are in flight when the GC runs, so two samples alone say little; the trend is the growth.`,
    '',
    `| minute | JS heap after GC, all threads (MB) | page (MB) | ${workerNames.map((name) => `${name} (MB)`).join(' | ')} | DOM nodes | event listeners | drops so far | frames received (Binance / OKX) | row updates applied | coalesced |`,
    `|---|---|---|${workerNames.map(() => '---|').join('')}---|---|---|---|---|---|`,
    ...samples.map(
      (row) =>
        `| ${row.minute.toFixed(1)} | ${mb(row.heapBytes)} | ${mb(row.pageBytes)} | ${workerNames.map((name) => workerHeapText(row.workers, name)).join(' | ')} | ${row.domNodes} | ${row.listeners} | ${row.drops} | ${row.frames.binance} / ${row.frames.okx} | ${row.applied} | ${row.coalesced} |`,
    ),
    '',
  ];
  writeFileSync(join(REPO_ROOT, 'bench/soak-results.md'), lines.join('\n'));
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  await app.close();
  await fake.close();
}
