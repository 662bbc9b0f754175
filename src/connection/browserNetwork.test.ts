import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { binanceProtocol } from '../feeds/binance/binanceProtocol';
import { okxProtocol, type OkxArg } from '../feeds/okx/okxProtocol';
import { createConnectionHub, type ConnectionHub, type Endpoint } from './connectionHub';
import { ScriptedServer } from './testing/scriptedSockets';

const binance: Endpoint<string> = { id: 'binance', exchange: 'binance', url: 'wss://fake/market', protocol: binanceProtocol };
const okx: Endpoint<OkxArg> = { id: 'okx', exchange: 'okx', url: 'wss://fake/ws/v5/public', protocol: okxProtocol };
const markPrice: OkxArg = { channel: 'mark-price', instId: 'BTC-USDT-SWAP' };

let server: ScriptedServer;
let hub: ConnectionHub;

beforeEach(() => {
  vi.useFakeTimers();
  server = new ScriptedServer();
  hub = createConnectionHub({ sockets: server.factory, random: () => 1, fetch: (async () => new Response('{}')) as typeof fetch });
});

afterEach(() => {
  hub.stop();
  vi.useRealTimers();
});

function liveOkx() {
  hub.subscribe(okx, [markPrice], () => undefined);
  const socket = server.last();
  socket.open();
  socket.receive({ arg: markPrice, data: [{ markPx: '1' }] });
  return socket;
}

describe('the browser offline, then online', () => {
  it('closes every socket when offline, says so, and schedules no retry however long it lasts', () => {
    const socket = liveOkx();
    hub.setOnline(false);
    expect(socket.closedByClient?.reason).toBe('browser offline');
    expect(hub.status('okx')).toMatchObject({ state: 'offline', reason: 'browser offline', reconnects: 1 });
    vi.advanceTimersByTime(10 * 60_000);
    expect(server.sockets).toHaveLength(1);
    expect(hub.status('okx')).toMatchObject({ state: 'offline', reconnects: 1 });
  });

  it('reconnects at once when online, with the backoff grown by earlier failures reset', () => {
    liveOkx();
    for (let i = 0; i < 6; i++) {
      server.last().drop();
      vi.advanceTimersByTime(60_000);
    }
    server.last().refuse();
    const count = server.sockets.length;
    hub.setOnline(false);
    hub.setOnline(true);
    expect(server.sockets).toHaveLength(count + 1);
    server.last().open();
    server.last().receive({ arg: markPrice, data: [{ markPx: '1' }] });
    expect(hub.status('okx').state).toBe('live');
  });

  it('cuts short a retry already waiting when the browser says online', () => {
    liveOkx();
    server.last().drop();
    const count = server.sockets.length;
    hub.setOnline(true);
    expect(server.sockets).toHaveLength(count + 1);
  });

  it('leaves a live socket alone when online is said again', () => {
    const socket = liveOkx();
    hub.setOnline(true);
    expect(socket.closedByClient).toBeNull();
    expect(server.sockets).toHaveLength(1);
  });

  it('reopens every exchange, within its connection rate', () => {
    liveOkx();
    hub.subscribe(binance, ['!markPrice@arr@1s'], () => undefined);
    server.last().open();
    hub.setOnline(false);
    expect(hub.status('binance').state).toBe('offline');
    const count = server.sockets.length;
    hub.setOnline(true);
    vi.advanceTimersByTime(250);
    expect(server.sockets.slice(count).map((socket) => socket.url).sort()).toEqual(['wss://fake/market/stream', 'wss://fake/ws/v5/public']);
  });
});

describe('a socket open but silent', () => {
  it('shows stalled 2 s into an unanswered ping, back to live on any frame', () => {
    const socket = liveOkx();
    vi.advanceTimersByTime(5000);
    expect(socket.sent).toContain('ping');
    vi.advanceTimersByTime(1000);
    expect(hub.status('okx').state).toBe('live');
    vi.advanceTimersByTime(1000);
    expect(hub.status('okx').state).toBe('stalled');
    socket.receive('pong');
    expect(hub.status('okx').state).toBe('live');
  });

  it('is replaced once the ping goes unanswered, within 11 s of its last frame', () => {
    const socket = liveOkx();
    vi.advanceTimersByTime(10_000);
    expect(socket.closedByClient?.reason).toBe('no answer to heartbeat');
    expect(hub.status('okx')).toMatchObject({ state: 'reconnecting', reason: 'no answer to heartbeat' });
  });
});
