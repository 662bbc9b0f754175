import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectionHub, type Endpoint } from '../../connection/connectionHub';
import { realScheduler } from '../../connection/scheduler';
import { ScriptedServer } from '../../connection/testing/scriptedSockets';
import type { PerpEvent } from '../../domain/perpEvents';
import type { PerpFeedDeps } from '../perpFeedDeps';
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

function startFeed(fetchImpl: typeof fetch = globalThis.fetch, onRejected: (count: number) => void = () => undefined) {
  const server = new ScriptedServer();
  const hub = createConnectionHub({ sockets: server.factory, scheduler: realScheduler, random: () => 0.5 });
  const pushed: PerpEvent[] = [];
  const sources: SourceStatus[] = [];
  const ingest: PerpFeedDeps['ingest'] = {
    push: (events) => pushed.push(...events),
    reject: (_exchange, count) => onRejected(count),
    countCoalesced: () => undefined,
    rowCanWait: () => false,
    everyRowCanWait: () => false,
  };
  const deps = { hub, ingest, fetch: fetchImpl, scheduler: realScheduler, random: () => 0.5, reportSource: (status: SourceStatus) => sources.push(status) };
  const stop = startOkxPerpFeed(deps, endpoint, REST);
  const socket = server.last();
  socket.open();
  return { server, socket, pushed, sources, stop: () => (stop(), hub.stop()) };
}

const answer = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status }));

describe('OKX perpetual feed', () => {
  it("subscribes every swap's mark price and funding rate, and neither an index nor a ticker channel", async () => {
    const fetchImpl = vi.fn(() => answer({ code: '0', msg: '', data: [] }));
    const { server, socket, pushed, stop } = startFeed(fetchImpl);
    const coins = Array.from({ length: 600 }, (_, index) => `C${index}`);
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
    expect(new Set(requested.map((arg) => arg.channel))).toEqual(new Set(['mark-price', 'funding-rate']));
    expect(new Set(requested.map((arg) => `${arg.channel} ${arg.instId}`)).size).toBe(2 * coins.length);
    expect(pushed.filter((event) => event.kind === 'instrument')).toHaveLength(coins.length);
    stop();
  });

  it("polls the followed swaps' index prices over REST once a second, one call per quote currency", async () => {
    const indexTicker = (instId: string, idxPx: string) => ({ instId, idxPx, high24h: '1', sodUtc0: '1', open24h: '1', low24h: '1', sodUtc8: '1', ts: '1597026383085' });
    const fetchImpl = vi.fn((url: RequestInfo | URL) => {
      const quote = new URL(String(url)).searchParams.get('quoteCcy');
      if (quote === 'USDT') return answer({ code: '0', msg: '', data: [indexTicker('BTC-USDT', '43350'), indexTicker('SPOTONLY-USDT', ''), indexTicker('ETH-USDT', '2300.5')] });
      if (quote === 'USD') return answer({ code: '0', msg: '', data: [indexTicker('BTC-USD', '43351.2')] });
      return answer({ code: '0', msg: '', data: [] });
    });
    const rejected: number[] = [];
    const { socket, pushed, stop } = startFeed(fetchImpl, (count) => rejected.push(count));
    const inverse = { instType: 'SWAP', instId: 'BTC-USD-SWAP', uly: 'BTC-USD', instFamily: 'BTC-USD', state: 'live' };
    socket.receive({ arg: { channel: 'instruments', instType: 'SWAP' }, data: [swap('BTC'), inverse] });
    await vi.advanceTimersByTimeAsync(0);

    const indexCalls = () => fetchImpl.mock.calls.map(([url]) => String(url)).filter((url) => url.includes('/index-tickers'));
    expect(indexCalls()).toEqual([`${REST}/api/v5/market/index-tickers?quoteCcy=USDT`, `${REST}/api/v5/market/index-tickers?quoteCcy=USD`]);
    // ETH-USDT has no followed swap and SPOTONLY-USDT none either: neither is an event, nor a rejection.
    expect(pushed.filter((event) => event.kind === 'index')).toEqual([
      { kind: 'index', exchange: 'okx', indexId: 'BTC-USDT', time: 1597026383085, index: 43350 },
      { kind: 'index', exchange: 'okx', indexId: 'BTC-USD', time: 1597026383085, index: 43351.2 },
    ]);
    expect(rejected.reduce((sum, count) => sum + count, 0)).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(indexCalls()).toHaveLength(4);
    stop();
  });

  it("polls every swap's 24 h ticker over REST once the list is known, instead of a ticker channel per swap", async () => {
    const fetchImpl = vi.fn((url: RequestInfo | URL) =>
      String(url) === TICKERS_URL
        ? answer({ code: '0', msg: '', data: [restTicker('BTC-USDT-SWAP', '9999.99'), restTicker('NEW-USDT-SWAP', '1.5')] })
        : answer({}, 404),
    );
    const { socket, pushed, sources, stop } = startFeed(fetchImpl);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetchImpl).not.toHaveBeenCalled();
    const tickerCalls = () => fetchImpl.mock.calls.filter(([url]) => String(url) === TICKERS_URL).length;

    // NEW-USDT-SWAP is listed but not trading yet: its ticker must not become a row.
    socket.receive({ arg: { channel: 'instruments', instType: 'SWAP' }, data: [swap('BTC'), { ...swap('NEW'), state: 'preopen' }] });
    await vi.advanceTimersByTimeAsync(0);
    expect(tickerCalls()).toBe(1);
    const tickers = () => pushed.filter((event) => event.kind === 'ticker');
    expect(tickers()).toEqual([
      { kind: 'ticker', exchange: 'okx', symbol: 'BTC-USDT-SWAP', time: 1597026383085, last: 9999.99, open24h: 9000, quoteVolume24h: 2222 * 9999.99 },
    ]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(tickerCalls()).toBe(2);
    expect(tickers()).toHaveLength(2);
    // The refresh changed nothing the page shows about the source: it was reported once, loading then ok.
    expect(sources.filter((source) => source.id === 'okx:tickers').map((source) => source.state)).toEqual(['loading', 'ok']);

    const requested = socket.sentJson().flatMap((frame) => (frame.args ?? []) as OkxArg[]);
    expect(requested.some((arg) => arg.channel === 'tickers')).toBe(false);
    stop();
    const calls = fetchImpl.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetchImpl.mock.calls.length).toBe(calls);
  });

  it('says when the REST polls fail, and why, and keeps retrying', async () => {
    const fetchImpl = vi.fn(() => answer({ code: '50011', msg: 'Too Many Requests', data: [] }, 429));
    const { socket, sources, pushed, stop } = startFeed(fetchImpl);
    socket.receive({ arg: { channel: 'instruments', instType: 'SWAP' }, data: [swap('BTC')] });
    await vi.advanceTimersByTimeAsync(0);
    for (const id of ['okx:tickers', 'okx:index']) {
      expect(sources.filter((source) => source.id === id).at(-1)).toMatchObject({ exchange: 'okx', state: 'failed', detail: 'HTTP 429' });
    }
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchImpl.mock.calls.length).toBeGreaterThan(4);
    expect(pushed.some((event) => event.kind === 'ticker' || event.kind === 'index')).toBe(false);
    stop();
  });
});
