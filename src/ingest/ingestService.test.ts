import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { realScheduler } from '../connection/scheduler';
import { ScriptedServer, type ScriptedSocket } from '../connection/testing/scriptedSockets';
import { endpoints, okxRegionEndpoints } from '../config/buildEndpoints';
import { createIngestService, TICK_MS } from './ingestService';
import { BACKGROUND_REFRESH_MS } from './backgroundRows';
import type { PerpRow } from '../domain/perp';
import optionMarkPrice from '../feeds/binance/fixtures/optionMarkPrice.json';
import type { RowChanges, ShownRows, WorkerBatch } from '../wire/messages';
import { PERP_CODEC } from '../wire/rowCodecs';

let server: ScriptedServer;
let batches: WorkerBatch[];

const post = (batch: WorkerBatch): void => {
  batches.push(batch);
};
const changedKeys = (changes: RowChanges<{ key: string }>): string[] => changes.updated.keys;
const show = (perps: ShownRows['perps'], expiries: ShownRows['expiries'] = {}, polled: ShownRows['polled'] = perps === 'all' ? [] : perps) =>
  ({ type: 'show', shown: { perps, expiries, polled } }) as const;

/** The newest Binance socket (a reconnect opens a fresh one). */
const binanceSocket = (): ScriptedSocket => {
  const socket = server.sockets.filter((candidate) => candidate.url.startsWith(endpoints.VITE_BINANCE_FUTURES_WS)).at(-1);
  if (!socket) throw new Error('no Binance socket');
  return socket;
};

const markPush = (symbol: string, rate: string, time: number) => ({
  stream: '!markPrice@arr@1s',
  data: [{ e: 'markPriceUpdate', E: time, s: symbol, p: '100.5', i: '100.4', P: '100.45', r: rate, T: time + 3_600_000 }],
});

/** The updated rows of a batch, read back from its columns. */
const changedRows = (changes: RowChanges<PerpRow>) =>
  changedKeys(changes).map((key, index) => {
    const values = changes.updated.values.subarray(index * PERP_CODEC.columns.length);
    return { key, ...Object.fromEntries(PERP_CODEC.columns.map((column, at) => [column, values[at]])) };
  });

/** Background rows are sent at the first tick at least BACKGROUND_REFRESH_MS after their last send. */
const TICKS_PER_REFRESH = Math.ceil(BACKGROUND_REFRESH_MS / TICK_MS);
/** REST never answers unless a test says otherwise: rows come from the streams alone (streams-first). */
const neverAnswers = (() => new Promise(() => {})) as typeof fetch;

function start(fetchImpl: typeof fetch = neverAnswers, random = () => 0.5) {
  const service = createIngestService({
    post,
    sockets: server.factory,
    fetch: fetchImpl,
    scheduler: realScheduler,
    random,
    okxRegion: 'global',
  });
  service.handle({ type: 'acquire', lease: 1, request: { feed: 'perps', exchange: 'binance' } });
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
  it('sends one batch per tick, with each row coalesced to its newest value and the replaced pushes counted', () => {
    const { socket } = start();
    vi.advanceTimersByTime(TICK_MS);
    batches = [];
    // Messages of one push that start with another symbol (Binance's TradFi marks) are kept apart.
    socket.receive(markPush('BTCUSDT', '0.00010000', 1_000));
    socket.receive(markPush('BTCUSDT', '0.00020000', 2_000));
    socket.receive(markPush('ETHUSDT', '0.00030000', 2_000));
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(TICK_MS);
    expect(batches).toHaveLength(1);
    const perp = batches[0]!.perp!;
    expect(perp.rows.upserts.map((quote) => [quote.key, quote.fundingRate])).toEqual([
      ['binance:BTCUSDT', 0.0002],
      ['binance:ETHUSDT', 0.0003],
    ]);
    expect(perp.counters.coalesced).toBe(1);
  });

  it("sends an OKX swap's newest mark of a tick, and counts the pushes it replaced as coalesced", () => {
    const service = createIngestService({ post, sockets: server.factory, fetch: neverAnswers, scheduler: realScheduler, random: () => 0.5, okxRegion: 'global' });
    service.handle({ type: 'acquire', lease: 1, request: { feed: 'perps', exchange: 'okx' } });
    const socket = server.last();
    socket.open();
    socket.receive({ arg: { channel: 'instruments', instType: 'SWAP' }, data: [{ instType: 'SWAP', instId: 'BTC-USDT-SWAP', uly: 'BTC-USDT', instFamily: 'BTC-USDT', state: 'live' }] });
    vi.advanceTimersByTime(TICK_MS);
    batches = [];
    const mark = (markPx: string, ts: number) => ({ arg: { channel: 'mark-price', instId: 'BTC-USDT-SWAP' }, data: [{ instType: 'SWAP', instId: 'BTC-USDT-SWAP', markPx, ts: String(ts) }] });
    socket.receive(mark('100', 1_000));
    socket.receive(mark('101', 2_000));
    socket.receive(mark('102', 3_000));
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(TICK_MS);
    expect(batches).toHaveLength(1);
    const perp = batches[0]!.perp!;
    expect(changedRows(perp.rows)).toEqual([expect.objectContaining({ key: 'okx:BTC-USDT-SWAP', mark: 102, markTime: 3_000 })]);
    expect(perp.counters.coalesced).toBe(2);
  });

  it("sends the OKX swaps no view shows once a second, each at its newest, and the shown one every tick", () => {
    const service = createIngestService({ post, sockets: server.factory, fetch: neverAnswers, scheduler: realScheduler, random: () => 0.5, okxRegion: 'global' });
    service.handle({ type: 'acquire', lease: 1, request: { feed: 'perps', exchange: 'okx' } });
    const socket = server.last();
    socket.open();
    const swap = (instId: string) => ({ instType: 'SWAP', instId, uly: instId.replace('-SWAP', ''), instFamily: instId.replace('-SWAP', ''), state: 'live' });
    socket.receive({ arg: { channel: 'instruments', instType: 'SWAP' }, data: [swap('BTC-USDT-SWAP'), swap('ETH-USDT-SWAP')] });
    const mark = (instId: string, markPx: number, ts: number) => ({ arg: { channel: 'mark-price', instId }, data: [{ instType: 'SWAP', instId, markPx: String(markPx), ts: String(ts) }] });
    socket.receive(mark('BTC-USDT-SWAP', 100, 1_000));
    socket.receive(mark('ETH-USDT-SWAP', 10, 1_000));
    vi.advanceTimersByTime(TICK_MS);
    // A chart of BTC-USDT-SWAP: ETH-USDT-SWAP is a background row. The first tick sends everything.
    service.handle(show(['okx:BTC-USDT-SWAP']));
    vi.advanceTimersByTime(TICK_MS);
    const coalescedBefore = batches.findLast((batch) => batch.perp !== null)!.perp!.counters.coalesced;
    batches = [];

    for (let tick = 1; tick <= TICKS_PER_REFRESH; tick++) {
      for (const push of [1, 2]) {
        socket.receive(mark('BTC-USDT-SWAP', 100 + tick, 1_000 + tick * 10 + push));
        socket.receive(mark('ETH-USDT-SWAP', 10 + tick, 1_000 + tick * 10 + push));
      }
      vi.advanceTimersByTime(TICK_MS);
    }

    const dueTick = TICKS_PER_REFRESH;
    const sent = batches.flatMap((batch) => (batch.perp ? changedRows(batch.perp.rows) : []));
    expect(sent.filter((row) => row.key === 'okx:ETH-USDT-SWAP')).toEqual([
      expect.objectContaining({ mark: 10 + dueTick, markTime: 1_000 + dueTick * 10 + 2 }),
    ]);
    expect(sent.filter((row) => row.key === 'okx:BTC-USDT-SWAP')).toHaveLength(dueTick);
    // One of each swap's two pushes per tick was replaced unread.
    expect(batches.at(-1)!.perp!.counters.coalesced - coalescedBefore).toBe(2 * dueTick);
  });

  it('sends Binance perpetuals once a second while views show none, and no counters-only batch in between', () => {
    const { service, socket } = start();
    socket.receive(markPush('BTCUSDT', '0.00010000', 1_000));
    vi.advanceTimersByTime(TICK_MS);
    // An options view: it shows no perpetual. Its first tick sends everything.
    service.handle(show([]));
    vi.advanceTimersByTime(TICK_MS);
    batches = [];

    for (let tick = 1; tick <= TICKS_PER_REFRESH; tick++) {
      socket.receive(markPush('BTCUSDT', `0.000${String(tick).padStart(2, '0')}000`, 1_000 + tick));
      if (tick === 1) socket.receive({ stream: '!miniTicker@arr', data: [{ e: '24hrMiniTicker', E: 1_001, s: 'BTCUSDT', c: '101', o: '100', h: '120', l: '90', v: '10', q: '1000' }] });
      vi.advanceTimersByTime(TICK_MS);
    }
    const perpParts = batches.flatMap((batch) => (batch.perp ? [batch.perp] : []));
    expect(perpParts).toHaveLength(1);
    expect(changedRows(perpParts[0]!.rows)).toEqual([
      expect.objectContaining({ key: 'binance:BTCUSDT', markTime: 1_000 + TICKS_PER_REFRESH, last: 101 }),
    ]);
  });

  it('sends no options part while no option ingest has flushed', () => {
    const { socket } = start();
    socket.receive(markPush('BTCUSDT', '0.00010000', 1_000));
    vi.advanceTimersByTime(TICK_MS);
    expect(batches.filter((batch) => batch.perp !== null)).toHaveLength(1);
    expect(batches.map((batch) => batch.option)).toEqual(batches.map(() => null));
  });

  it('sends only the rows that changed since the previous batch', () => {
    const { socket } = start();
    socket.receive(markPush('BTCUSDT', '0.00010000', 1_000));
    socket.receive(markPush('ETHUSDT', '0.00010000', 1_000));
    vi.advanceTimersByTime(TICK_MS);
    batches = [];
    socket.receive(markPush('ETHUSDT', '0.00040000', 2_000));
    vi.advanceTimersByTime(TICK_MS);
    const quotes = batches.map((batch) => batch.perp!.rows);
    expect(quotes.map((patch) => patch.upserts)).toEqual([[]]);
    expect(quotes.map(changedKeys)).toEqual([['binance:ETHUSDT']]);
    expect(changedRows(quotes[0]!)).toEqual([expect.objectContaining({ key: 'binance:ETHUSDT', fundingRate: 0.0004 })]);
    expect(quotes[0]!.updated.values).toHaveLength(PERP_CODEC.columns.length);
  });

  it('fills Binance rows from one premiumIndex snapshot before the stream pushes, and the stream then moves them on', async () => {
    const snapshot = [
      { symbol: 'BTCUSDT', markPrice: '100.1', indexPrice: '100.0', estimatedSettlePrice: '100.05', lastFundingRate: '0.00012000', interestRate: '0.0001', nextFundingTime: 3_601_000, time: 1_500 },
      { symbol: 'BTCUSDT_261225', markPrice: '101', indexPrice: '100.0', estimatedSettlePrice: '100', lastFundingRate: '', interestRate: '', nextFundingTime: 0, time: 1_500 },
    ];
    const answersSnapshot = ((url: string) =>
      url.endsWith('/fapi/v1/premiumIndex') ? Promise.resolve(new Response(JSON.stringify(snapshot))) : neverAnswers(url)) as typeof fetch;
    const { socket } = start(answersSnapshot);
    await vi.advanceTimersByTimeAsync(TICK_MS);
    const filled = batches.flatMap((batch) => batch.perp?.rows.upserts ?? []);
    expect(filled.map((quote) => [quote.key, quote.mark, quote.fundingRate])).toEqual([['binance:BTCUSDT', 100.1, 0.00012]]);

    // A push older than the snapshot changes nothing; a newer one moves the row on.
    batches = [];
    socket.receive(markPush('BTCUSDT', '0.00099000', 1_000));
    vi.advanceTimersByTime(TICK_MS);
    expect(batches.flatMap((batch) => (batch.perp ? changedRows(batch.perp.rows) : []))).toEqual([]);
    socket.receive(markPush('BTCUSDT', '0.00020000', 2_000));
    vi.advanceTimersByTime(TICK_MS);
    expect(batches.flatMap((batch) => (batch.perp ? changedRows(batch.perp.rows) : []))).toEqual([expect.objectContaining({ key: 'binance:BTCUSDT', fundingRate: 0.0002 })]);
  });

  it('asks the open interest of the rows in view, one a second, none while no row is in view, and sends it valued at the mark', async () => {
    const asked: string[] = [];
    const answers = ((url: string) => {
      const { pathname, searchParams } = new URL(url);
      if (pathname !== '/fapi/v1/openInterest') return neverAnswers(url);
      const symbol = searchParams.get('symbol')!;
      asked.push(symbol);
      return Promise.resolve(new Response(JSON.stringify({ openInterest: '2', symbol, time: 2_000 })));
    }) as typeof fetch;
    const { service, socket } = start(answers);
    // The screener shows every row but polls only those in view.
    service.handle(show('all'));
    socket.receive(markPush('BTCUSDT', '0.00010000', 1_000));
    socket.receive(markPush('ETHUSDT', '0.00010000', 1_000));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(asked).toEqual([]);

    batches = [];
    service.handle(show('all', {}, ['binance:ETHUSDT']));
    await vi.advanceTimersByTimeAsync(3_000);
    expect(new Set(asked)).toEqual(new Set(['ETHUSDT']));
    expect(asked.length).toBeGreaterThanOrEqual(2);
    expect(asked.length).toBeLessThanOrEqual(3);
    const sent = batches.flatMap((batch) => (batch.perp ? changedRows(batch.perp.rows) : [])).filter((row) => row.key === 'binance:ETHUSDT');
    expect(sent.at(-1)).toMatchObject({ openInterest: 2, openInterestUsd: 201, openInterestTime: 2_000 });
  });

  it("runs only the requested exchange's feed, so each exchange's worker holds its own sockets", () => {
    const { service } = start();
    const okxSockets = () => server.sockets.filter((socket) => socket.url.startsWith(endpoints.VITE_OKX_WS));
    vi.advanceTimersByTime(5_000);
    expect(okxSockets()).toEqual([]);
    service.handle({ type: 'acquire', lease: 2, request: { feed: 'perps', exchange: 'okx' } });
    vi.advanceTimersByTime(5_000);
    expect(okxSockets()).toHaveLength(1);
  });

  it.each([
    ['eea', () => okxRegionEndpoints('eea')],
    ['us', () => okxRegionEndpoints('us')],
  ] as const)("connects OKX's feeds to the %s region's hosts only, sockets and REST alike", (okxRegion, hosts) => {
    const requested: string[] = [];
    const recordingFetch = ((input: RequestInfo | URL) => {
      requested.push(String(input));
      return new Promise(() => {});
    }) as typeof fetch;
    const service = createIngestService({ post, sockets: server.factory, fetch: recordingFetch, scheduler: realScheduler, random: () => 0.5, okxRegion });
    service.handle({ type: 'acquire', lease: 1, request: { feed: 'perps', exchange: 'okx' } });
    service.handle({ type: 'acquire', lease: 2, request: { feed: 'option-catalog', exchange: 'okx' } });
    server.sockets.forEach((socket) => socket.open());
    // Once the swaps are listed, their tickers and indexes are polled over REST.
    server.last().receive({ arg: { channel: 'instruments', instType: 'SWAP' }, data: [{ instType: 'SWAP', instId: 'BTC-USDT-SWAP', uly: 'BTC-USDT', instFamily: 'BTC-USDT', state: 'live' }] });
    vi.advanceTimersByTime(5_000);
    const { publicWs, rest } = hosts();
    expect(new Set([publicWs, rest, endpoints.VITE_OKX_WS, endpoints.VITE_OKX_REST]).size).toBe(4);
    expect(server.sockets.length).toBeGreaterThan(0);
    expect(server.sockets.map((socket) => socket.url)).toEqual(server.sockets.map(() => publicWs));
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(`${rest}/`))).toEqual([]);
  });

  it('passes on every state a link goes through, even a reconnect quicker than a tick', () => {
    // The shortest backoff draw: the socket is replaced 50 ms after the drop, inside one tick.
    const { socket } = start(neverAnswers, () => 0);
    socket.receive(markPush('BTCUSDT', '0.00010000', 1_000));
    // Past Binance's connection-rate window, so the new socket is not held back.
    vi.advanceTimersByTime(1_000);
    batches = [];
    socket.drop();
    vi.advanceTimersByTime(50);
    const fresh = binanceSocket();
    expect(fresh).not.toBe(socket);
    fresh.open();
    for (const frame of fresh.sentJson()) if (frame.method === 'SUBSCRIBE') fresh.receive({ result: null, id: frame.id });
    fresh.receive(markPush('BTCUSDT', '0.00020000', 2_000));
    vi.advanceTimersByTime(TICK_MS);
    const states = batches.flatMap((batch) => batch.links).map((link) => link.state);
    expect(states).toEqual(['reconnecting', 'live']);
  });

  it('dates a backlog drained after a 3-minute freeze by its stamps: its rows and the link tell how old its data is', () => {
    const { socket } = start();
    const pushNow = (lagMs: number) => socket.receive(markPush('BTCUSDT', '0.00010000', Date.now() - lagMs));
    const streamedAts = () => batches.flatMap((batch) => (batch.perp ? changedRows(batch.perp.rows) : [])).map((row) => (row as { streamedAt?: number }).streamedAt);
    for (let second = 0; second < 10; second++) {
      pushNow(20);
      vi.advanceTimersByTime(1_000);
    }
    // Frozen: the clock moves on 180 s and no timer runs; the venue's pushes of those seconds then arrive together, oldest first.
    const frozenAt = Date.now();
    vi.setSystemTime(frozenAt + 180_000);
    batches = [];
    const stampedAt: number[] = [];
    for (let chunk = 0; chunk < 4; chunk++) {
      for (let second = chunk * 45; second < chunk * 45 + 45; second++) socket.receive(markPush('BTCUSDT', '0.00010000', frozenAt + second * 1_000));
      stampedAt.push(frozenAt + (chunk * 45 + 44) * 1_000);
      vi.advanceTimersByTime(TICK_MS);
    }
    vi.advanceTimersByTime(1_000);
    expect(streamedAts()).toEqual(stampedAt.map((stamp) => stamp + 20));
    expect(batches.flatMap((batch) => batch.links).at(-1)!.lastMessageAt).toBe(stampedAt.at(-1)! + 20);
    const freshAt = Date.now();
    pushNow(20);
    vi.advanceTimersByTime(1_000);
    expect(streamedAts().at(-1)).toBe(freshAt);
    expect(batches.flatMap((batch) => batch.links).at(-1)!.lastMessageAt).toBe(freshAt);
  });

  it('passes link status changes on, and stops the feed when its last lease is released', () => {
    const { service, socket } = start();
    vi.advanceTimersByTime(TICK_MS);
    expect(batches.flatMap((batch) => batch.links).some((link) => link.exchange === 'binance')).toBe(true);
    service.handle({ type: 'release', lease: 1 });
    vi.advanceTimersByTime(60_000);
    expect(socket.closedByClient).not.toBeNull();
  });

  it('sends the perpetuals a view shows every tick and the others once a second, until a view shows them all', () => {
    const { service, socket } = start();
    const push = (time: number) => {
      socket.receive(markPush('BTCUSDT', '0.00010000', time));
      socket.receive(markPush('ETHUSDT', '0.00010000', time));
    };
    const sentRows = () => {
      const patch = batches.at(-1)?.perp?.rows;
      return [...(patch?.upserts.map((row) => row.key) ?? []), ...(patch ? changedKeys(patch) : [])].sort();
    };
    push(1_000);
    vi.advanceTimersByTime(TICK_MS);
    service.handle(show(['binance:BTCUSDT']));

    const ticksWithBoth: number[] = [];
    for (let tick = 1; tick <= 2 * TICKS_PER_REFRESH; tick++) {
      push(1_000 + tick);
      vi.advanceTimersByTime(TICK_MS);
      expect(sentRows(), `tick ${tick}`).toContain('binance:BTCUSDT');
      if (sentRows().length === 2) ticksWithBoth.push(tick);
    }
    expect(ticksWithBoth).toHaveLength(2);
    expect(ticksWithBoth[1]! - ticksWithBoth[0]!).toBe(TICKS_PER_REFRESH);

    service.handle(show('all'));
    for (let tick = 2 * TICKS_PER_REFRESH + 1; tick <= 2 * TICKS_PER_REFRESH + 3; tick++) {
      push(1_000 + tick);
      vi.advanceTimersByTime(TICK_MS);
      expect(sentRows(), `tick ${tick}, the screener open`).toEqual(['binance:BTCUSDT', 'binance:ETHUSDT']);
    }
  });

  it("sends the shown expiry's options every tick and the chain's other expiries once a second", () => {
    const seedTime = 1762867543321;
    vi.setSystemTime(seedTime);
    const service = createIngestService({ post, sockets: server.factory, fetch: neverAnswers, scheduler: realScheduler, random: () => 0.5, okxRegion: 'global' });
    service.handle({ type: 'acquire', lease: 1, request: { feed: 'option-expiry', exchange: 'binance', underlying: 'BTCUSDT', expiry: Date.UTC(2025, 10, 20, 8) } });
    service.handle(show('all', { 'binance:BTCUSDT': [Date.UTC(2025, 10, 20, 8)] }));
    const socket = server.sockets.find((candidate) => candidate.url.startsWith(endpoints.VITE_BINANCE_OPTIONS_WS))!;
    socket.open();
    for (const frame of socket.sentJson()) if (frame.method === 'SUBSCRIBE') socket.receive({ result: null, id: frame.id });
    const push = (markPrice: string, time: number) =>
      socket.receive({ stream: 'btcusdt@optionMarkPrice', data: optionMarkPrice.map((item) => ({ ...item, mp: markPrice, E: time })) });
    const sentRows = () => {
      const patch = batches.at(-1)?.option?.chains['binance:BTCUSDT'];
      return [...(patch?.upserts.map((row) => row.key) ?? []), ...(patch ? changedKeys(patch) : [])].sort();
    };

    push('100', seedTime);
    vi.advanceTimersByTime(TICK_MS);
    expect(sentRows()).toEqual(['binance:BTC-251120-126000-C', 'binance:BTC-251123-126000-C']);

    const ticksUntilBoth: number[] = [];
    for (let tick = 1; tick <= 2 * TICKS_PER_REFRESH; tick++) {
      push(String(100 + tick), seedTime + tick * TICK_MS);
      vi.advanceTimersByTime(TICK_MS);
      expect(sentRows()[0], `tick ${tick}`).toBe('binance:BTC-251120-126000-C');
      if (sentRows().length === 2) ticksUntilBoth.push(tick);
    }
    // The first background refresh may fall a tick early: its second began at the tick that created the rows.
    expect(ticksUntilBoth).toHaveLength(2);
    expect(ticksUntilBoth[1]! - ticksUntilBoth[0]!).toBe(TICKS_PER_REFRESH);
    expect(ticksUntilBoth[0]).toBeGreaterThanOrEqual(TICKS_PER_REFRESH - 1);
  });
});
