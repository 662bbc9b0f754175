/**
 * Two phases, started by bench/ingest/run.ts. `record`: the app's ingest service runs in Node
 * against the live fake exchange (real sockets, real REST) and every socket event is kept with its
 * arrival time. `replay`: a fresh ingest service is fed the same events in order, on a virtual
 * clock, as fast as it can take them; its worker tick (flush, diff, encode) runs on that clock.
 * The second half of the recording is timed, against bare JSON.parse over the same frames.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { test } from 'vitest';
import WebSocket from 'ws';
import { realScheduler, type Scheduler } from '../../src/connection/scheduler';
import { webSocketFactory, type SocketFactory, type SocketHandlers } from '../../src/connection/socketFactory';
import { EXCHANGES } from '../../src/domain/exchange';
import { createIngestService, type IngestService } from '../../src/ingest/ingestService';
import { transferablesOf } from '../../src/wire/messages';
import { timeJsonParse } from '../page/instruments.ts';

interface SocketEvent {
  at: number;
  socket: number;
  kind: 'open' | 'message' | 'close';
  data?: string;
}

interface Recording {
  rate: number;
  events: SocketEvent[];
  /** REST bodies by URL, answered again during the replay. */
  responses: [string, { status: number; body: string }][];
}

const env = process.env;
/** Both exchanges' perpetuals in one service (the app runs one per exchange, each in its own worker; the work per frame is the same). */
const acquirePerps = (service: IngestService): void =>
  EXCHANGES.forEach((exchange, index) => service.handle({ type: 'acquire', lease: index + 1, request: { feed: 'perps', exchange } }));
const releasePerps = (service: IngestService): void => EXCHANGES.forEach((_, index) => service.handle({ type: 'release', lease: index + 1 }));

/** The same jitter in both phases, so reconnect timings (if any) replay alike. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function record(): Promise<void> {
  const events: SocketEvent[] = [];
  const responses = new Map<string, { status: number; body: string }>();
  const recordingFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await fetch(input, init);
    const body = await response.text();
    responses.set(String(input), { status: response.status, body });
    return new Response(body, { status: response.status, headers: response.headers });
  }) as typeof fetch;
  const live = webSocketFactory(WebSocket as never);
  let sockets = 0;
  const recordingSockets: SocketFactory = (url, handlers) => {
    const socket = sockets++;
    const keep = (kind: SocketEvent['kind'], data?: string) => events.push({ at: Date.now(), socket, kind, data });
    return live(url, {
      open: () => {
        keep('open');
        handlers.open();
      },
      message: (data) => {
        keep('message', String(data));
        handlers.message(data);
      },
      close: (code, reason) => {
        keep('close');
        handlers.close(code, reason);
      },
      error: handlers.error,
    });
  };
  const service = createIngestService({ post: () => undefined, sockets: recordingSockets, fetch: recordingFetch, scheduler: realScheduler, random: seeded(1), okxRegion: 'global' });
  acquirePerps(service);
  await sleep(Number(env.INGEST_SECONDS) * 1000);
  const recording: Recording = { rate: Number(env.INGEST_RATE), events: events.slice(), responses: [...responses] };
  releasePerps(service);
  writeFileSync(env.INGEST_RECORDING!, JSON.stringify(recording));
}

/** Timers on a clock the replay moves forward to each event's arrival time. */
function virtualClock(start: number): Scheduler & { advanceTo(time: number): void } {
  let now = start;
  let sequence = 0;
  const timers: { at: number; sequence: number; run: () => void; cancelled: boolean }[] = [];
  return {
    now: () => now,
    setTimeout(run, ms) {
      const timer = { at: now + ms, sequence: sequence++, run, cancelled: false };
      timers.push(timer);
      return timer;
    },
    clearTimeout(handle) {
      if (handle) (handle as { cancelled: boolean }).cancelled = true;
    },
    advanceTo(time) {
      for (;;) {
        let next = -1;
        for (let i = 0; i < timers.length; i++) {
          const timer = timers[i]!;
          if (timer.cancelled || timer.at > time) continue;
          if (next < 0 || timer.at < timers[next]!.at || (timer.at === timers[next]!.at && timer.sequence < timers[next]!.sequence)) next = i;
        }
        if (next < 0) break;
        const [timer] = timers.splice(next, 1);
        now = Math.max(now, timer!.at);
        timer!.run();
      }
      for (let i = timers.length - 1; i >= 0; i--) if (timers[i]!.cancelled) timers.splice(i, 1);
      now = time;
    },
  };
}

/** One replay: the first half warms the service up (REST answers included), the second half is timed. */
async function replayOnce(recording: Recording, timedFrom: number): Promise<number> {
  const { events } = recording;
  const clock = virtualClock(events[0]!.at - 1);
  const sockets: SocketHandlers[] = [];
  const responses = new Map(recording.responses);
  let posted = 0;
  const service = createIngestService({
    // The worker posts each batch by structured clone: serialising it is part of its cost.
    post: (batch) => {
      structuredClone(batch, { transfer: transferablesOf(batch) });
      posted++;
    },
    sockets: (_url, handlers) => {
      sockets.push(handlers);
      return { send: () => undefined, close: () => undefined };
    },
    fetch: (async (input: RequestInfo | URL) => {
      const hit = responses.get(String(input));
      return new Response(hit?.body ?? '', { status: hit?.status ?? 404 });
    }) as typeof fetch,
    scheduler: clock,
    random: seeded(1),
    okxRegion: 'global',
  });
  acquirePerps(service);
  const play = (event: SocketEvent): void => {
    clock.advanceTo(event.at);
    const handlers = sockets[event.socket];
    if (!handlers) throw new Error(`the replay opened fewer sockets than the recording (no socket ${event.socket})`);
    if (event.kind === 'open') handlers.open();
    else if (event.kind === 'message') handlers.message(event.data);
    else handlers.close(1000, '');
  };
  let index = 0;
  for (; index < events.length && events[index]!.at < timedFrom; index++) {
    play(events[index]!);
    // Lets the REST answers (promises) land during the warm-up, as they would between frames.
    if (index % 200 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  await new Promise((resolve) => setImmediate(resolve));
  const started = performance.now();
  for (; index < events.length; index++) play(events[index]!);
  clock.advanceTo(events.at(-1)!.at + 1);
  const elapsed = performance.now() - started;
  releasePerps(service);
  if (posted === 0) throw new Error('the replay produced no batches');
  return elapsed;
}

async function replay(): Promise<void> {
  if (!existsSync(env.INGEST_RECORDING!)) throw new Error('no recording: run npm run bench:ingest');
  const recording = JSON.parse(readFileSync(env.INGEST_RECORDING!, 'utf8')) as Recording;
  const first = recording.events[0]!.at;
  const timedFrom = first + (recording.events.at(-1)!.at - first) / 2;
  const frames = recording.events.filter((event) => event.kind === 'message' && event.at >= timedFrom).map((event) => event.data!);
  const bytes = frames.reduce((sum, frame) => sum + frame.length, 0);
  const runs: { app: number; floor: number }[] = [];
  for (let run = 0; run < Number(env.INGEST_REPEATS); run++) {
    runs.push({ app: await replayOnce(recording, timedFrom), floor: timeJsonParse(frames, 1).ms });
  }
  const perFrame = (ms: number) => (ms * 1000) / frames.length;
  const app = median(runs.map((run) => run.app));
  const floor = median(runs.map((run) => run.floor));
  const [one = 0, five = 0] = loadavg();
  const lines = [
    '# Ingest replay results',
    '',
    `Generated by \`${env.INGEST_COMMAND}\` on ${new Date().toISOString()}. Method: [README.md](README.md#ingest-replay).`,
    '',
    `- Machine: ${cpus()[0]?.model.trim() ?? 'unknown'}, ${cpus().length} cores; Node ${process.version}; load average ${one.toFixed(2)} / ${five.toFixed(2)} at the end`,
    `- Recording: fake exchange at ×${recording.rate}, ${(Number(env.INGEST_SECONDS)).toFixed(0)} s, the perpetual feeds (every Binance and OKX perpetual); timed: the second half, ${frames.length} frames (${(bytes / 2 ** 20).toFixed(1)} MB)`,
    '',
    '| | app ingest (µs/frame) | JSON.parse floor (µs/frame) | ratio |',
    '|---|---|---|---|',
    `| median of ${runs.length} | ${perFrame(app).toFixed(2)} | ${perFrame(floor).toFixed(2)} | ${(app / floor).toFixed(2)}× |`,
    ...runs.map((run, index) => `| run ${index + 1} | ${perFrame(run.app).toFixed(2)} | ${perFrame(run.floor).toFixed(2)} | ${(run.app / run.floor).toFixed(2)}× |`),
    '',
  ];
  writeFileSync(env.INGEST_OUT!, lines.join('\n'));
  console.log(lines.join('\n'));
}

test(`ingest ${env.INGEST_PHASE}`, async () => {
  if (env.INGEST_PHASE === 'record') await record();
  else await replay();
});
