import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { realScheduler } from '../connection/scheduler';
import { ScriptedServer, type ScriptedSocket } from '../connection/testing/scriptedSockets';
import { endpoints } from '../config/endpoints';
import { createIngestService, TICK_MS } from './ingestService';
import type { WorkerBatch } from './protocol';

let server: ScriptedServer;
let batches: WorkerBatch[];

const binanceSocket = (): ScriptedSocket => {
  const socket = server.sockets.find((candidate) => candidate.url.startsWith(endpoints.VITE_BINANCE_FUTURES_WS));
  if (!socket) throw new Error('no Binance socket');
  return socket;
};

const markPush = (symbol: string, rate: string, time: number) => ({
  stream: '!markPrice@arr@1s',
  data: [{ e: 'markPriceUpdate', E: time, s: symbol, p: '100.5', i: '100.4', P: '100.45', r: rate, T: time + 3_600_000 }],
});

function start() {
  const service = createIngestService({
    post: (batch) => batches.push(batch),
    sockets: server.factory,
    // REST lists never answer here: rows come from the streams alone (streams-first).
    fetch: (() => new Promise(() => {})) as typeof fetch,
    scheduler: realScheduler,
    random: () => 0.5,
  });
  service.handle({ type: 'acquire', lease: 1, request: { feed: 'perpetuals' } });
  const socket = binanceSocket();
  socket.open();
  for (const frame of socket.sentJson()) if (frame.method === 'SUBSCRIBE') socket.receive({ result: null, id: frame.id });
  return { service, socket };
}

beforeEach(() => {
  vi.useFakeTimers();
  server = new ScriptedServer();
  batches = [];
});
afterEach(() => vi.useRealTimers());

describe('ingest service (the worker side)', () => {
  it('sends one batch per tick, with each row coalesced to its newest value', () => {
    const { socket } = start();
    vi.advanceTimersByTime(TICK_MS);
    batches = [];
    socket.receive(markPush('BTCUSDT', '0.00010000', 1_000));
    socket.receive(markPush('BTCUSDT', '0.00020000', 2_000));
    socket.receive(markPush('ETHUSDT', '0.00030000', 2_000));
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(TICK_MS);
    expect(batches).toHaveLength(1);
    const perp = batches[0]!.perp!;
    expect(perp.quotes.upserts.map((quote) => [quote.key, quote.fundingRate])).toEqual([
      ['binance:BTCUSDT', 0.0002],
      ['binance:ETHUSDT', 0.0003],
    ]);
    expect(perp.counters.coalesced).toBe(1);
  });

  it('sends only the rows that changed since the previous batch', () => {
    const { socket } = start();
    socket.receive(markPush('BTCUSDT', '0.00010000', 1_000));
    socket.receive(markPush('ETHUSDT', '0.00010000', 1_000));
    vi.advanceTimersByTime(TICK_MS);
    batches = [];
    socket.receive(markPush('ETHUSDT', '0.00040000', 2_000));
    vi.advanceTimersByTime(TICK_MS);
    const quotes = batches.map((batch) => batch.perp!.quotes);
    expect(quotes.map((patch) => patch.upserts)).toEqual([[]]);
    expect(quotes.map((patch) => patch.changes.map((change) => change.key))).toEqual([['binance:ETHUSDT']]);
    expect(quotes[0]!.changes[0]).toMatchObject({ key: 'binance:ETHUSDT', fundingRate: 0.0004 });
    expect(quotes[0]!.changes[0]).not.toHaveProperty('symbol');
  });

  it('passes link status changes on, and stops the feed when its last lease is released', () => {
    const { service, socket } = start();
    vi.advanceTimersByTime(TICK_MS);
    expect(batches.flatMap((batch) => batch.links).some((link) => link.exchange === 'binance')).toBe(true);
    service.handle({ type: 'release', lease: 1 });
    vi.advanceTimersByTime(60_000);
    expect(socket.closedByClient).not.toBeNull();
  });
});
