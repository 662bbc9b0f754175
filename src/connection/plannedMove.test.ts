import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExchangeLinkStatus, LinkState } from '../domain/connectionState';
import { binanceProtocol } from '../feeds/binance/binanceProtocol';
import { okxProtocol, type OkxArg } from '../feeds/okx/okxProtocol';
import { createConnectionHub, type ConnectionHub, type Endpoint } from './connectionHub';
import { ScriptedServer, type ScriptedSocket } from './testing/scriptedSockets';

const binance: Endpoint<string> = { id: 'binance', exchange: 'binance', url: 'wss://fake/market', protocol: binanceProtocol };
const okx: Endpoint<OkxArg> = { id: 'okx', exchange: 'okx', url: 'wss://fake/ws/v5/public', protocol: okxProtocol };
const markPrice = (instId: string): OkxArg => ({ channel: 'mark-price', instId });
const NOTICE = { event: 'notice', code: '64008', msg: 'The connection will soon be closed for a service upgrade. Please reconnect.', connId: 'a' };

let server: ScriptedServer;
let hub: ConnectionHub;
let statuses: ExchangeLinkStatus[];

const statesOf = (exchange: 'binance' | 'okx'): LinkState[] =>
  statuses.filter((status) => status.exchange === exchange).map((status) => status.state).filter((state, i, all) => state !== all[i - 1]);

function pushOkx(socket: ScriptedSocket, instId: string, markPx: string): void {
  socket.receive({ arg: markPrice(instId), data: [{ instId, markPx, ts: '1' }] });
}

beforeEach(() => {
  vi.useFakeTimers();
  server = new ScriptedServer();
  statuses = [];
  hub = createConnectionHub({ sockets: server.factory, random: () => 0.5, onStatus: (status) => statuses.push(status) });
});

afterEach(() => {
  hub.stop();
  vi.useRealTimers();
});

describe('a first connect', () => {
  it('reads connecting through the handshake and the subscribe, until data flows', () => {
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], () => undefined);
    const socket = server.last();
    socket.open();
    vi.advanceTimersByTime(500);
    expect(hub.status('okx').state).toBe('connecting');
    pushOkx(socket, 'BTC-USDT-SWAP', '1');
    expect(statesOf('okx')).toEqual(['connecting', 'live']);
  });

  it('reads reconnecting once a socket that delivered is lost', () => {
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], () => undefined);
    const socket = server.last();
    socket.open();
    pushOkx(socket, 'BTC-USDT-SWAP', '1');
    socket.drop();
    vi.advanceTimersByTime(5000);
    server.last().open();
    expect(hub.status('okx').state).toBe('reconnecting');
    pushOkx(server.last(), 'BTC-USDT-SWAP', '2');
    expect(statesOf('okx')).toEqual(['connecting', 'live', 'reconnecting', 'live']);
  });
});

describe('a planned move', () => {
  it('OKX 64008: stays live while the successor connects and subscribes, and hands over on its first data', () => {
    const marks: string[] = [];
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], (payload) => marks.push((payload as Array<{ markPx: string }>)[0]!.markPx));
    const old = server.last();
    old.open();
    pushOkx(old, 'BTC-USDT-SWAP', '1');
    old.receive(NOTICE);
    vi.advanceTimersByTime(500);
    const successor = server.last();
    expect(successor).not.toBe(old);
    expect(hub.status('okx')).toMatchObject({ state: 'live', openSockets: 1, wantedSockets: 1 });
    successor.open();
    vi.advanceTimersByTime(500);
    pushOkx(old, 'BTC-USDT-SWAP', '2');
    expect(hub.status('okx')).toMatchObject({ state: 'live', openSockets: 1, wantedSockets: 1 });
    pushOkx(successor, 'BTC-USDT-SWAP', '3');
    expect(old.closedByClient).not.toBeNull();
    pushOkx(old, 'BTC-USDT-SWAP', '2');
    expect(marks).toEqual(['1', '2', '3']);
    expect(statesOf('okx')).toEqual(['connecting', 'live']);
    expect(hub.status('okx')).toMatchObject({ state: 'live', openSockets: 1, wantedSockets: 1, reconnects: 0 });
  });

  it('Binance: stays live through the move before the 24 h cut', () => {
    hub.subscribe(binance, ['!markPrice@arr@1s'], () => undefined);
    const old = server.last();
    old.open();
    // A push every 6 s answers each LIST_SUBSCRIPTIONS probe (sent after 5 s of silence) before the socket counts as stalled.
    for (let s = 0; server.sockets.length === 1 && s < 24 * 3600; s += 6) {
      vi.advanceTimersByTime(6000);
      old.receive({ stream: '!markPrice@arr@1s', data: [] });
    }
    const successor = server.last();
    expect(successor).not.toBe(old);
    successor.open();
    vi.advanceTimersByTime(500);
    expect(hub.status('binance').state).toBe('live');
    successor.receive({ stream: '!markPrice@arr@1s', data: [] });
    expect(old.closedByClient).not.toBeNull();
    expect(statesOf('binance')).toEqual(['connecting', 'live']);
  });

  it('says reconnecting when the old socket is cut before its successor delivers', () => {
    hub.subscribe(okx, [markPrice('BTC-USDT-SWAP')], () => undefined);
    const old = server.last();
    old.open();
    pushOkx(old, 'BTC-USDT-SWAP', '1');
    old.receive(NOTICE);
    vi.advanceTimersByTime(500);
    const successor = server.last();
    old.drop(1001, 'Service upgrade');
    expect(hub.status('okx').state).toBe('reconnecting');
    successor.open();
    pushOkx(successor, 'BTC-USDT-SWAP', '2');
    // Pushes keep coming, so the successor never waits on an unanswered ping.
    for (const mark of ['3', '4']) {
      vi.advanceTimersByTime(4000);
      pushOkx(successor, 'BTC-USDT-SWAP', mark);
    }
    vi.advanceTimersByTime(2000);
    expect(hub.status('okx')).toMatchObject({ state: 'live', openSockets: 1, wantedSockets: 1 });
    expect(server.sockets).toHaveLength(2);
  });

  it("opens the successors of many noticed sockets within OKX's 3 new connections a second", () => {
    hub.subscribe(okx, Array.from({ length: 4000 }, (_, i) => markPrice(`C${i}-USDT-SWAP`)), () => undefined);
    vi.advanceTimersByTime(2000);
    const first = [...server.sockets];
    expect(first).toHaveLength(4);
    first.forEach((socket, i) => {
      socket.open();
      pushOkx(socket, `C${i * 1000}-USDT-SWAP`, '1');
    });
    vi.advanceTimersByTime(2000);
    first.forEach((socket) => socket.receive(NOTICE));
    const opened: number[] = [];
    for (let ms = 0; ms < 3000; ms += 10) {
      vi.advanceTimersByTime(10);
      while (opened.length < server.sockets.length - first.length) opened.push(ms);
    }
    expect(opened).toHaveLength(4);
    expect(opened[3]! - opened[0]!).toBeGreaterThanOrEqual(1000);
    expect(hub.status('okx')).toMatchObject({ state: 'live', openSockets: 4, wantedSockets: 4 });
  });
});
