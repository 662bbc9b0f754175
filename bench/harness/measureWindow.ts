import type { ProbeResult, RecordedWindow } from '../page/instruments.ts';
import { fakeSentFrames } from './environment.ts';
import { ingestCounters, mainThreadTimes, type BenchWindow, type MainThreadTimes, type PageSession } from './pageSession.ts';
import { distribution, type Distribution } from './stats.ts';

export interface WindowMeasure {
  phase: string;
  seconds: number;
  /** Socket frames the page received / the fake sent in the window. */
  framesReceived: number;
  framesSent: number;
  bytesReceived: number;
  /** Store counters over the window: row updates applied, events coalesced away, rejected. */
  applied: number;
  coalesced: number;
  rejected: number;
  mainThread: MainThreadTimes;
  frameMs: Distribution;
  longTasks: number[];
  clicks: RecordedWindow['clicks'];
  /** Update→DOM latency (ms) of the probes resolved in the window. */
  latencyMs: Distribution | null;
  /** Of that latency, the part from the exchange's event time to the frame reaching the worker's socket (ms). */
  arrivalMs: Distribution | null;
  /** Age on arrival of a sample of every socket's frames, per exchange (see AGE_SAMPLE_EVERY). */
  frameAgeMs: { binance: Distribution | null; okx: Distribution | null };
  /** Probes whose value reached the page but not the DOM within 2 s of the window's end. */
  probesNotRendered: number;
}

export type Activity = (deadline: number) => Promise<void>;

/**
 * Measures one fixed window of a page while `activity` runs (latency probes, scrolling, sorting).
 * Frames, counters and main-thread times are read before and after; frame times and long tasks
 * are recorded in the page during the window.
 */
export async function measureWindow(session: PageSession, controlUrl: string, phase: string, seconds: number, activity: Activity): Promise<WindowMeasure> {
  const { page } = session;
  const framesBefore = await page.evaluate(() => (window as unknown as BenchWindow).__bench.frames());
  const countersBefore = await ingestCounters(page);
  const sentBefore = await fakeSentFrames(controlUrl);
  const timesBefore = await mainThreadTimes(page);
  const probesBefore = new Set((await page.evaluate(() => (window as unknown as BenchWindow).__bench.probeResults())).map((probe) => probe.id));
  await page.evaluate(() => (window as unknown as BenchWindow).__bench.startRecording());
  const startedAt = Date.now();
  await activity(startedAt + seconds * 1000);
  const recorded = await page.evaluate(() => (window as unknown as BenchWindow).__bench.stopRecording());
  const elapsed = (Date.now() - startedAt) / 1000;
  const timesAfter = await mainThreadTimes(page);
  const sentAfter = await fakeSentFrames(controlUrl);
  const countersAfter = await ingestCounters(page);
  const framesAfter = await page.evaluate(() => (window as unknown as BenchWindow).__bench.frames());
  const probes = (await settledProbes(session)).filter((probe) => !probesBefore.has(probe.id));

  const resolved = probes.filter((probe): probe is ProbeResult & { eventTime: number; renderedAt: number } => probe.eventTime !== null && probe.renderedAt !== null);
  const rejected = (counters: typeof countersAfter) => counters.rejected.binance + counters.rejected.okx;
  return {
    phase,
    seconds: elapsed,
    framesReceived: framesAfter.binance + framesAfter.okx - framesBefore.binance - framesBefore.okx,
    framesSent: sentAfter.binance + sentAfter.okx - sentBefore.binance - sentBefore.okx,
    bytesReceived: framesAfter.bytes - framesBefore.bytes,
    applied: countersAfter.applied - countersBefore.applied,
    coalesced: countersAfter.coalesced - countersBefore.coalesced,
    rejected: rejected(countersAfter) - rejected(countersBefore),
    mainThread: {
      taskMs: timesAfter.taskMs - timesBefore.taskMs,
      scriptMs: timesAfter.scriptMs - timesBefore.scriptMs,
      layoutMs: timesAfter.layoutMs - timesBefore.layoutMs,
      styleMs: timesAfter.styleMs - timesBefore.styleMs,
    },
    frameMs: distribution(recorded.frameIntervals),
    longTasks: recorded.longTasks,
    clicks: recorded.clicks,
    latencyMs: probes.length === 0 ? null : distribution(resolved.map((probe) => probe.renderedAt - probe.eventTime)),
    arrivalMs: probes.length === 0 ? null : distribution(resolved.flatMap((probe) => (probe.arrivedAt === null ? [] : [probe.arrivedAt - probe.eventTime]))),
    frameAgeMs: {
      binance: recorded.frameAges.binance.length === 0 ? null : distribution(recorded.frameAges.binance),
      okx: recorded.frameAges.okx.length === 0 ? null : distribution(recorded.frameAges.okx),
    },
    // A probe whose value never reached the page was re-pinned before the fake pushed it: no latency to measure.
    probesNotRendered: probes.filter((probe) => probe.eventTime !== null && probe.renderedAt === null).length,
  };
}

/** Probe results once the last armed probes had up to 2 s to reach the DOM. */
async function settledProbes(session: PageSession): Promise<ProbeResult[]> {
  const deadline = Date.now() + 2000;
  for (;;) {
    const probes = await session.page.evaluate(() => (window as unknown as BenchWindow).__bench.probeResults());
    if (Date.now() > deadline || probes.every((probe) => probe.renderedAt !== null || probe.eventTime === null)) return probes;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
