/**
 * Runs inside the benchmarked page, before the app's own scripts (an init script). It is compiled
 * on its own to plain JavaScript by bench/harness/pageScripts.ts, so it imports nothing; the
 * harness reads it through `window.__bench`.
 *
 * What it costs the page: one extra `message` listener per socket (a counter, plus a substring
 * search while a latency probe waits), one rAF callback per frame, and, while probes wait, one
 * MutationObserver over the table. All of it counts towards the main-thread figures.
 *
 * Sockets opened inside a worker (the app's ingest workers, one per exchange) are counted there by
 * bench/page/workerInstruments.ts, bundled into the bench build's worker only; it reports to
 * this script over a BroadcastChannel (messages below).
 */

export interface InstrumentConfig {
  /** Socket URLs containing this text are counted as Binance, the rest as OKX. */
  binanceSocketMarker: string;
}

export interface FrameCounts {
  binance: number;
  okx: number;
  bytes: number;
}

export interface LatencyProbe {
  id: number;
  /** Text of the frame that first carries the probed value, e.g. `"r":"0.05010000"`. */
  frameMarker: string;
  /** Text of the URL of the socket that carries it: only that socket's frames are searched, so other sockets' frames cost the probe nothing. */
  socketMarker: string;
  /** Text the view shows once that value is rendered, e.g. `+5.0100%`. */
  domText: string;
  /** CSS selector of the element whose text must contain domText. */
  domSelector: string;
}

export interface ProbeResult {
  id: number;
  /** Exchange event time of the first frame carrying the value (epoch ms). */
  eventTime: number | null;
  /** Wall time the frame reached the page (epoch ms). */
  arrivedAt: number | null;
  /** Wall time the value was in the DOM (epoch ms). */
  renderedAt: number | null;
}

export interface RecordedWindow {
  /** rAF-to-rAF intervals (ms). */
  frameIntervals: number[];
  /** Long tasks (> 50 ms) seen by the Long Tasks API (durations, ms). */
  longTasks: number[];
  /** Age on arrival (ms from the exchange's event time to the socket) of every AGE_SAMPLE_EVERY-th frame, per exchange. */
  frameAges: { binance: number[]; okx: number[] };
  /** Clicks in the window (the sort headers), and the Event Timing of those that took SLOW_CLICK_MS or more. */
  clicks: { count: number; slow: SlowClick[] };
}

export interface SlowClick {
  /** From the input to the next frame painted after the handlers ran (Event Timing's `duration`, 8 ms steps). */
  toPaintMs: number;
  /** In the click's event handlers (`processingEnd - processingStart`): where a sort re-renders the table. */
  handlersMs: number;
}

/** Event Timing's smallest threshold: a click answered within one 60 Hz frame is not reported. */
export const SLOW_CLICK_MS = 16;

/**
 * One frame in this many has its age taken: the probes time one Binance value end to end, and
 * these show whether every socket, OKX's too, is keeping up or queueing in the transport.
 */
export const AGE_SAMPLE_EVERY = 32;

/**
 * Age (ms) of a frame on arrival, from the event time of its first item (Binance `"E":`, OKX
 * `"ts":"`); null for frames without one (acks, pongs). A substring search, not a parse.
 */
export function frameAge(frame: string, receivedAt: number): number | null {
  let at = frame.indexOf('"E":');
  let start = at + 4;
  if (at < 0) {
    at = frame.indexOf('"ts":"');
    start = at + 6;
  }
  if (at < 0) return null;
  const time = Number(frame.slice(start, start + 13));
  return Number.isFinite(time) && time > 0 ? receivedAt - time : null;
}

export interface ParseFloor {
  frames: number;
  bytes: number;
  /** JSON.parse time per frame over the captured frames (µs), median of the repeats. */
  microsPerFrame: number;
}

/** JSON.parse over captured frames on the thread that received them: the median total of `repeats` passes. */
export function timeJsonParse(frames: readonly string[], repeats: number): { frames: number; bytes: number; ms: number } {
  const totals: number[] = [];
  let sink = 0;
  for (let repeat = 0; repeat < repeats; repeat++) {
    const start = performance.now();
    for (const frame of frames) sink += JSON.parse(frame) === null ? 1 : 0;
    totals.push(performance.now() - start);
  }
  totals.sort((a, b) => a - b);
  const bytes = frames.reduce((sum, frame) => sum + frame.length, sink);
  return { frames: frames.length, bytes, ms: totals[Math.floor(totals.length / 2)] ?? 0 };
}

export interface BenchPageApi {
  frames(): FrameCounts;
  startRecording(): void;
  stopRecording(): RecordedWindow;
  captureFrames(durationMs: number): void;
  parseFloor(repeats: number): Promise<ParseFloor>;
  releaseFrames(): void;
  armProbe(probe: LatencyProbe): void;
  probeResults(): ProbeResult[];
}

/**
 * One BroadcastChannel each way: a broadcast reaches every other listener of its name, so with
 * reports and requests on one channel each worker would take the other's reports for requests.
 */
export const BENCH_CHANNELS = { reports: 'funding-desk-bench-reports', requests: 'funding-desk-bench-requests' } as const;

/** Seven passes over ~15 k frames take well under a second; a worker silent for this long is gone. */
const WORKER_FLOOR_TIMEOUT_MS = 30_000;

/**
 * Worker → page over BENCH_CHANNELS.reports. The app runs one ingest worker per exchange; each reports
 * under its own name, and no two open the same socket URL.
 */
export type WorkerReport =
  | { kind: 'hello'; worker: string }
  /** Totals since the worker started, per socket URL. */
  | { kind: 'counts'; byUrl: Record<string, { frames: number; bytes: number }> }
  /** Ages (ms) of the frames sampled since the last report, per socket URL. */
  | { kind: 'ages'; byUrl: Record<string, number[]> }
  | { kind: 'probe-seen'; id: number; arrivedAt: number; eventTime: number | null }
  /** The worker's JSON.parse floor over the frames it captured (see timeJsonParse). */
  | { kind: 'floor'; worker: string; frames: number; bytes: number; ms: number };

/** Page → workers over BENCH_CHANNELS.requests. */
export type PageRequest =
  | { kind: 'arm'; probe: LatencyProbe }
  /** A probe one worker has seen: the others stop searching their frames for it. */
  | { kind: 'disarm'; id: number }
  | { kind: 'capture'; durationMs: number }
  /** The named worker times its floor (see timeJsonParse). */
  | { kind: 'floor'; worker: string; repeats: number }
  /** The floor is done: captured frames are dropped. */
  | { kind: 'release' };

/** Event time of the item carrying the probed value: Binance `E`, OKX `ts`. */
export function eventTimeOf(frame: string, marker: string): number | null {
  const message: unknown = JSON.parse(frame);
  const record = message as { data?: unknown };
  const items = Array.isArray(record.data) ? record.data : Array.isArray(message) ? message : [record.data ?? message];
  for (const item of items as Record<string, unknown>[]) {
    if (!JSON.stringify(item).includes(marker)) continue;
    const time = Number(item.E ?? item.ts);
    return Number.isFinite(time) ? time : null;
  }
  return null;
}

export function installBenchInstruments(config: InstrumentConfig): void {
  const counts: FrameCounts = { binance: 0, okx: 0, bytes: 0 };
  let captureUntil = 0;
  let captured: string[] = [];

  interface PendingProbe {
    probe: LatencyProbe;
    result: ProbeResult;
  }
  const pending: PendingProbe[] = [];
  const results: ProbeResult[] = [];
  let domWatch: MutationObserver | null = null;

  const checkDom = (): void => {
    const now = Date.now();
    for (let i = pending.length - 1; i >= 0; i--) {
      const entry = pending[i]!;
      if (entry.result.eventTime === null) continue;
      const element = document.querySelector(entry.probe.domSelector);
      if (!element?.textContent?.includes(entry.probe.domText)) continue;
      entry.result.renderedAt = now;
      results.push(entry.result);
      pending.splice(i, 1);
    }
    if (pending.length === 0) {
      domWatch?.disconnect();
      domWatch = null;
    }
  };

  const watchDom = (): void => {
    if (domWatch) return;
    domWatch = new MutationObserver(checkDom);
    domWatch.observe(document.body, { subtree: true, childList: true, characterData: true });
  };

  let frameAges: RecordedWindow['frameAges'] = { binance: [], okx: [] };
  let recording = false;
  const recordAges = (binance: boolean, ages: readonly number[]): void => {
    if (recording) frameAges[binance ? 'binance' : 'okx'].push(...ages);
  };

  const onFrame = (url: string, binance: boolean) => (event: MessageEvent) => {
    const data = event.data;
    if (typeof data !== 'string') return;
    const seen = binance ? ++counts.binance : ++counts.okx;
    counts.bytes += data.length;
    if (seen % AGE_SAMPLE_EVERY === 0) {
      const age = frameAge(data, Date.now());
      if (age !== null) recordAges(binance, [age]);
    }
    if (captureUntil > 0) {
      if (performance.now() < captureUntil) captured.push(data);
      else captureUntil = 0;
    }
    for (const entry of pending) {
      if (entry.result.eventTime !== null || !url.includes(entry.probe.socketMarker) || !data.includes(entry.probe.frameMarker)) continue;
      entry.result.arrivedAt = Date.now();
      entry.result.eventTime = eventTimeOf(data, entry.probe.frameMarker);
      watchDom();
    }
  };

  const PageWebSocket = window.WebSocket;
  class CountingWebSocket extends PageWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      // Added before the app sets onmessage, so it runs first and stamps arrival before the app's work.
      this.addEventListener('message', onFrame(String(url), String(url).includes(config.binanceSocketMarker)));
    }
  }
  window.WebSocket = CountingWebSocket;

  const reports = new BroadcastChannel(BENCH_CHANNELS.reports);
  const requests = new BroadcastChannel(BENCH_CHANNELS.requests);
  const workersStarted = new Set<string>();
  let workerFloor: ((worker: string, floor: { frames: number; bytes: number; ms: number }) => void) | null = null;
  /** One worker's floor; a worker that never answers (it crashed) counts no frames, rather than hanging the bench. */
  const floorOf = (worker: string, repeats: number) =>
    new Promise<{ frames: number; bytes: number; ms: number }>((resolve) => {
      const done = (floor: { frames: number; bytes: number; ms: number }): void => {
        clearTimeout(silent);
        workerFloor = null;
        resolve(floor);
      };
      // Cleared on an answer: left running, it would later drop the next worker's pending answer.
      const silent = setTimeout(() => done({ frames: 0, bytes: 0, ms: 0 }), WORKER_FLOOR_TIMEOUT_MS);
      workerFloor = (answering, floor) => {
        if (answering === worker) done(floor);
      };
      request({ kind: 'floor', worker, repeats });
    });
  const workerCountsByUrl: Record<string, { frames: number; bytes: number }> = {};
  let workerCounts: FrameCounts = { binance: 0, okx: 0, bytes: 0 };
  let captureDurationMs = 0;
  const request = (message: PageRequest): void => requests.postMessage(message);
  reports.onmessage = (event: MessageEvent<WorkerReport>) => {
    const report = event.data;
    if (report.kind === 'hello') {
      workersStarted.add(report.worker);
      // A worker that starts after probes were armed (or a capture began) still gets them.
      for (const entry of pending) if (entry.result.eventTime === null) request({ kind: 'arm', probe: entry.probe });
      if (captureDurationMs > 0) request({ kind: 'capture', durationMs: captureDurationMs });
    } else if (report.kind === 'counts') {
      Object.assign(workerCountsByUrl, report.byUrl);
      workerCounts = { binance: 0, okx: 0, bytes: 0 };
      for (const [url, count] of Object.entries(workerCountsByUrl)) {
        if (url.includes(config.binanceSocketMarker)) workerCounts.binance += count.frames;
        else workerCounts.okx += count.frames;
        workerCounts.bytes += count.bytes;
      }
    } else if (report.kind === 'ages') {
      for (const [url, ages] of Object.entries(report.byUrl)) recordAges(url.includes(config.binanceSocketMarker), ages);
    } else if (report.kind === 'probe-seen') {
      const entry = pending.find((candidate) => candidate.probe.id === report.id);
      request({ kind: 'disarm', id: report.id });
      if (!entry || entry.result.eventTime !== null) return;
      entry.result.arrivedAt = report.arrivedAt;
      entry.result.eventTime = report.eventTime;
      watchDom();
    } else {
      workerFloor?.(report.worker, report);
    }
  };

  let lastFrameAt = 0;
  let frameIntervals: number[] = [];
  let longTasks: number[] = [];
  let slowClicks: SlowClick[] = [];
  let clicksBefore = 0;
  const clicksSoFar = () => performance.eventCounts?.get('click') ?? 0;
  const onAnimationFrame = (time: number): void => {
    if (recording && lastFrameAt > 0) frameIntervals.push(time - lastFrameAt);
    lastFrameAt = time;
    requestAnimationFrame(onAnimationFrame);
  };
  requestAnimationFrame(onAnimationFrame);
  new PerformanceObserver((list) => {
    if (!recording) return;
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  new PerformanceObserver((list) => {
    if (!recording) return;
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      if (entry.name === 'click') slowClicks.push({ toPaintMs: entry.duration, handlersMs: entry.processingEnd - entry.processingStart });
    }
  }).observe({ type: 'event', durationThreshold: SLOW_CLICK_MS } as PerformanceObserverInit);

  const api: BenchPageApi = {
    frames: () => ({
      binance: counts.binance + workerCounts.binance,
      okx: counts.okx + workerCounts.okx,
      bytes: counts.bytes + workerCounts.bytes,
    }),
    startRecording() {
      frameIntervals = [];
      longTasks = [];
      slowClicks = [];
      clicksBefore = clicksSoFar();
      frameAges = { binance: [], okx: [] };
      lastFrameAt = 0;
      recording = true;
    },
    stopRecording() {
      recording = false;
      return { frameIntervals, longTasks, frameAges, clicks: { count: clicksSoFar() - clicksBefore, slow: slowClicks } };
    },
    captureFrames(durationMs) {
      captured = [];
      captureUntil = performance.now() + durationMs;
      captureDurationMs = durationMs;
      request({ kind: 'capture', durationMs });
    },
    async parseFloor(repeats) {
      // Each thread times its own frames: the worker's floor is JSON.parse on the thread that ingests them.
      const onPage = timeJsonParse(captured, repeats);
      // One worker at a time, so the workers' floors do not compete with each other for the cores.
      const inWorker = { frames: 0, bytes: 0, ms: 0 };
      for (const worker of workersStarted) {
        const floor = await floorOf(worker, repeats);
        inWorker.frames += floor.frames;
        inWorker.bytes += floor.bytes;
        inWorker.ms += floor.ms;
      }
      const frames = onPage.frames + inWorker.frames;
      const ms = onPage.ms + inWorker.ms;
      return { frames, bytes: onPage.bytes + inWorker.bytes, microsPerFrame: frames > 0 ? (ms * 1000) / frames : 0 };
    },
    releaseFrames() {
      captured = [];
      request({ kind: 'release' });
    },
    armProbe(probe) {
      pending.push({ probe, result: { id: probe.id, eventTime: null, arrivedAt: null, renderedAt: null } });
      request({ kind: 'arm', probe });
    },
    probeResults() {
      const unresolved = pending.map((entry) => ({ ...entry.result }));
      return [...results, ...unresolved];
    },
  };
  (window as unknown as { __bench: BenchPageApi }).__bench = api;
}
