import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectionHub, type Endpoint } from '../../connection/connectionHub';
import { realScheduler } from '../../connection/scheduler';
import { ScriptedServer } from '../../connection/testing/scriptedSockets';
import type { PerpEvent } from '../../domain/perpEvents';
import type { PerpFeedDeps } from '../perpFeedDeps';
import type { SourceStatus } from '../../domain/sourceStatus';
import liveFundingPush from './fixtures/okx-funding-rate-push.json';
import liveSwapEntry from './fixtures/okx-instruments-swap-entry.json';
import { startOkxPerpFeed } from './perpFeed';
import { okxProtocol, type OkxArg } from './okxProtocol';

const endpoint: Endpoint<OkxArg> = { id: 'okx', exchange: 'okx', url: 'wss://fake/ws/v5/public', protocol: okxProtocol };

/** A swap's instrument record, shaped as the one recorded live (REST and channel send the same record). */
const swap = (coin: string, state = 'live') => ({ ...liveSwapEntry, instId: `${coin}-USDT-SWAP`, uly: `${coin}-USDT`, instFamily: `${coin}-USDT`, state });
/** A swap's funding record, shaped as the one recorded live. */
const fundingOf = (coin: string, fundingRate: string) => ({ ...liveFundingPush.data[0]!, instId: `${coin}-USDT-SWAP`, fundingRate });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const REST = 'https://fake-rest';
const TICKERS_URL = `${REST}/api/v5/market/tickers?instType=SWAP`;
const INSTRUMENTS_URL = `${REST}/api/v5/public/instruments?instType=SWAP`;
const FUNDING_URL = `${REST}/api/v5/public/funding-rate?instId=ANY`;
const INSTRUMENTS_CHANNEL = { channel: 'instruments', instType: 'SWAP' };

const ok = (data: unknown[]) => ({ code: '0', msg: '', data });
/** Answers each URL from `routes` (a body, or a function of the call), every other URL with an empty list. */
function restStub(routes: Record<string, unknown>) {
  return vi.fn((url: RequestInfo | URL) => {
    const route = routes[String(url)];
    if (route === undefined) return answer(ok([]));
    return typeof route === 'function' ? (route as () => Promise<Response>)() : answer(route);
  });
}
const refused = () => answer({ msg: '', code: '403' }, 403);
const callsTo = (fetchImpl: ReturnType<typeof restStub>, url: string) => fetchImpl.mock.calls.filter(([called]) => String(called) === url).length;
const swapArgs = (sockets: ScriptedServer['sockets']) =>
  sockets
    .flatMap((each) => each.sentJson())
    .filter((frame) => frame.op === 'subscribe')
    .flatMap((frame) => frame.args as OkxArg[])
    .filter((arg) => arg.channel !== 'instruments');

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
  };
  const deps = { hub, ingest, fetch: fetchImpl, scheduler: realScheduler, random: () => 0.5, reportSource: (status: SourceStatus) => sources.push(status), polledPerps: () => [] };
  const stop = startOkxPerpFeed(deps, endpoint, REST);
  const socket = server.last();
  socket.open();
  return { server, socket, pushed, sources, stop: () => (stop(), hub.stop()) };
}

const answer = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status }));

describe('OKX perpetual feed', () => {
  it("subscribes every listed swap's mark price and funding rate, and neither an index nor a ticker channel", async () => {
    const coins = Array.from({ length: 600 }, (_, index) => `C${index}`);
    const fetchImpl = restStub({ [INSTRUMENTS_URL]: ok(coins.map((coin) => swap(coin))) });
    const { server, pushed, stop } = startFeed(fetchImpl);
    await vi.advanceTimersByTimeAsync(2_000);
    // 1,200 arguments: past the 1,000 a socket carries, so a second socket takes the rest.
    expect(server.sockets).toHaveLength(2);
    server.sockets[1]!.open();
    await vi.advanceTimersByTimeAsync(2_000);

    const requested = swapArgs(server.sockets);
    expect(new Set(requested.map((arg) => arg.channel))).toEqual(new Set(['mark-price', 'funding-rate']));
    expect(new Set(requested.map((arg) => `${arg.channel} ${arg.instId}`)).size).toBe(2 * coins.length);
    expect(pushed.filter((event) => event.kind === 'instrument')).toHaveLength(coins.length);
    expect(pushed.filter((event) => event.kind === 'list-complete')).toHaveLength(1);
    stop();
  });

  it('starts from the REST list while the instruments channel sends nothing, and refreshes it: a swap it stops listing leaves', async () => {
    let listed = [swap('BTC'), swap('ETH'), swap('NEW', 'preopen')];
    const fetchImpl = restStub({ [INSTRUMENTS_URL]: () => answer(ok(listed)) });
    const { socket, pushed, stop } = startFeed(fetchImpl);
    await vi.advanceTimersByTimeAsync(500);
    expect(socket.sentJson().flatMap((frame) => frame.args as OkxArg[])).toContainEqual(INSTRUMENTS_CHANNEL);
    expect(pushed.filter((event) => event.kind === 'list-complete')).toHaveLength(1);
    expect(new Set(swapArgs([socket]).map((arg) => arg.instId))).toEqual(new Set(['BTC-USDT-SWAP', 'ETH-USDT-SWAP']));
    expect(callsTo(fetchImpl, TICKERS_URL)).toBe(1);

    listed = [swap('BTC')];
    // The socket must stay up meanwhile: OKX's marks keep it busy.
    for (let elapsed = 0; elapsed <= 5 * 60_000; elapsed += 10_000) {
      socket.receive({ arg: { channel: 'mark-price', instId: 'BTC-USDT-SWAP' }, data: [{ instId: 'BTC-USDT-SWAP', markPx: '1', ts: String(elapsed + 1) }] });
      await vi.advanceTimersByTimeAsync(10_000);
    }
    expect(callsTo(fetchImpl, INSTRUMENTS_URL)).toBe(2);
    expect(pushed).toContainEqual(expect.objectContaining({ kind: 'instrument', symbol: 'ETH-USDT-SWAP', listed: false }));
    const unsubscribed = socket.sentJson().filter((frame) => frame.op === 'unsubscribe').flatMap((frame) => frame.args as OkxArg[]);
    expect(new Set(unsubscribed.map((arg) => `${arg.channel} ${arg.instId}`))).toEqual(new Set(['mark-price ETH-USDT-SWAP', 'funding-rate ETH-USDT-SWAP']));
    stop();
  });

  it('keeps a listing the channel announced while a REST answer was on its way', async () => {
    let release: () => void = () => undefined;
    const fetchImpl = restStub({
      [INSTRUMENTS_URL]: () => new Promise<Response>((resolve) => (release = () => resolve(new Response(JSON.stringify(ok([swap('BTC')])))))),
    });
    const { socket, pushed, stop } = startFeed(fetchImpl);
    await vi.advanceTimersByTimeAsync(0);
    socket.receive({ arg: INSTRUMENTS_CHANNEL, data: [swap('NEW')] });
    release();
    await vi.advanceTimersByTimeAsync(500);
    expect(pushed.some((event) => event.kind === 'list-complete')).toBe(true);
    expect(pushed.filter((event) => event.kind === 'instrument' && event.symbol === 'NEW-USDT-SWAP').map((event) => event.kind === 'instrument' && event.listed)).toEqual([true, true]);
    expect(new Set(swapArgs([socket]).map((arg) => arg.instId))).toEqual(new Set(['BTC-USDT-SWAP', 'NEW-USDT-SWAP']));
    stop();
  });

  it('starts from the instruments channel alone when REST is refused: every swap it names is followed, none is called complete', async () => {
    const fetchImpl = restStub({ [INSTRUMENTS_URL]: refused, [FUNDING_URL]: refused });
    const { socket, pushed, sources, stop } = startFeed(fetchImpl);
    await vi.advanceTimersByTimeAsync(500);
    expect(swapArgs([socket])).toEqual([]);
    expect(sources.filter((source) => source.id === 'okx:instruments').at(-1)).toMatchObject({ state: 'failed', detail: 'HTTP 403' });

    // A change (or a whole list, if the channel sends one on subscribe): taken swap by swap.
    socket.receive({ arg: INSTRUMENTS_CHANNEL, data: [swap('BTC'), swap('ETH')] });
    await vi.advanceTimersByTimeAsync(500);
    expect(new Set(swapArgs([socket]).map((arg) => `${arg.channel} ${arg.instId}`))).toEqual(
      new Set(['mark-price BTC-USDT-SWAP', 'funding-rate BTC-USDT-SWAP', 'mark-price ETH-USDT-SWAP', 'funding-rate ETH-USDT-SWAP']),
    );
    expect(pushed.filter((event) => event.kind === 'instrument').map((event) => event.symbol)).toEqual(['BTC-USDT-SWAP', 'ETH-USDT-SWAP']);
    expect(pushed.some((event) => event.kind === 'list-complete')).toBe(false);
    expect(callsTo(fetchImpl, TICKERS_URL)).toBe(1);
    stop();
  });

  it("loads every swap's current funding at the start, in the live shape, and follows the swaps it names while no list is known", async () => {
    const fetchImpl = restStub({ [INSTRUMENTS_URL]: refused, [FUNDING_URL]: ok([fundingOf('BTC', '0.0000263463215391'), fundingOf('ETH', '-0.0001')]) });
    const rejected: number[] = [];
    const { socket, pushed, stop } = startFeed(fetchImpl, (count) => rejected.push(count));
    await vi.advanceTimersByTimeAsync(500);
    expect(pushed.filter((event) => event.kind === 'funding')).toEqual([
      {
        kind: 'funding',
        exchange: 'okx',
        symbol: 'BTC-USDT-SWAP',
        time: 1790358563915,
        fundingRate: 0.0000263463215391,
        nextFundingRate: null,
        nextFundingTime: 1790380800000,
        intervalHours: 8,
        settledFundingRate: 0.0000341625964238,
        lastSettlementTime: 1790352000000,
        fundingCap: 0.00375,
        fundingFloor: -0.00375,
      },
      expect.objectContaining({ symbol: 'ETH-USDT-SWAP', fundingRate: -0.0001 }),
    ]);
    expect(rejected.reduce((sum, count) => sum + count, 0)).toBe(0);
    expect(new Set(swapArgs([socket]).map((arg) => `${arg.channel} ${arg.instId}`))).toEqual(
      new Set(['mark-price BTC-USDT-SWAP', 'funding-rate BTC-USDT-SWAP', 'mark-price ETH-USDT-SWAP', 'funding-rate ETH-USDT-SWAP']),
    );
    stop();
  });

  it('once the list is known, skips the funding of a swap it does not list (pre-open) without counting it bad', async () => {
    let answerFunding: () => void = () => undefined;
    const fetchImpl = restStub({
      [INSTRUMENTS_URL]: ok([swap('BTC'), swap('NEW', 'preopen')]),
      [FUNDING_URL]: () =>
        new Promise<Response>((resolve) => (answerFunding = () => resolve(new Response(JSON.stringify(ok([fundingOf('BTC', '0.0001'), fundingOf('NEW', '0.0002')])))))),
    });
    const rejected: number[] = [];
    const { pushed, stop } = startFeed(fetchImpl, (count) => rejected.push(count));
    await vi.advanceTimersByTimeAsync(500);
    answerFunding();
    await vi.advanceTimersByTimeAsync(500);
    expect(pushed.filter((event) => event.kind === 'funding').map((event) => event.symbol)).toEqual(['BTC-USDT-SWAP']);
    expect(rejected.reduce((sum, count) => sum + count, 0)).toBe(0);
    stop();
  });

  it('reloads every funding rate and the list after the socket reconnects, since pushes were missed meanwhile', async () => {
    const fetchImpl = restStub({ [INSTRUMENTS_URL]: ok([swap('BTC')]), [FUNDING_URL]: ok([fundingOf('BTC', '0.0001')]) });
    const { server, socket, pushed, stop } = startFeed(fetchImpl);
    await vi.advanceTimersByTimeAsync(500);
    expect(callsTo(fetchImpl, FUNDING_URL)).toBe(1);
    socket.drop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(callsTo(fetchImpl, FUNDING_URL)).toBe(1);
    server.last().open();
    await vi.advanceTimersByTimeAsync(500);
    expect(callsTo(fetchImpl, FUNDING_URL)).toBe(2);
    expect(callsTo(fetchImpl, INSTRUMENTS_URL)).toBe(2);
    expect(pushed.filter((event) => event.kind === 'funding')).toHaveLength(2);
    stop();
  });

  it("polls the followed swaps' index prices over REST once a second, one call per quote currency", async () => {
    const indexTicker = (instId: string, idxPx: string) => ({ instId, idxPx, high24h: '1', sodUtc0: '1', open24h: '1', low24h: '1', sodUtc8: '1', ts: '1597026383085' });
    const inverse = { ...liveSwapEntry, instId: 'BTC-USD-SWAP', uly: 'BTC-USD', instFamily: 'BTC-USD', ctType: 'inverse', settleCcy: 'BTC' };
    const fetchImpl = restStub({
      [INSTRUMENTS_URL]: ok([swap('BTC'), inverse]),
      [`${REST}/api/v5/market/index-tickers?quoteCcy=USDT`]: ok([indexTicker('BTC-USDT', '43350'), indexTicker('SPOTONLY-USDT', ''), indexTicker('ETH-USDT', '2300.5')]),
      [`${REST}/api/v5/market/index-tickers?quoteCcy=USD`]: ok([indexTicker('BTC-USD', '43351.2')]),
    });
    const rejected: number[] = [];
    const { pushed, stop } = startFeed(fetchImpl, (count) => rejected.push(count));
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

  it("polls every swap's 24 h ticker over REST once a swap is known, instead of a ticker channel per swap", async () => {
    const fetchImpl = restStub({
      [INSTRUMENTS_URL]: refused,
      [FUNDING_URL]: refused,
      [TICKERS_URL]: ok([restTicker('BTC-USDT-SWAP', '9999.99'), restTicker('NEW-USDT-SWAP', '1.5')]),
    });
    const { socket, pushed, sources, stop } = startFeed(fetchImpl);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(callsTo(fetchImpl, TICKERS_URL)).toBe(0);

    // NEW-USDT-SWAP is listed but not trading yet: its ticker must not become a row.
    socket.receive({ arg: INSTRUMENTS_CHANNEL, data: [swap('BTC'), swap('NEW', 'preopen')] });
    await vi.advanceTimersByTimeAsync(0);
    expect(callsTo(fetchImpl, TICKERS_URL)).toBe(1);
    const tickers = () => pushed.filter((event) => event.kind === 'ticker');
    expect(tickers()).toEqual([
      { kind: 'ticker', exchange: 'okx', symbol: 'BTC-USDT-SWAP', time: 1597026383085, last: 9999.99, open24h: 9000, quoteVolume24h: 2222 * 9999.99 },
    ]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(callsTo(fetchImpl, TICKERS_URL)).toBe(2);
    expect(tickers()).toHaveLength(2);
    // The refresh changed nothing the page shows about the source: it was reported once, loading then ok.
    expect(sources.filter((source) => source.id === 'okx:tickers').map((source) => source.state)).toEqual(['loading', 'ok']);

    const requested = socket.sentJson().flatMap((frame) => (frame.args ?? []) as OkxArg[]);
    expect(requested.some((arg) => arg.channel === 'tickers')).toBe(false);
    stop();
    const calls = fetchImpl.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(fetchImpl.mock.calls.length).toBe(calls);
  });

  it('says when the REST sources fail, and why, and keeps retrying', async () => {
    const fetchImpl = vi.fn(() => answer({ code: '50011', msg: 'Too Many Requests', data: [] }, 429));
    const { socket, sources, pushed, stop } = startFeed(fetchImpl);
    socket.receive({ arg: INSTRUMENTS_CHANNEL, data: [swap('BTC')] });
    await vi.advanceTimersByTimeAsync(0);
    expect(sources.filter((source) => source.id === 'okx:instruments').at(-1)).toMatchObject({ exchange: 'okx', state: 'failed', detail: 'HTTP 429' });
    for (const id of ['okx:funding', 'okx:tickers', 'okx:index', 'okx:openInterest']) {
      const failed = sources.filter((source) => source.id === id).at(-1);
      expect(failed).toMatchObject({ exchange: 'okx', state: 'failed', detail: 'rate limited by OKX (50011)' });
      // OKX counts requests per 2 s: a limited poll waits that window out at least.
      expect(failed!.retryAt! - Date.now()).toBeGreaterThanOrEqual(2_000);
    }
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetchImpl.mock.calls.length).toBeGreaterThan(8);
    expect(pushed.some((event) => event.kind === 'ticker' || event.kind === 'index' || event.kind === 'funding')).toBe(false);
    stop();
  });

  it("polls every followed swap's open interest in one call a minute, in the coin, skipping swaps it does not follow", async () => {
    const OPEN_INTEREST_URL = `${REST}/api/v5/public/open-interest?instType=SWAP`;
    // Items shaped as the response example of https://www.okx.com/docs-v5/en/#public-data-rest-api-get-open-interest
    const interest = (instId: string, oiCcy: string) => ({ instType: 'SWAP', instId, oi: '5000', oiCcy, oiUsd: '50000', ts: '1597026383085' });
    const fetchImpl = restStub({
      [INSTRUMENTS_URL]: ok([swap('BTC')]),
      [OPEN_INTEREST_URL]: ok([interest('BTC-USDT-SWAP', '555.55'), interest('NEW-USDT-SWAP', '1')]),
    });
    const rejected: number[] = [];
    const { pushed, stop } = startFeed(fetchImpl, (count) => rejected.push(count));
    await vi.advanceTimersByTimeAsync(500);
    expect(pushed.filter((event) => event.kind === 'open-interest')).toEqual([
      { kind: 'open-interest', exchange: 'okx', symbol: 'BTC-USDT-SWAP', time: 1597026383085, openInterest: 555.55 },
    ]);
    expect(callsTo(fetchImpl, OPEN_INTEREST_URL)).toBe(1);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(callsTo(fetchImpl, OPEN_INTEREST_URL)).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(callsTo(fetchImpl, OPEN_INTEREST_URL)).toBe(2);
    expect(rejected.reduce((sum, count) => sum + count, 0)).toBe(0);
    stop();
  });
});
