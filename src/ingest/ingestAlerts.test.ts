import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endpoints } from '../config/buildEndpoints';
import { realScheduler } from '../connection/scheduler';
import { ScriptedServer } from '../connection/testing/scriptedSockets';
import type { AlertRule } from '../domain/alerts/rule';
import type { WorkerBatch } from '../wire/messages';
import { createIngestService, TICK_MS } from './ingestService';

let server: ScriptedServer;
let batches: WorkerBatch[];

beforeEach(() => {
  vi.useFakeTimers();
  server = new ScriptedServer();
  batches = [];
});
afterEach(() => vi.useRealTimers());

const hot: AlertRule = {
  id: 'hot',
  condition: { kind: 'funding-level', target: { scope: 'contract', contract: { exchange: 'binance', symbol: 'BTCUSDT' } }, basis: 'current', side: 'above', level: 0.3 },
  paused: false,
  hysteresis: 0.05,
  cooldownMs: 0,
  createdAt: 0,
};

/** A Binance worker's service with its perpetual feed open and subscribed. */
function start() {
  const service = createIngestService({
    post: (batch) => batches.push(batch),
    sockets: server.factory,
    fetch: (() => new Promise(() => {})) as typeof fetch,
    scheduler: realScheduler,
    random: () => 0.5,
    okxRegion: 'global',
  });
  service.handle({ type: 'acquire', lease: 1, request: { feed: 'perps', exchange: 'binance' } });
  const socket = server.sockets.filter((candidate) => candidate.url.startsWith(endpoints.VITE_BINANCE_FUTURES_WS)).at(-1)!;
  socket.open();
  for (const frame of socket.sentJson()) if (frame.method === 'SUBSCRIBE') socket.receive({ result: null, id: frame.id });
  let time = 1_000;
  /** One mark push of BTCUSDT at that rate, then one tick: the alerts that tick's batch carried. */
  const push = (rate: number): string[] => {
    batches = [];
    time += 1_000;
    socket.receive({ stream: '!markPrice@arr@1s', data: [{ e: 'markPriceUpdate', E: time, s: 'BTCUSDT', p: '100.5', i: '100.4', P: '100.45', r: rate.toFixed(8), T: time + 3_600_000 }] });
    vi.advanceTimersByTime(TICK_MS);
    return batches.flatMap((batch) => batch.alerts.map((alert) => alert.text));
  };
  return { service, push };
}

describe('alerts in the ingest worker', () => {
  it('evaluates the rules it was told over each tick’s changed rows, and sends what fired in the batch', () => {
    const { service, push } = start();
    // No rules yet: nothing fires, and batches carry an empty list.
    expect(push(0.0003)).toEqual([]);
    expect(batches.every((batch) => batch.alerts.length === 0)).toBe(true);
    service.handle({ type: 'rules', rules: [hot], states: new Map() });
    push(0.0002);
    // The interval is assumed 8 h (no fundingInfo answer): 0.0003 × 3 × 365 = 32.85 %.
    expect(push(0.0003)).toEqual(['BTCUSDT (Binance) annualised funding 32.85% is above 30%']);
    expect(push(0.00031)).toEqual([]);
    // 29.57 %: back under, but inside the band (down to 28.5 %), so crossing again does not fire.
    expect(push(0.00027)).toEqual([]);
    expect(push(0.0003)).toEqual([]);
    // 21.9 %: beyond the band, re-armed.
    expect(push(0.0002)).toEqual([]);
    expect(push(0.0003)).toHaveLength(1);
    service.handle({ type: 'rules', rules: [], states: new Map() });
    push(0.0002);
    expect(push(0.0003)).toEqual([]);
  });

  it('ticks on its own while a link-down rule waits, so a venue down long enough fires with no new data', () => {
    const { service, push } = start();
    push(0.0001);
    service.handle({ type: 'rules', rules: [{ ...hot, id: 'down', condition: { kind: 'link-down', exchange: 'binance', minutes: 2 } }], states: new Map() });
    // Offline: the hub waits for the network, so no status and no row arrives from here on.
    service.handle({ type: 'network', online: false });
    batches = [];
    vi.advanceTimersByTime(90_000);
    expect(batches.flatMap((batch) => batch.alerts)).toEqual([]);
    vi.advanceTimersByTime(60_000);
    expect(batches.flatMap((batch) => batch.alerts.map((alert) => alert.ruleId))).toEqual(['down']);
  });
});
