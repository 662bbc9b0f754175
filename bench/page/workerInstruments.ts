/**
 * Bundled into the benchmark build's ingest workers only (prepended by
 * bench/harness/workerInstrumentsPlugin.ts), never into the product. It does for sockets opened
 * in the worker what bench/page/instruments.ts does for the page's: counts frames, samples their
 * age on arrival, stamps the first frame carrying an armed probe value, captures frames and times the JSON.parse floor over
 * them on this thread, and reports to the page over a BroadcastChannel. Its cost lands on the worker, not the main thread.
 */
import { AGE_SAMPLE_EVERY, BENCH_CHANNELS, eventTimeOf, frameAge, timeJsonParse, type LatencyProbe, type PageRequest, type WorkerReport } from './instruments.ts';

const COUNTS_EVERY_MS = 100;

/** The worker's name (the app names one per exchange), so the page can tell the workers' answers apart. */
const WORKER = (globalThis as unknown as { name: string }).name;
const reports = new BroadcastChannel(BENCH_CHANNELS.reports);
const requests = new BroadcastChannel(BENCH_CHANNELS.requests);
const report = (message: WorkerReport): void => reports.postMessage(message);
const byUrl: Record<string, { frames: number; bytes: number }> = {};
let countsChanged = false;
let ages: Record<string, number[]> = {};
let armed: LatencyProbe[] = [];
let captureUntil = 0;
let captured: string[] = [];

requests.onmessage = (event: MessageEvent<PageRequest>) => {
  const request = event.data;
  if (request.kind === 'arm') {
    if (!armed.some((probe) => probe.id === request.probe.id)) armed.push(request.probe);
  } else if (request.kind === 'disarm') {
    armed = armed.filter((probe) => probe.id !== request.id);
  } else if (request.kind === 'capture') {
    captured = [];
    captureUntil = performance.now() + request.durationMs;
  } else if (request.kind === 'release') {
    // The floor has been timed: the frames (megabytes at ×10) need not stay in the worker's heap.
    captured = [];
  } else if (request.worker === WORKER) {
    report({ kind: 'floor', worker: WORKER, ...timeJsonParse(captured, request.repeats) });
  }
};

const onFrame = (url: string) => (event: MessageEvent) => {
  const data: unknown = event.data;
  if (typeof data !== 'string') return;
  const count = (byUrl[url] ??= { frames: 0, bytes: 0 });
  count.frames++;
  count.bytes += data.length;
  countsChanged = true;
  if (count.frames % AGE_SAMPLE_EVERY === 0) {
    const age = frameAge(data, Date.now());
    if (age !== null) (ages[url] ??= []).push(age);
  }
  if (captureUntil > 0) {
    if (performance.now() < captureUntil) captured.push(data);
    else captureUntil = 0;
  }
  if (armed.length === 0) return;
  const seen = armed.filter((probe) => url.includes(probe.socketMarker) && data.includes(probe.frameMarker));
  if (seen.length === 0) return;
  armed = armed.filter((probe) => !seen.includes(probe));
  for (const probe of seen) report({ kind: 'probe-seen', id: probe.id, arrivedAt: Date.now(), eventTime: eventTimeOf(data, probe.frameMarker) });
};

const WorkerWebSocket = globalThis.WebSocket;
class CountingWebSocket extends WorkerWebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    // Added before the app sets onmessage, so it runs first and stamps arrival before the app's work.
    this.addEventListener('message', onFrame(String(url)));
  }
}
globalThis.WebSocket = CountingWebSocket;

setInterval(() => {
  if (!countsChanged) return;
  countsChanged = false;
  report({ kind: 'counts', byUrl });
  report({ kind: 'ages', byUrl: ages });
  ages = {};
}, COUNTS_EVERY_MS);

report({ kind: 'hello', worker: WORKER });
