import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExchangeLinkStatus } from '../domain/connectionState';
import { binanceProtocol } from '../feeds/binance/binanceProtocol';
import { okxProtocol, type OkxArg } from '../feeds/okx/okxProtocol';
import { createConnectionHub, type ConnectionHub, type Endpoint } from './connectionHub';
import { ScriptedServer, type ScriptedSocket } from './testing/scriptedSockets';

const binance: Endpoint<string> = {
  id: 'binance',
  exchange: 'binance',
  url: 'wss://fake/market',
  protocol: binanceProtocol,
  probeUrl: 'https://fake/fapi/v1/ping',
};
const okx: Endpoint<OkxArg> = { id: 'okx', exchange: 'okx', url: 'wss://fake/ws/v5/public', protocol: okxProtocol };

const markPrice = (instId: string): OkxArg => ({ channel: 'mark-price', instId });

let server: ScriptedServer;
let hub: ConnectionHub;
let statuses: ExchangeLinkStatus[];
let probeStatus: number;

function latest(exchange: 'binance' | 'okx'): ExchangeLinkStatus {
  return hub.status(exchange);
}

function ackAllBinance(socket: ScriptedSocket): void {
  for (const frame of socket.sentJson()) {
    if (frame.method === 'SUBSCRIBE') socket.receive({ result: null, id: frame.id });
  }
}

function pushBinance(socket: ScriptedSocket, stream: string, data: unknown): void {
  socket.receive({ stream, data });
}

function pushOkx(socket: ScriptedSocket, arg: OkxArg, data: unknown[]): void {
  socket.receive({ arg, data });
}

beforeEach(() => {
  vi.useFakeTimers();
  server = new ScriptedServer();
  statuses = [];
  probeStatus = 200;
  hub = createConnectionHub({
    sockets: server.factory,
    random: () => 0.5,
    fetch: (async () => new Response('{}', { status: probeStatus })) as typeof fetch,
    onStatus: (status) => statuses.push(status),
  });
});

afterEach(() => {
  hub.stop();
  vi.useRealTimers();
});

describe('subscribing', () => {
  it('opens the routed combined-stream URL and subscribes once the socket is open', () => {
    hub.subscribe(binance, ['!markPrice@arr@1s', '!miniTicker@arr'], () => undefined);
    const socket = server.last();
    expect(socket.url).toBe('wss://fake/market/stream');
    expect(socket.sent).toEqual([]);
    socket.open();
    expect(socket.sentJson()).toEqual([
      { method: 'SUBSCRIBE', params: ['!markPrice@arr@1s', '!miniTicker@arr'], id: 1 },
    ]);
  });

  it('routes each push to the listeners of its own stream only', () => {
    const marks = vi.fn();
    const tickers = vi.fn();
    hub.subscribe(binance, ['!markPrice@arr@1s'], marks);
    hub.subscribe(binance, ['!miniTicker@arr'], tickers);
    const socket = server.last();
    socket.open();
    pushBinance(socket, '!markPrice@arr@1s', [{ s: 'BTCUSDT' }]);
    expect(marks).toHaveBeenCalledWith([{ s: 'BTCUSDT' }], '!markPrice@arr@1s', expect.any(Number), 0);
    expect(tickers).not.toHaveBeenCalled();
    expect(server.sockets).toHaveLength(1);
  });

  it('shares one wire subscription between two subscribers and drops it when the last leaves', () => {
    const stopA = hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], () => undefined);
    const stopB = hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], () => undefined);
    const socket = server.last();
    socket.open();
    expect(socket.sentJson().filter((f) => f.op === 'subscribe')).toHaveLength(1);
    stopA();
    expect(socket.sentJson().filter((f) => f.op === 'unsubscribe')).toHaveLength(0);
    stopB();
    vi.advanceTimersByTime(200);
    expect(socket.sentJson().filter((f) => f.op === 'unsubscribe')).toEqual([
      { id: '2', op: 'unsubscribe', args: [markPrice('BTC-USDT-SWAP')] },
    ]);
    expect(socket.closedByClient).toBeNull();
    vi.advanceTimersByTime(5000);
    expect(socket.closedByClient).not.toBeNull();
  });

  it("spreads topics over sockets within the per-socket limit, opening them within OKX's connection rate", () => {
    const args = Array.from({ length: 4200 }, (_, i) => markPrice(`C${i}-USDT-SWAP`));
    hub.subscribe(okx, args, () => undefined);
    expect(server.sockets).toHaveLength(3);
    vi.advanceTimersByTime(1099);
    expect(server.sockets).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(server.sockets).toHaveLength(5);
    server.sockets.forEach((socket) => socket.open());
    vi.advanceTimersByTime(2000);
    const perSocket = server.sockets.map((socket) =>
      socket.sentJson().reduce((n, frame) => n + (frame.args as unknown[]).length, 0),
    );
    expect(perSocket).toEqual([1000, 1000, 1000, 1000, 200]);
    expect(Math.max(...server.sockets.flatMap((s) => s.sentJson().map((f) => JSON.stringify(f).length)))).toBeLessThan(
      64 * 1024,
    );
  });

  it('gathers many small subscriptions made in one tick into one request', () => {
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], () => undefined);
    const socket = server.last();
    socket.open();
    for (let i = 0; i < 50; i++) hub.subscribe(okx, [markPrice(`C${i}-USDT-SWAP`)], () => undefined);
    vi.advanceTimersByTime(100);
    const subscribes = socket.sentJson().filter((frame) => frame.op === 'subscribe');
    expect(subscribes.map((frame) => (frame.args as unknown[]).length)).toEqual([1, 50]);
  });

  it('paces Binance requests under the 10-messages-a-second limit', () => {
    const streams = Array.from({ length: 200 }, (_, i) => `s${i}usdt@markprice@1s`);
    hub.subscribe(binance, streams, () => undefined);
    const socket = server.last();
    socket.open();
    expect(socket.sent).toHaveLength(1);
    vi.advanceTimersByTime(249);
    expect(socket.sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(socket.sent).toHaveLength(2);
  });
});

describe('status', () => {
  it("reports only the exchanges it was asked for, through drops and stop, so another worker's hub owns the rest", () => {
    hub.subscribe(binance, ['!markPrice@arr@1s'], () => undefined);
    const socket = server.last();
    socket.open();
    ackAllBinance(socket);
    pushBinance(socket, '!markPrice@arr@1s', [{ s: 'BTCUSDT' }]);
    vi.advanceTimersByTime(3000);
    socket.drop();
    vi.advanceTimersByTime(3000);
    hub.stop();
    expect(statuses.map((status) => status.exchange)).not.toContain('okx');
    expect(statuses.map((status) => status.state)).toEqual(expect.arrayContaining(['live', 'reconnecting', 'idle']));
  });

  it('reports a status once, not again each second while nothing in it changed', () => {
    hub.subscribe(binance, ['!markPrice@arr@1s'], () => undefined);
    const socket = server.last();
    socket.open();
    ackAllBinance(socket);
    pushBinance(socket, '!markPrice@arr@1s', [{ s: 'BTCUSDT' }]);
    vi.advanceTimersByTime(1000);
    const reported = statuses.length;
    vi.advanceTimersByTime(4000);
    expect(statuses).toHaveLength(reported);
    pushBinance(socket, '!markPrice@arr@1s', [{ s: 'BTCUSDT' }]);
    vi.advanceTimersByTime(1000);
    expect(statuses.at(-1)).toMatchObject({ state: 'live', lastMessageAt: Date.now() - 1000 });
    expect(statuses).toHaveLength(reported + 1);
  });
});

describe('reconnecting', () => {
  it('resubscribes everything after a dropped socket, with a jittered delay', () => {
    const listener = vi.fn();
    hub.subscribe(binance, ['!markPrice@arr@1s', '!miniTicker@arr'], listener);
    const first = server.last();
    first.open();
    ackAllBinance(first);
    pushBinance(first, '!markPrice@arr@1s', []);
    expect(latest('binance').state).toBe('live');

    first.drop();
    expect(latest('binance').state).toBe('reconnecting');
    expect(server.sockets).toHaveLength(1);
    vi.advanceTimersByTime(250); // random 0.5 of a 500 ms window
    expect(server.sockets).toHaveLength(2);
    const second = server.last();
    second.open();
    expect(second.sentJson()).toEqual([
      { method: 'SUBSCRIBE', params: ['!markPrice@arr@1s', '!miniTicker@arr'], id: expect.any(Number) },
    ]);
    pushBinance(second, '!markPrice@arr@1s', [{ s: 'ETHUSDT' }]);
    expect(listener).toHaveBeenLastCalledWith([{ s: 'ETHUSDT' }], '!markPrice@arr@1s', expect.any(Number), 0);
    expect(latest('binance')).toMatchObject({ state: 'live', reconnects: 1 });
  });

  it("tells the endpoint's reconnect listeners when a lost socket opens again, not at its first open", () => {
    const reconnects = vi.fn();
    const stopListening = hub.onReconnect(okx, reconnects);
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], () => undefined);
    const elsewhere = vi.fn();
    hub.onReconnect({ ...okx, id: 'okx business' }, elsewhere);
    server.last().open();
    pushOkx(server.last(), markPrice('BTC-USDT-SWAP'), [{ markPx: '1' }]);
    expect(reconnects).not.toHaveBeenCalled();

    server.last().drop();
    expect(reconnects).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    server.last().open();
    expect(reconnects).toHaveBeenCalledTimes(1);
    pushOkx(server.last(), markPrice('BTC-USDT-SWAP'), [{ markPx: '2' }]);
    expect(reconnects).toHaveBeenCalledTimes(1);
    expect(elsewhere).not.toHaveBeenCalled();

    stopListening();
    server.last().drop();
    vi.advanceTimersByTime(1000);
    server.last().open();
    expect(reconnects).toHaveBeenCalledTimes(1);
  });

  it('ignores frames a dropped socket still delivers after its successor opened', () => {
    const listener = vi.fn();
    hub.subscribe(binance, ['!markPrice@arr@1s'], listener);
    const first = server.last();
    first.open();
    ackAllBinance(first);
    first.drop();
    vi.advanceTimersByTime(1000);
    const second = server.last();
    second.open();
    ackAllBinance(second);
    pushBinance(first, '!markPrice@arr@1s', [{ s: 'LATE' }]);
    expect(listener).not.toHaveBeenCalled();
    pushBinance(second, '!markPrice@arr@1s', [{ s: 'ETHUSDT' }]);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('grows the delay while attempts fail and resets it only after a socket delivers data', () => {
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], () => undefined);
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const count = server.sockets.length;
      server.last().refuse();
      let waited = 0;
      while (server.sockets.length === count) {
        vi.advanceTimersByTime(10);
        waited += 10;
      }
      delays.push(waited);
    }
    expect(delays).toEqual([250, 500, 1000, 2000]); // within OKX's 3 connections a second, the gate holds none back
    server.last().open();
    vi.advanceTimersByTime(1000);
    server.last().drop();
    // Open but never delivered: the backoff keeps growing.
    vi.advanceTimersByTime(3999);
    expect(server.sockets).toHaveLength(5);
    vi.advanceTimersByTime(1);
    expect(server.sockets).toHaveLength(6);
    server.last().open();
    pushOkx(server.last(), markPrice('BTC-USDT-SWAP'), [{ markPx: '1' }]);
    vi.advanceTimersByTime(1000);
    server.last().drop();
    vi.advanceTimersByTime(249);
    expect(server.sockets).toHaveLength(6);
    vi.advanceTimersByTime(1);
    expect(server.sockets).toHaveLength(7);
  });

  it('shows an exchange down with the probed reason while the other stays live', async () => {
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], () => undefined);
    hub.subscribe(binance, ['!markPrice@arr@1s'], () => undefined);
    const okxSocket = server.sockets[0]!;
    okxSocket.open();
    pushOkx(okxSocket, markPrice('BTC-USDT-SWAP'), [{ markPx: '1' }]);
    probeStatus = 451;
    const binanceSockets = () => server.sockets.filter((socket) => socket.url.includes('/market'));
    for (let i = 0; i < 3; i++) {
      const count = binanceSockets().length;
      binanceSockets().at(-1)!.refuse();
      await vi.advanceTimersByTimeAsync(0);
      while (binanceSockets().length === count) {
        vi.advanceTimersByTime(100);
        pushOkx(okxSocket, markPrice('BTC-USDT-SWAP'), [{ markPx: '1' }]);
      }
    }
    await vi.advanceTimersByTimeAsync(0);
    expect(latest('binance')).toMatchObject({ state: 'down', reason: 'HTTP 451: unavailable from your region' });
    expect(latest('okx').state).toBe('live');
    expect(statuses.some((s) => s.exchange === 'binance' && s.state === 'down')).toBe(true);
  });
});

describe('heartbeats', () => {
  it('OKX: pings after 5 s of silence and keeps the socket when pong comes back', () => {
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], () => undefined);
    const socket = server.last();
    socket.open();
    pushOkx(socket, markPrice('BTC-USDT-SWAP'), [{ markPx: '1' }]);
    vi.advanceTimersByTime(4_000);
    expect(socket.sent).not.toContain('ping');
    vi.advanceTimersByTime(1000);
    expect(socket.sent).toContain('ping');
    socket.receive('pong');
    vi.advanceTimersByTime(6_000);
    expect(server.sockets).toHaveLength(1);
    expect(latest('okx').state).toBe('live');
  });

  it('OKX: reconnects when the ping goes unanswered', () => {
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], () => undefined);
    const socket = server.last();
    socket.open();
    pushOkx(socket, markPrice('BTC-USDT-SWAP'), [{ markPx: '1' }]);
    vi.advanceTimersByTime(5_000);
    expect(socket.sent.filter((text) => text === 'ping')).toHaveLength(1);
    vi.advanceTimersByTime(5000);
    expect(socket.closedByClient?.reason).toBe('no answer to heartbeat');
    expect(latest('okx')).toMatchObject({ state: 'reconnecting', reason: 'no answer to heartbeat' });
    vi.advanceTimersByTime(1000);
    expect(server.sockets).toHaveLength(2);
  });

  it('Binance: probes a silent socket with LIST_SUBSCRIPTIONS, since browsers hide ping frames', () => {
    hub.subscribe(binance, ['!markPrice@arr@1s'], () => undefined);
    const socket = server.last();
    socket.open();
    ackAllBinance(socket);
    pushBinance(socket, '!markPrice@arr@1s', []);
    vi.advanceTimersByTime(5000);
    const probe = socket.sentJson().find((frame) => frame.method === 'LIST_SUBSCRIPTIONS');
    expect(probe).toBeDefined();
    socket.receive({ result: ['!markPrice@arr@1s'], id: probe!.id });
    vi.advanceTimersByTime(4000);
    expect(server.sockets).toHaveLength(1);
  });

  it('treats an open socket that never delivers data as dead (the silent legacy-path trap)', () => {
    hub.subscribe(binance, ['!markPrice@arr@1s'], () => undefined);
    const socket = server.last();
    socket.open();
    for (let t = 0; t < 15; t++) {
      vi.advanceTimersByTime(1000);
      const probe = socket.sentJson().find((frame) => frame.method === 'LIST_SUBSCRIPTIONS' && !('answered' in frame));
      if (probe) socket.receive({ result: [], id: probe.id });
    }
    expect(latest('binance').reason).toBe('connected, but no market data arrived');
  });
});

describe('moving to a fresh socket', () => {
  it('OKX 64008: opens a new socket, moves the subscriptions, closes the old once the new delivers', () => {
    const listener = vi.fn();
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP'), markPrice('ETH-USDT-SWAP')], listener);
    const old = server.last();
    old.open();
    pushOkx(old, markPrice('BTC-USDT-SWAP'), [{ markPx: '1' }]);
    old.receive({ event: 'notice', code: '64008', msg: 'The connection will soon be closed for a service upgrade.', connId: 'a' });
    vi.advanceTimersByTime(500);
    expect(server.sockets).toHaveLength(2);
    const fresh = server.last();
    fresh.open();
    expect(fresh.sentJson()[0]).toMatchObject({
      op: 'subscribe',
      args: [markPrice('BTC-USDT-SWAP'), markPrice('ETH-USDT-SWAP')],
    });
    pushOkx(old, markPrice('ETH-USDT-SWAP'), [{ markPx: '2' }]);
    expect(old.closedByClient).toBeNull();
    pushOkx(fresh, markPrice('BTC-USDT-SWAP'), [{ markPx: '3' }]);
    expect(old.closedByClient).not.toBeNull();
    expect(listener.mock.calls.map((call) => (call[0] as Array<{ markPx: string }>)[0]!.markPx)).toEqual(['1', '2', '3']);
    expect(latest('okx')).toMatchObject({ state: 'live', openSockets: 1 });
  });

  it('OKX 64008, announced 60 s ahead: the old socket serves the whole window while the new one is slow to connect', () => {
    const listener = vi.fn();
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], listener);
    const old = server.last();
    old.open();
    pushOkx(old, markPrice('BTC-USDT-SWAP'), [{ markPx: '1' }]);
    old.receive({ event: 'notice', code: '64008', msg: 'The connection will soon be closed for a service upgrade.', connId: 'a' });
    vi.advanceTimersByTime(500);
    const fresh = server.last();
    expect(fresh).not.toBe(old);
    // The fresh socket's handshake hangs; the old one keeps delivering, as OKX does until its close.
    for (let second = 10; second <= 50; second += 10) {
      vi.advanceTimersByTime(5_000);
      old.receive('pong');
      vi.advanceTimersByTime(5_000);
      pushOkx(old, markPrice('BTC-USDT-SWAP'), [{ markPx: String(second) }]);
    }
    const successor = server.last();
    successor.open();
    pushOkx(successor, markPrice('BTC-USDT-SWAP'), [{ markPx: '55' }]);
    expect(old.closedByClient).not.toBeNull();
    old.drop(1001, 'Service upgrade');
    vi.advanceTimersByTime(4_000);
    expect(listener.mock.calls.map((call) => (call[0] as Array<{ markPx: string }>)[0]!.markPx)).toEqual(['1', '10', '20', '30', '40', '50', '55']);
    expect(latest('okx')).toMatchObject({ state: 'live', openSockets: 1, wantedSockets: 1 });
  });

  it('Binance: moves to a fresh socket before the 24 h cut without a gap', () => {
    const listener = vi.fn();
    hub.subscribe(binance, ['!markPrice@arr@1s'], listener);
    const old = server.last();
    old.open();
    const keepAlive = () => pushBinance(old, '!markPrice@arr@1s', []);
    for (let hour = 0; hour < 21; hour++) {
      for (let s = 0; s < 3600; s += 4) {
        vi.advanceTimersByTime(4000);
        keepAlive();
      }
    }
    expect(server.sockets).toHaveLength(1);
    for (let s = 0; s < 3 * 3600 && server.sockets.length === 1; s += 4) {
      vi.advanceTimersByTime(4000);
      keepAlive();
    }
    expect(server.sockets).toHaveLength(2);
    const fresh = server.last();
    fresh.open();
    pushBinance(fresh, '!markPrice@arr@1s', [{ s: 'BTCUSDT' }]);
    expect(old.closedByClient).not.toBeNull();
    expect(listener).toHaveBeenLastCalledWith([{ s: 'BTCUSDT' }], '!markPrice@arr@1s', expect.any(Number), 0);
  });
});

describe('errors and noise', () => {
  it('surfaces a refused subscription once and does not retry it on reconnect', () => {
    const onError = vi.fn();
    hub.subscribe(okx, [markPrice('NOPE-USDT-SWAP')], () => undefined, onError);
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], () => undefined);
    const socket = server.last();
    socket.open();
    vi.advanceTimersByTime(500);
    const [first] = socket.sentJson();
    socket.receive({
      id: first!.id,
      event: 'error',
      code: '60018',
      msg: "Wrong URL or channel:mark-price,instId:NOPE-USDT-SWAP doesn't exist.",
      connId: 'c',
    });
    socket.receive({ id: first!.id, event: 'subscribe', arg: markPrice('BTC-USDT-SWAP'), connId: 'c' });
    expect(onError).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2000);
    expect(onError).toHaveBeenCalledWith(
      'mark-price|NOPE-USDT-SWAP||',
      "60018: Wrong URL or channel:mark-price,instId:NOPE-USDT-SWAP doesn't exist.",
    );
    expect(latest('okx').subscriptionErrors).toBe(1);
    pushOkx(socket, markPrice('BTC-USDT-SWAP'), [{ markPx: '1' }]);
    socket.drop();
    vi.advanceTimersByTime(1000);
    const again = server.last();
    again.open();
    const resubscribed = again.sentJson().flatMap((frame) => frame.args as OkxArg[]);
    expect(resubscribed).toEqual([markPrice('BTC-USDT-SWAP')]);
  });

  it('drops and counts malformed and unknown frames; a throwing listener does not break the socket', () => {
    const good = vi.fn();
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], () => {
      throw new Error('boom');
    });
    hub.subscribe(okx, [markPrice('ETH-USDT-SWAP')], good);
    const socket = server.last();
    socket.open();
    socket.receive('{"arg":{"channel":"mark-pri');
    socket.receive({ event: 'something-new', connId: 'x' });
    pushOkx(socket, markPrice('BTC-USDT-SWAP'), [{ markPx: '1' }]);
    pushOkx(socket, markPrice('ETH-USDT-SWAP'), [{ markPx: '2' }]);
    expect(good).toHaveBeenCalledTimes(1);
    expect(latest('okx')).toMatchObject({ state: 'live', droppedMessages: 3 });
  });

  it('routes acks and server errors to the layer, never to listeners', () => {
    const listener = vi.fn();
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], listener);
    const socket = server.last();
    socket.open();
    socket.receive({ id: '1', event: 'subscribe', arg: markPrice('BTC-USDT-SWAP'), connId: 'c' });
    socket.receive({ event: 'error', code: '60018', msg: 'whatever', connId: 'c' });
    expect(listener).not.toHaveBeenCalled();
    expect(latest('okx').droppedMessages).toBe(1);
  });
});

describe('snapshot pushes read later', () => {
  let reads: (() => void)[];
  let later: ConnectionHub;

  beforeEach(() => {
    reads = [];
    later = createConnectionHub({ sockets: server.factory, random: () => 0.5, readSnapshotsLater: (read) => reads.push(read) });
  });
  afterEach(() => later.stop());

  const readAll = (): void => reads.splice(0).forEach((read) => read());
  const markPush = (instId: string, markPx: string) => ({ arg: markPrice(instId), data: [{ instId, markPx, ts: '1' }] });

  it("decodes only a topic's newest push per read and says how many it replaced", () => {
    const listener = vi.fn();
    later.subscribe(okx, [markPrice('BTC-USDT-SWAP'), markPrice('ETH-USDT-SWAP')], listener);
    const socket = server.last();
    socket.open();
    socket.receive(markPush('BTC-USDT-SWAP', '100'));
    socket.receive(markPush('ETH-USDT-SWAP', '10'));
    socket.receive(markPush('BTC-USDT-SWAP', '101'));
    socket.receive(markPush('BTC-USDT-SWAP', '102'));
    expect(listener).not.toHaveBeenCalled();
    expect(reads).toHaveLength(1);

    readAll();
    expect(listener.mock.calls.map(([payload, , , coalesced]) => [payload, coalesced])).toEqual([
      [markPush('BTC-USDT-SWAP', '102').data, 2],
      [markPush('ETH-USDT-SWAP', '10').data, 0],
    ]);
    expect(later.status('okx').state).toBe('live');

    socket.receive(markPush('BTC-USDT-SWAP', '103'));
    expect(reads).toHaveLength(1);
    readAll();
    expect(listener).toHaveBeenLastCalledWith(markPush('BTC-USDT-SWAP', '103').data, 'mark-price|BTC-USDT-SWAP||', expect.any(Number), 0);
  });

  it('reads at once when pushes pile up because the read is late', () => {
    const listener = vi.fn();
    later.subscribe(okx, [markPrice('BTC-USDT-SWAP')], listener);
    const socket = server.last();
    socket.open();
    for (let push = 1; push < 10_000; push++) socket.receive(markPush('BTC-USDT-SWAP', String(push)));
    expect(listener).not.toHaveBeenCalled();

    socket.receive(markPush('BTC-USDT-SWAP', '10000'));
    expect(listener).toHaveBeenCalledExactlyOnceWith(markPush('BTC-USDT-SWAP', '10000').data, 'mark-price|BTC-USDT-SWAP||', expect.any(Number), 9_999);
    readAll();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("drops a replaced socket's waiting pushes once its successor delivers", () => {
    const listener = vi.fn();
    later.subscribe(okx, [markPrice('BTC-USDT-SWAP')], listener);
    const old = server.last();
    old.open();
    old.receive(markPush('BTC-USDT-SWAP', '1'));
    readAll();
    old.receive({ event: 'notice', code: '64008', msg: 'The connection will soon be closed for a service upgrade.', connId: 'a' });
    vi.advanceTimersByTime(500);
    const fresh = server.last();
    expect(fresh).not.toBe(old);
    fresh.open();
    fresh.receive(markPush('BTC-USDT-SWAP', '3'));
    old.receive(markPush('BTC-USDT-SWAP', '2'));

    readAll();
    expect(old.closedByClient).not.toBeNull();
    expect(listener.mock.calls.map(([payload]) => (payload as Array<{ markPx: string }>)[0]!.markPx)).toEqual(['1', '3']);
  });

  it('reads every other frame on arrival', () => {
    const listener = vi.fn();
    later.subscribe(okx, [{ channel: 'instruments', instType: 'SWAP' }], listener);
    const socket = server.last();
    socket.open();
    socket.receive({ arg: { channel: 'instruments', instType: 'SWAP' }, data: [] });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(reads).toHaveLength(0);
  });

  it('reads what waits when its socket fails, before reconnecting, and delivers nothing once unsubscribed', () => {
    const listener = vi.fn();
    const stop = later.subscribe(okx, [markPrice('BTC-USDT-SWAP')], listener);
    const socket = server.last();
    socket.open();
    socket.receive(markPush('BTC-USDT-SWAP', '100'));
    socket.drop();
    expect(listener).toHaveBeenCalledWith(markPush('BTC-USDT-SWAP', '100').data, 'mark-price|BTC-USDT-SWAP||', expect.any(Number), 0);

    vi.advanceTimersByTime(5_000);
    const next = server.last();
    expect(next).not.toBe(socket);
    next.open();
    next.receive(markPush('BTC-USDT-SWAP', '101'));
    stop();
    vi.advanceTimersByTime(10_000);
    readAll();
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('Binance refusals', () => {
  /** The nested shape the live host answers an invalid stream with. */
  const invalidStream = (id: unknown) => ({ error: { code: 2, msg: 'Invalid request: invalid stream' }, id });
  const subscribes = (socket: ScriptedSocket) => socket.sentJson().filter((frame) => frame.method === 'SUBSCRIBE');

  it('finds the refused stream of a refused request by asking again in halves, and subscribes the rest', () => {
    const onError = vi.fn();
    const streams = ['!markPrice@arr@1s', '!miniTicker@arr', 'btcusdt@markPrice@1s', 'ethusdt@markPrice@1s'];
    hub.subscribe(binance, streams, () => undefined, onError);
    const socket = server.last();
    socket.open();
    // The fake venue: a request naming the bad stream subscribes nothing; any other is acked.
    const answered = new Set<unknown>();
    const answer = () => {
      for (const frame of subscribes(socket)) {
        if (answered.has(frame.id)) continue;
        answered.add(frame.id);
        socket.receive((frame.params as string[]).includes('!miniTicker@arr') ? invalidStream(frame.id) : { result: null, id: frame.id });
      }
    };
    for (let i = 0; i < 6; i++) {
      answer();
      vi.advanceTimersByTime(250);
    }
    expect(subscribes(socket).map((frame) => frame.params)).toEqual([
      streams,
      ['!markPrice@arr@1s', '!miniTicker@arr'],
      ['btcusdt@markPrice@1s', 'ethusdt@markPrice@1s'],
      ['!markPrice@arr@1s'],
      ['!miniTicker@arr'],
    ]);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith('!miniTicker@arr', '2: Invalid request: invalid stream');
    expect(latest('binance')).toMatchObject({
      subscriptionErrors: 1,
      droppedMessages: 0,
      refusal: { topics: ['!miniTicker@arr'], message: '2: Invalid request: invalid stream' },
    });
  });

  it('accepts the flat error of the docs alike', () => {
    hub.subscribe(binance, ['!miniTicker@arr'], () => undefined);
    const socket = server.last();
    socket.open();
    socket.receive({ code: 2, msg: 'Invalid request: invalid stream', id: subscribes(socket)[0]!.id });
    expect(latest('binance').refusal).toEqual({ topics: ['!miniTicker@arr'], message: '2: Invalid request: invalid stream' });
  });

  it('keeps a refusal in the status until nobody wants the stream', () => {
    hub.subscribe(binance, ['!markPrice@arr@1s'], () => undefined);
    const release = hub.subscribe(binance, ['!miniTicker@arr'], () => undefined);
    const socket = server.last();
    socket.open();
    const [request] = subscribes(socket);
    expect(request!.params).toEqual(['!markPrice@arr@1s', '!miniTicker@arr']);
    socket.receive(invalidStream(request!.id));
    vi.advanceTimersByTime(500);
    const [marks, tickers] = subscribes(socket).slice(1);
    socket.receive({ result: null, id: marks!.id });
    socket.receive(invalidStream(tickers!.id));
    pushBinance(socket, '!markPrice@arr@1s', [{ s: 'BTCUSDT' }]);
    expect(latest('binance')).toMatchObject({ state: 'live', refusal: { topics: ['!miniTicker@arr'] } });
    release();
    expect(latest('binance').refusal).toBeNull();
  });

  it('shows every stream of a socket dropped past the cap as refused until its data flows again after the reconnect', () => {
    hub.subscribe(binance, ['!markPrice@arr@1s', '!miniTicker@arr'], () => undefined);
    const socket = server.last();
    socket.open();
    ackAllBinance(socket);
    socket.receive('{"error":{"code":4,"msg":"Too many subscriptions"}}');
    expect(latest('binance')).toMatchObject({
      subscriptionErrors: 2,
      droppedMessages: 0,
      refusal: { topics: ['!markPrice@arr@1s', '!miniTicker@arr'], message: '4: Too many subscriptions' },
    });
    socket.drop(1008, 'Too many subscriptions');
    vi.advanceTimersByTime(2000);
    const again = server.last();
    expect(again).not.toBe(socket);
    again.open();
    expect(subscribes(again)[0]!.params).toEqual(['!markPrice@arr@1s', '!miniTicker@arr']);
    pushBinance(again, '!markPrice@arr@1s', [{ s: 'BTCUSDT' }]);
    pushBinance(again, '!miniTicker@arr', [{ s: 'BTCUSDT' }]);
    expect(latest('binance').refusal).toBeNull();
  });

  it('never has more streams on one socket than its limit, far below the 1,024 past which Binance drops them all', () => {
    const BINANCE_STREAM_CAP = 1024;
    const limit = binanceProtocol.maxTopicsPerSocket;
    expect(limit).toBeLessThanOrEqual(BINANCE_STREAM_CAP);
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const releases: Array<() => void> = [];
    const opened = new Set<ScriptedSocket>();
    const perSocket = (socket: ScriptedSocket): number => {
      const streams = new Set<string>();
      for (const frame of socket.sentJson()) {
        const params = (frame.params as string[] | undefined) ?? [];
        for (const name of params) frame.method === 'SUBSCRIBE' ? streams.add(name) : streams.delete(name);
      }
      return streams.size;
    };
    for (let round = 0; round < 40; round++) {
      const count = 1 + Math.floor(random() * 300);
      const streams = Array.from({ length: count }, () => `s${Math.floor(random() * 3000)}usdt@markPrice@1s`);
      releases.push(hub.subscribe(binance, streams, () => undefined));
      if (random() < 0.4 && releases.length > 0) releases.splice(Math.floor(random() * releases.length), 1)[0]!();
      if (random() < 0.1) server.sockets.at(Math.floor(random() * server.sockets.length))?.drop();
      vi.advanceTimersByTime(1000 + Math.floor(random() * 2000));
      for (const socket of server.sockets) {
        if (!opened.has(socket) && socket.closedByClient === null) {
          opened.add(socket);
          socket.open();
        }
        ackAllBinance(socket);
      }
      vi.advanceTimersByTime(30_000);
      for (const socket of server.sockets) expect(perSocket(socket)).toBeLessThanOrEqual(limit);
    }
    expect(server.sockets.length).toBeGreaterThan(5);
  });
});
