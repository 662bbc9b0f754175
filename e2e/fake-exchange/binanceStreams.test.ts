import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import recordedMark from '../../src/feeds/binance/fixtures/binance-markPriceUpdate-perp-2026-09-23.json';
import recordedTicker from '../../src/feeds/binance/fixtures/binance-ticker-arr-with-coinm-row.json';
import { startFakeExchange, type FakeExchange } from './server.ts';
import { post, sleep, TestSocket } from './testSupport.ts';

interface MarkPriceUpdate {
  e: string;
  E: number;
  s: string;
  p: string;
  ap: string;
  P: string;
  i: string;
  r: string;
  T: number;
  st: number;
}
type Combined<T> = { stream: string; data: T };

let exchange: FakeExchange;
let ws: string;
const sockets: TestSocket[] = [];

async function open(path: string): Promise<TestSocket> {
  const socket = await TestSocket.open(`${ws}${path}`);
  sockets.push(socket);
  return socket;
}

beforeAll(async () => {
  exchange = await startFakeExchange({ rate: 10 });
  ws = exchange.binanceUrl.replace('http', 'ws');
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await exchange.close();
});

describe('Binance routed stream host', () => {
  it('delivers !markPrice@arr@1s on /market/stream, wrapped with the stream name', async () => {
    const socket = await open('/market/stream?streams=!markPrice@arr@1s');
    const frame = await socket.next<Combined<MarkPriceUpdate[]>>((f) => f.stream === '!markPrice@arr@1s');
    const btc = frame.data.find((update) => update.s === 'BTCUSDT')!;
    expect(btc).toMatchObject({ e: 'markPriceUpdate', r: expect.stringMatching(/^-?\d+\.\d{8}$/) });
    expect(Number(btc.p)).toBeGreaterThan(80_000);
    expect(typeof btc.E).toBe('number');
    expect(Math.abs(btc.E - Date.now())).toBeLessThan(2000);
    expect(btc.T % 3_600_000).toBe(0);
  });

  it('sends raw (unwrapped) payloads on /market/ws/<stream>', async () => {
    const socket = await open('/market/ws/btcusdt@markPrice@1s');
    const update = await socket.next<MarkPriceUpdate>((f) => f.e === 'markPriceUpdate');
    expect(update.s).toBe('BTCUSDT');
    expect(update).not.toHaveProperty('stream');
  });

  it('sends rows in the recorded shape: ap and st, delivery contracts with r "0.00000000" and T 0, COIN-M with st 2', async () => {
    const socket = await open('/market/ws/!markPrice@arr@1s');
    const [first] = await socket.until(() => socket.json().length >= 1, 3000).then(() => socket.json() as MarkPriceUpdate[][]);
    const bySymbol = new Map(first!.map((update) => [update.s, update]));
    const btc = bySymbol.get('BTCUSDT')!;
    expect(Object.keys(btc)).toEqual(Object.keys(recordedMark));
    expect(btc).toMatchObject({ ap: btc.p, st: 1 });
    const delivery = first!.find((update) => /^BTCUSDT_\d{6}$/.test(update.s))!;
    expect(delivery).toMatchObject({ r: '0.00000000', T: 0, st: 1 });
    for (const symbol of ['BTCUSD_PERP', 'ETHUSD_PERP']) {
      expect(bySymbol.get(symbol)).toMatchObject({ st: 2, r: expect.stringMatching(/^-?\d+\.\d{8}$/), T: expect.any(Number) });
      expect(bySymbol.get(symbol)!.T % (8 * 3_600_000)).toBe(0);
    }
  });

  it('puts TradFi perpetuals in a separate message of the same stream, funded every 4 h', async () => {
    const socket = await open('/market/ws/!markPrice@arr@1s');
    await socket.until(() => socket.json().length >= 2, 3000);
    const [first, second] = socket.json() as MarkPriceUpdate[][];
    expect(first!.some((update) => update.s === 'XAUUSDT')).toBe(false);
    expect(second!.map((update) => update.s)).toEqual(expect.arrayContaining(['XAUUSDT', 'XAGUSDT', 'TSLAUSDT']));
    for (const update of second!) expect(update).toMatchObject({ st: 1, T: expect.any(Number) });
    expect(second!.find((update) => update.s === 'XAUUSDT')!.T % (4 * 3_600_000)).toBe(0);
    expect(first!.length).toBeGreaterThan(450);
  });

  it.each(['/ws/!markPrice@arr@1s', '/stream?streams=!markPrice@arr@1s', '/public/stream?streams=!markPrice@arr@1s'])(
    'accepts %s but stays silent for market-tier streams (the legacy trap)',
    async (path) => {
      const socket = await open(path);
      socket.send({ method: 'SUBSCRIBE', params: ['btcusdt@markPrice@1s'], id: 1 });
      await socket.next((f) => f.id === 1);
      await sleep(400); // four pushes at rate 10
      expect(socket.frames).toEqual(['{"result":null,"id":1}']);
    },
  );

  it('answers SUBSCRIBE, LIST_SUBSCRIPTIONS and UNSUBSCRIBE, and then stops pushing', async () => {
    const socket = await open('/market/stream');
    socket.send({ method: 'SUBSCRIBE', params: ['ethusdt@markPrice@1s', '!miniTicker@arr'], id: 7 });
    expect(await socket.next((f) => f.id === 7)).toEqual({ result: null, id: 7 });
    socket.send({ method: 'LIST_SUBSCRIPTIONS', id: 8 });
    expect(await socket.next((f) => f.id === 8)).toEqual({ result: ['ethusdt@markPrice@1s', '!miniTicker@arr'], id: 8 });
    await socket.next<Combined<MarkPriceUpdate>>((f) => f.stream === 'ethusdt@markPrice@1s');
    socket.send({ method: 'UNSUBSCRIBE', params: ['ethusdt@markPrice@1s', '!miniTicker@arr'], id: 9 });
    await socket.next((f) => f.id === 9);
    const after = socket.frames.length;
    await sleep(300);
    expect(socket.frames.length).toBe(after);
  });

  it('switches wrapping with SET_PROPERTY combined and reports it with GET_PROPERTY', async () => {
    const socket = await open('/market/ws');
    socket.send({ method: 'GET_PROPERTY', params: ['combined'], id: 1 });
    expect(await socket.next((f) => f.id === 1)).toEqual({ result: false, id: 1 });
    socket.send({ method: 'SET_PROPERTY', params: ['combined', true], id: 2 });
    await socket.next((f) => f.id === 2);
    socket.send({ method: 'SUBSCRIBE', params: ['btcusdt@markPrice@1s'], id: 3 });
    await socket.next<Combined<MarkPriceUpdate>>((f) => f.stream === 'btcusdt@markPrice@1s');
  });

  it('answers bad requests with the documented codes, nested under "error" as the live host sends them', async () => {
    const socket = await open('/market/ws');
    socket.send('{"method": "SUBSCRIBE", "params": [');
    const invalidJson = await socket.next<{ error: { code: number; msg: string } }>((f) => f.error?.code === 3);
    expect(invalidJson).toEqual({ error: { code: 3, msg: expect.stringMatching(/^Invalid JSON: expected value at line 1 column \d+$/) } });
    socket.send({ method: 'SUBSCRIBEX', params: [], id: 4 });
    expect(await socket.next((f) => f.id === 4)).toEqual({ error: { code: 2, msg: expect.stringContaining('unknown variant `SUBSCRIBEX`') }, id: 4 });
    socket.send({ method: 'SUBSCRIBE', params: ['btcusdt@markPrice'], id: -1 });
    expect(await socket.next<{ error?: { msg: string } }>((f) => String(f.error?.msg).includes('request ID'))).toEqual({
      error: { code: 2, msg: 'Invalid request: request ID must be an unsigned integer' },
    });
    socket.send({ method: 'GET_PROPERTY', params: ['colour'], id: 5 });
    expect(await socket.next((f) => f.id === 5)).toEqual({ error: { code: 0, msg: 'Unknown property' }, id: 5 });
    socket.send({ method: 'SET_PROPERTY', params: ['combined', 'yes'], id: 6 });
    expect(await socket.next((f) => f.id === 6)).toEqual({ error: { code: 1, msg: 'Invalid value type: expected Boolean' }, id: 6 });
    socket.send({ params: ['btcusdt@markPrice'], id: 7 });
    expect(await socket.next((f) => f.id === 7)).toEqual({ error: { code: 2, msg: expect.stringContaining('missing field `method`') }, id: 7 });
  });

  it('refuses every SUBSCRIBE naming a stream refused over the control API, subscribing nothing in it, until /reset', async () => {
    await post(exchange.controlUrl, '/refuse-stream?exchange=binance&stream=!miniTicker@arr');
    const socket = await open('/market/stream');
    socket.send({ method: 'SUBSCRIBE', params: ['!markPrice@arr@1s', '!miniTicker@arr'], id: 1 });
    expect(await socket.next((f) => f.id === 1)).toEqual({ error: { code: 2, msg: 'Invalid request: invalid stream' }, id: 1 });
    socket.send({ method: 'SUBSCRIBE', params: ['!miniTicker@arr'], id: 2 });
    expect(await socket.next((f) => f.id === 2)).toEqual({ error: { code: 2, msg: 'Invalid request: invalid stream' }, id: 2 });
    socket.send({ method: 'LIST_SUBSCRIPTIONS', id: 3 });
    expect(await socket.next((f) => f.id === 3)).toEqual({ result: [], id: 3 });
    await post(exchange.controlUrl, '/reset');
    socket.send({ method: 'SUBSCRIBE', params: ['!miniTicker@arr'], id: 4 });
    expect(await socket.next((f) => f.id === 4)).toEqual({ result: null, id: 4 });
    expect((await fetch(`${exchange.controlUrl}/refuse-stream?exchange=okx&stream=x`, { method: 'POST' })).status).toBe(400);
  });

  it('acks uppercase and unknown stream names but delivers nothing for them, as the real host does', async () => {
    const socket = await open('/market/ws');
    socket.send({ method: 'SUBSCRIBE', params: ['BTCUSDT@markPrice@1s', 'btcusdt@noSuchStream', 'nosuchusdt@markPrice@1s'], id: 1 });
    expect(await socket.next((f) => f.id === 1)).toEqual({ result: null, id: 1 });
    await sleep(400);
    expect(socket.frames).toHaveLength(1);
  });

  it('sends !miniTicker@arr with only the symbols that traded since the previous push', async () => {
    const socket = await open('/market/ws/!miniTicker@arr');
    await socket.until(() => socket.frames.length >= 4, 3000);
    const pushes = socket.json() as Array<Array<Record<string, string>>>;
    const listed = (await (await fetch(`${exchange.binanceUrl}/fapi/v1/premiumIndex`)).json()) as unknown[];
    for (const push of pushes.slice(1)) {
      expect(push.length).toBeGreaterThan(0);
      expect(push.length).toBeLessThan(listed.length);
    }
    const btc = pushes.flat().find((ticker) => ticker.s === 'BTCUSDT')!;
    expect(Object.keys(btc).sort()).toEqual(['E', 'c', 'e', 'h', 'l', 'o', 'q', 's', 'st', 'v']);
    expect(btc.st).toBe(1);
    expect(Number(btc.h)).toBeGreaterThanOrEqual(Number(btc.c));
    expect(Number(btc.l)).toBeLessThanOrEqual(Number(btc.c));
  });

  it('sends COIN-M mini tickers as the live stream does: st 2, v in contracts, q in coin', async () => {
    const socket = await open('/market/ws/!miniTicker@arr');
    await socket.until(() => (socket.json() as Array<Array<Record<string, unknown>>>).flat().some((ticker) => ticker.s === 'BTCUSD_PERP'), 5000);
    const coinM = (socket.json() as Array<Array<Record<string, string | number>>>).flat().find((ticker) => ticker.s === 'BTCUSD_PERP')!;
    const recorded = recordedTicker.data.find((row) => row.s === 'BTCUSD_PERP')!;
    expect(coinM.st).toBe(recorded.st);
    expect(coinM.v).toMatch(/^\d+$/);
    // $100 contracts: the coin volume at the last price is the contracts' USD value.
    expect(Number(coinM.q) * Number(coinM.c) / (Number(coinM.v) * 100)).toBeCloseTo(1, 3);
  });

  it('closes a connection that sends more than 10 messages in a second', async () => {
    const socket = await open('/market/ws');
    for (let id = 1; id <= 12; id++) socket.send({ method: 'LIST_SUBSCRIPTIONS', id });
    expect((await socket.waitClosed()).code).toBe(1008);
  });

  it('takes 1024 streams on one connection; past them says "Too many subscriptions" and closes it (1008) with all of them', async () => {
    const socket = await open('/market/ws');
    const streams = Array.from({ length: 1025 }, (_, i) => `sym${i}usdt@markPrice`);
    socket.send({ method: 'SUBSCRIBE', params: streams.slice(0, 1024), id: 1 });
    expect(await socket.next((f) => f.id === 1)).toEqual({ result: null, id: 1 });
    socket.send({ method: 'SUBSCRIBE', params: streams.slice(1024), id: 2 });
    expect(await socket.waitClosed()).toEqual({ code: 1008, reason: '' });
    expect(socket.json().at(-1)).toEqual({ error: { code: 4, msg: 'Too many subscriptions' } });
    expect(socket.json().some((frame) => (frame as { id?: number }).id === 2)).toBe(false);
  });

  it('closes the same way a connection that lists more than 1024 streams in its URL', async () => {
    // Short names: a URL of 1025 real ones would pass Node's 16 KB header limit.
    const streams = Array.from({ length: 1025 }, (_, i) => `s${i}`).join('/');
    const socket = await open(`/market/stream?streams=${streams}`);
    expect(await socket.waitClosed()).toEqual({ code: 1008, reason: '' });
    expect(socket.json()).toEqual([{ error: { code: 4, msg: 'Too many subscriptions' } }]);
  });

  it('closes the socket when a request arrives as a binary frame', async () => {
    const socket = await open('/market/ws');
    socket.ws.send(Buffer.from(JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: 1 })), { binary: true });
    expect(await socket.waitClosed()).toEqual({ code: 1008, reason: 'Invalid request' });
  });

  it('pushes <underlying>@optionMarkPrice from the options model every second', async () => {
    const socket = await open('/market/stream?streams=btcusdt@optionMarkPrice');
    const frame = await socket.next<Combined<Array<Record<string, unknown>>>>((f) => f.stream === 'btcusdt@optionMarkPrice');
    expect(frame.data.length).toBeGreaterThan(10);
    expect(frame.data[0]).toMatchObject({ e: 'markPrice', s: expect.stringMatching(/^BTC-\d{6}-\d+-[CP]$/) });
  });

  it('rejects upgrades on paths the host does not serve', async () => {
    expect(await TestSocket.refusal(`${ws}/nowhere`)).toBe(404);
  });
});
