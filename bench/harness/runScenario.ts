import type { ParseFloor } from '../page/instruments.ts';
import { importAlertRules } from '../scenarios/alertRules.ts';
import { sleep, type ScenarioContext, type ViewScenario } from '../scenarios/scenario.ts';
import { breakDownProfile, type CpuProfile, type ProfileBreakdown } from './cpuProfile.ts';
import { measureWindow, type WindowMeasure } from './measureWindow.ts';
import type { BenchBrowser } from './environment.ts';
import { heapAfterGc, INGEST_WORKER_SCRIPT, openPageSession, type BenchWindow, type PageSession } from './pageSession.ts';

export interface ScenarioSettings {
  log(message: string): void;
  appUrl: string;
  assetsDir: string;
  controlUrl: string;
  rate: number;
  binanceSocketMarker: string;
  expectedRows: number;
  binanceSymbols: readonly string[];
  nextProbeId(): number;
  warmupSeconds: number;
  phaseSeconds: number;
  profileSeconds: number;
  /** The alert rules file imported before the view is loaded, and how many rules it holds; null for none. */
  alertRules: { file: string; count: number } | null;
}

export interface PhaseProfile {
  phase: string;
  framesReceived: number;
  /** The page's main thread. */
  breakdown: ProfileBreakdown;
  /** The ingest workers' threads (sockets, parsing, coalescing; one per exchange), profiled over the same window. */
  workers: { name: string; breakdown: ProfileBreakdown }[];
}

export interface ScenarioResult {
  rate: number;
  scenario: ViewScenario;
  /** ms from navigation until every row was live, one per fresh page load (views that define it; else empty). */
  liveAfterMs: number[];
  windows: WindowMeasure[];
  profiles: PhaseProfile[];
  parseFloor: FloorResult;
  heapStartBytes: number;
  heapEndBytes: number;
}

/** The floor over the captured frames, timed FLOOR_TIMINGS times: `microsPerFrame` is the median. */
export interface FloorResult extends ParseFloor {
  /** Each timing's µs per frame, in the order taken. */
  timings: number[];
}

const FLOOR_CAPTURE_MS = 2000;
const FLOOR_REPEATS = 7;
/**
 * One timing of the floor (seven passes in well under a second) swung by ±20 % from one to the
 * next a few seconds apart, with the fake streaming on the same two cores; five, spread over
 * twelve seconds, and their median.
 */
const FLOOR_TIMINGS = 5;
const FLOOR_SPACING_MS = 3000;
const PROFILE_SAMPLING_US = 200;
/** A single page load's time to live swings with whatever else the 2 cores are doing: views that define it are loaded this often. */
const LIVE_LOADS = 3;

/** Times the floor FLOOR_TIMINGS times, FLOOR_SPACING_MS apart, then lets the threads drop their captured frames. */
async function timeFloor(page: PageSession['page']): Promise<FloorResult> {
  const floors: ParseFloor[] = [];
  for (let timing = 0; timing < FLOOR_TIMINGS; timing++) {
    if (timing > 0) await sleep(FLOOR_SPACING_MS);
    floors.push(await page.evaluate((repeats: number) => (window as unknown as BenchWindow).__bench.parseFloor(repeats), FLOOR_REPEATS));
  }
  await page.evaluate(() => (window as unknown as BenchWindow).__bench.releaseFrames());
  const timings = floors.map((floor) => floor.microsPerFrame);
  const median = [...floors].sort((a, b) => a.microsPerFrame - b.microsPerFrame)[Math.floor(floors.length / 2)]!;
  return { ...median, timings };
}

/**
 * One view at one rate, in a fresh browser context: load until live, warm up, then each phase
 * measured (frame times, long tasks, latency, counters) and afterwards profiled again with the
 * CPU profiler on (kept apart so the profiler's own cost does not touch the frame times), the
 * JSON.parse floor over the frames captured at the start of the first window, and the heap.
 */
export async function runScenario(browser: BenchBrowser, scenario: ViewScenario, settings: ScenarioSettings): Promise<ScenarioResult> {
  // Each fresh context gets the rules first: every load of the view then starts with them, as a trader's does.
  const open = async (): Promise<PageSession> => {
    const session = await openPageSession(browser, { binanceSocketMarker: settings.binanceSocketMarker, expectedRows: settings.expectedRows });
    if (settings.alertRules) {
      await importAlertRules(session, settings.appUrl, settings.alertRules.file, settings.alertRules.count);
      settings.log(`${settings.alertRules.count} alert rules imported`);
    }
    return session;
  };
  const contextOf = (session: PageSession): ScenarioContext => ({
    session,
    appUrl: settings.appUrl,
    controlUrl: settings.controlUrl,
    rate: settings.rate,
    binanceSocketMarker: settings.binanceSocketMarker,
    binanceSymbols: settings.binanceSymbols,
    nextProbeId: settings.nextProbeId,
  });
  const load = async (session: PageSession): Promise<number | null> => {
    await session.page.goto(new URL(scenario.path, settings.appUrl).href);
    const liveAfter = await scenario.waitUntilLive(contextOf(session));
    settings.log(`live after ${liveAfter?.toFixed(0) ?? '?'} ms`);
    return liveAfter;
  };

  const session = await open();
  let result: ScenarioResult;
  try {
    const context = contextOf(session);
    const { page } = session;
    const liveAfter = await load(session);
    const liveAfterMs = liveAfter === null ? [] : [liveAfter];
    await sleep(settings.warmupSeconds * 1000);
    const heapStartBytes = await heapAfterGc(page);

    await page.evaluate((ms: number) => (window as unknown as BenchWindow).__bench.captureFrames(ms), FLOOR_CAPTURE_MS);
    const windows: WindowMeasure[] = [];
    for (const phase of scenario.phases) {
      settings.log(`measuring: ${phase.name}`);
      windows.push(await measureWindow(session, settings.controlUrl, phase.name, settings.phaseSeconds, (deadline) => phase.activity(context, deadline)));
    }

    const profiles: PhaseProfile[] = [];
    const workers = page.workerSessions(INGEST_WORKER_SCRIPT);
    const threads = [page.sessionId, ...workers.map((worker) => worker.sessionId)];
    const toEach = (method: string, params: Record<string, unknown> = {}) =>
      Promise.all(threads.map((thread) => page.sendToSession<{ profile: CpuProfile }>(thread, method, params)));
    await toEach('Profiler.enable');
    await toEach('Profiler.setSamplingInterval', { interval: PROFILE_SAMPLING_US });
    for (const phase of scenario.phases) {
      settings.log(`profiling: ${phase.name}`);
      const before = await page.evaluate(() => (window as unknown as BenchWindow).__bench.frames());
      await toEach('Profiler.start');
      await phase.activity(context, Date.now() + settings.profileSeconds * 1000);
      const [main, ...ingest] = await toEach('Profiler.stop');
      const after = await page.evaluate(() => (window as unknown as BenchWindow).__bench.frames());
      profiles.push({
        phase: phase.name,
        framesReceived: after.binance + after.okx - before.binance - before.okx,
        breakdown: breakDownProfile(main!.profile, settings.assetsDir),
        workers: ingest.map(({ profile }, index) => ({ name: workers[index]!.title, breakdown: breakDownProfile(profile, settings.assetsDir) })),
      });
    }
    await toEach('Profiler.disable');

    const parseFloor = await timeFloor(page);
    const heapEndBytes = await heapAfterGc(page);
    result = { rate: settings.rate, scenario, liveAfterMs, windows, profiles, parseFloor, heapStartBytes, heapEndBytes };
  } finally {
    await session.close();
  }

  // Only views that define a time to live are loaded again, each time in a fresh context.
  for (let loads = 1; loads < LIVE_LOADS && result.liveAfterMs.length > 0; loads++) {
    const again = await open();
    try {
      const liveAfter = await load(again);
      if (liveAfter !== null) result.liveAfterMs.push(liveAfter);
    } finally {
      await again.close();
    }
  }
  return result;
}
