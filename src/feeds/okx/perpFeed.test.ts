import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectionHub, type Endpoint } from '../../connection/connectionHub';
import { realScheduler } from '../../connection/scheduler';
import { ScriptedServer } from '../../connection/testing/scriptedSockets';
import type { PerpEvent } from '../../domain/perpEvents';
import type { PerpIngest } from '../../store/perpIngest';
import type { SourceStatus } from '../../store/sourceStatusStore';
import { startOkxPerpFeed } from './perpFeed';
import { okxProtocol, type OkxArg } from './protocol';

const endpoint: Endpoint<OkxArg> = { id: 'okx', exchange: 'okx', url: 'wss://fake/ws/v5/public', protocol: okxProtocol };

const swap = (coin: string) => ({ instType: 'SWAP', instId: `${coin}-USDT-SWAP`, uly: `${coin}-USDT`, instFamily: `${coin}-USDT`, state: 'live' });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const REST = 'https://fake-rest';
const TICKERS_URL = `${REST}/api/v5/market/tickers?instType=SWAP`;

/** An item of `GET /api/v5/market/tickers`, shaped as the response example in OKX's v5 docs. */
const restTicker = (instId: string, last: string) => ({
  instType: 'SWAP',
  instId,
  last,
  lastSz: '1',
  askPx: last,
  askSz: '11',
  bidPx: last,
  bidSz: '5',
  open24h: '9000',
  high24h: '10000',
  low24h: '8888.88',
  volCcy24h: '2222',
  vol24h: '2222',
  sodUtc0: '0.1',
  sodUtc8: '0.1',
  ts: '1597026383085',
});

function startFeed(fetchImpl: typeof fetch = globalThis.fetch) {
  const server = new ScriptedServer();
  const hub = createConnectionHub({ sockets: server.factory, scheduler: realScheduler, random: () => 0.5 });
  const pushed: PerpEvent[] = [];
  const sources: SourceStatus[] = [];
  const ingest: PerpIngest = { push: (events) => pushed.push(...events), reject: () => undefined, flushNow: () => undefined };
  const deps = { hub, ingest, fetch: fetchImpl, scheduler: realScheduler, random: () => 0.5, reportSource: (status: SourceStatus) => sources.push(status) };
  const stop = startOkxPerpFeed(deps, endpoint, REST);
  const socket = server.last();
  socket.open();
  return { server, socket, pushed, sources, stop: () => (stop(), hub.stop()) };
}

const answer = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status }));

describe('OKX perpetual feed', () => {
  it("asks for every swap's mark price and funding rate before any index, so rows go live after the first requests", async () => {
    const fetchImpl = vi.fn(() => answer({ code: '0', msg: '', data: [] }));
    const { server, socket, pushed, stop } = startFeed(fetchImpl);
    const coins = Array.from({ length: 400 }, (_, index) => `C${index}`);
    socket.receive({ arg: { channel: 'instruments', instType: 'SWAP' }, data: coins.map(swap) });
    await vi.advanceTimersByTimeAsync(2_000);
    // 1,200 arguments: past the 1,000 a socket carries, so a second socket takes the rest.
    expect(server.sockets).toHaveLength(2);
    server.sockets[1]!.open();
    await vi.advanceTimersByTimeAsync(2_000);

    const requested = server.sockets
      .flatMap((each) => each.sentJson())
      .filter((frame) => frame.op === 'subscribe')
      .flatMap((frame) => frame.args as OkxArg[])
      .filter((arg) => arg.channel !== 'instruments');
    const channels = requested.map((arg) => arg.channel);
    const lastLive = Math.max(channels.lastIndexOf('mark-price'), channels.lastIndexOf('funding-rate'));
    expect(lastLive).toBe(2 * coins.length - 1);
    expect(channels.slice(2 * coins.length).every((channel) => channel === 'index-tickers')).toBe(true);
    expect(new Set(requested.map((arg) => `${arg.channel} ${arg.instId}`)).size).toBe(3 * coins.length);
    expect(pushed.filter((event) => event.kind === 'instrument')).toHaveLength(coins.length);
    stop();
  });

  it("polls every swap's 24 h ticker over REST once the list is known, instead of a ticker channel per swap", async () => {
    const fetchImpl = vi.fn((url: RequestInfo | URL) =>
      String(url) === TICKERS_URL
        ? answer({ code: '0', msg: '', data: [restTicker('BTC-USDT-SWAP', '9999.99'), restTicker('NEW-USDT-SWAP', '1.5')] })
        : answer({}, 404),
    );
    const { socket, pushed, stop } = startFeed(fetchImpl);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetchImpl).not.toHaveBeenCalled();

    // NEW-USDT-SWAP is listed but not trading yet: its ticker must not become a row.
    socket.receive({ arg: { channel: 'instruments', instType: 'SWAP' }, data: [swap('BTC'), { ...swap('NEW'), state: 'preopen' }] });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const tickers = () => pushed.filter((event) => event.kind === 'ticker');
    expect(tickers()).toEqual([
      { kind: 'ticker', exchange: 'okx', symbol: 'BTC-USDT-SWAP', time: 1597026383085, last: 9999.99, open24h: 9000, quoteVolume24h: 2222 * 9999.99 },
    ]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    expect(tickers()).toHaveLength(2);

    const requested = socket.sentJson().flatMap((frame) => (frame.args ?? []) as OkxArg[]);
    expect(requested.some((arg) => arg.channel === 'tickers')).toBe(false);
    stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
  });

  it('says when the ticker poll fails, and why, and keeps retrying', async () => {
    const fetchImpl = vi.fn(() => answer({ code: '50011', msg: 'Too Many Requests', data: [] }, 429));
    const { socket, sources, pushed, stop } = startFeed(fetchImpl);
    socket.receive({ arg: { channel: 'instruments', instType: 'SWAP' }, data: [swap('BTC')] });
    await vi.advanceTimersByTimeAsync(0);
    expect(sources.at(-1)).toMatchObject({ id: 'okx:tickers', exchange: 'okx', state: 'failed', detail: 'HTTP 429' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchImpl.mock.calls.length).toBeGreaterThan(2);
    expect(pushed.some((event) => event.kind === 'ticker')).toBe(false);
    stop();
  });
});
