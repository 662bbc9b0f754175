import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeExchange, type FakeExchange } from './server.ts';
import { post, sleep, TestSocket } from './testSupport.ts';
import liveFundingPush from '../../src/feeds/okx/fixtures/okx-funding-rate-push.json';
import liveSwapEntry from '../../src/feeds/okx/fixtures/okx-instruments-swap-entry.json';

type Push<T = Record<string, string>> = { arg: Record<string, string>; data: T[] };

let exchange: FakeExchange;
const sockets: TestSocket[] = [];

/** Opens like a polite client: OKX allows 3 new connections a second, so wait and retry on 429. */
async function open(url: string): Promise<TestSocket> {
  for (;;) {
    try {
      const socket = await TestSocket.open(url);
      sockets.push(socket);
      return socket;
    } catch (error) {
      if (!String(error).includes('429')) throw error;
      await sleep(350);
    }
  }
}
const publicUrl = () => exchange.env.VITE_OKX_WS!;
const businessUrl = () => exchange.env.VITE_OKX_BUSINESS_WS!;

beforeAll(async () => {
  exchange = await startFakeExchange({ rate: 10, timing: { okxIdleTimeoutMs: 600 } });
});
afterEach(async () => {
  await post(exchange.controlUrl, '/reset');
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await exchange.close();
});

describe('OKX WebSocket', () => {
  it('acks each arg, echoing the request id, then pushes the current mark price at once', async () => {
    const socket = await open(publicUrl());
    const args = [
      { channel: 'mark-price', instId: 'BTC-USDT-SWAP' },
      { channel: 'mark-price', instId: 'ETH-USD-SWAP' },
    ];
    socket.send({ id: 'req1', op: 'subscribe', args });
    for (const arg of args) {
      const ack = await socket.next((f) => f.event === 'subscribe' && (f.arg as Record<string, string>).instId === arg.instId);
      expect(ack).toEqual({ id: 'req1', event: 'subscribe', arg, connId: expect.stringMatching(/^[0-9a-f]{8}$/) });
    }
    const push = await socket.next<Push>((f) => f.arg?.instId === 'BTC-USDT-SWAP' && Array.isArray(f.data));
    expect(push.arg).toEqual(args[0]);
    expect(push.data[0]).toMatchObject({ instType: 'SWAP', instId: 'BTC-USDT-SWAP', markPx: expect.stringMatching(/^\d+(\.\d+)?$/) });
    expect(Math.abs(Number(push.data[0]!.ts) - Date.now())).toBeLessThan(1500);
  });

  it('unsubscribes with an ack per arg and stops pushing', async () => {
    const socket = await open(publicUrl());
    const arg = { channel: 'mark-price', instId: 'SOL-USDT-SWAP' };
    socket.send({ op: 'subscribe', args: [arg] });
    await socket.next<Push>((f) => Array.isArray(f.data));
    socket.send({ op: 'unsubscribe', args: [arg] });
    expect(await socket.next((f) => f.event === 'unsubscribe')).toMatchObject({ event: 'unsubscribe', arg });
    const count = socket.frames.length;
    await sleep(300);
    expect(socket.frames.length).toBe(count);
  });

  it('answers a malformed request with 60012 quoting it', async () => {
    const socket = await open(publicUrl());
    const raw = '{"op": "subscribe", "argss":[{ "channel" : "mark-price", "instId" : "BTC-USDT-SWAP"}]}';
    socket.send(raw);
    expect(await socket.next((f) => f.event === 'error')).toEqual({ event: 'error', code: '60012', msg: `Invalid request: ${raw}`, connId: expect.any(String) });
  });

  it.each([
    [{ channel: 'mark-price', instId: 'NOPE-USDT-SWAP' }, 'channel:mark-price,instId:NOPE-USDT-SWAP'],
    [{ channel: 'no-such-channel', instId: 'BTC-USDT-SWAP' }, 'channel:no-such-channel,instId:BTC-USDT-SWAP'],
    [{ channel: 'mark-price-candle1m', instId: 'BTC-USDT-SWAP' }, 'channel:mark-price-candle1m,instId:BTC-USDT-SWAP'],
  ])('answers %j on /public with 60018', async (arg, described) => {
    const socket = await open(publicUrl());
    socket.send({ id: '9', op: 'subscribe', args: [arg] });
    const error = await socket.next((f) => f.event === 'error');
    expect(error).toMatchObject({ id: '9', code: '60018' });
    expect(error.msg).toBe(`Subscribe failed, wrong URL or ${described} doesn't exist. Please use the correct URL, channel and parameters referring to API document.`);
  });

  it('answers the text ping with the text pong', async () => {
    const socket = await open(publicUrl());
    socket.send('ping');
    await socket.nextText('pong');
  });

  it('closes a connection idle for okxIdleTimeoutMs with 4004, but not one that pings', async () => {
    const idle = await open(publicUrl());
    const pinging = await open(publicUrl());
    const timer = setInterval(() => pinging.send('ping'), 200);
    try {
      expect(await idle.waitClosed(2000)).toEqual({ code: 4004, reason: 'No data received in 30s' });
      expect(pinging.closed).toBeNull();
    } finally {
      clearInterval(timer);
    }
  });

  it('pushes tickers and index-tickers at once; funding-rate only after okxFirstFundingPushMs, in the live shape', async () => {
    await post(exchange.controlUrl, '/timing?okxFirstFundingPushMs=600,600');
    const socket = await open(publicUrl());
    const subscribedAt = Date.now();
    socket.send({
      op: 'subscribe',
      args: [
        { channel: 'funding-rate', instId: 'BTC-USDT-SWAP' },
        { channel: 'tickers', instId: 'ETH-USDT-SWAP' },
        { channel: 'index-tickers', instId: 'BTC-USDT' },
      ],
    });
    const ticker = (await socket.next<Push>((f) => f.arg?.channel === 'tickers' && !!f.data)).data[0]!;
    expect(Number(ticker.bidPx)).toBeLessThan(Number(ticker.askPx));
    expect(Number(ticker.high24h)).toBeGreaterThanOrEqual(Number(ticker.last));
    const index = (await socket.next<Push>((f) => f.arg?.channel === 'index-tickers' && !!f.data)).data[0]!;
    expect(Object.keys(index).sort()).toEqual(['high24h', 'idxPx', 'instId', 'low24h', 'open24h', 'sodUtc0', 'sodUtc8', 'ts']);

    const funding = (await socket.next<Push>((f) => f.arg?.channel === 'funding-rate' && !!f.data)).data[0]!;
    expect(Date.now() - subscribedAt).toBeGreaterThanOrEqual(550);
    expect(Object.keys(funding)).toEqual(Object.keys(liveFundingPush.data[0]!));
    const interval = Number(funding.nextFundingTime) - Number(funding.fundingTime);
    expect(interval).toBe(8 * 3_600_000);
    expect(Number(funding.fundingTime) % interval).toBe(0);
    expect(Number(funding.fundingTime) - Number(funding.prevFundingTime)).toBe(interval);
    expect(funding).toMatchObject({ method: 'current_period', nextFundingRate: '', settState: 'settled', instType: 'SWAP', settFundingRate: expect.stringMatching(/^-?\d/) });
  });

  it('by default sends no funding-rate for 30 s after a subscribe', async () => {
    const socket = await open(publicUrl());
    socket.send({ op: 'subscribe', args: [{ channel: 'funding-rate', instId: 'ETH-USDT-SWAP' }, { channel: 'mark-price', instId: 'ETH-USDT-SWAP' }] });
    await socket.next<Push>((f) => f.arg?.channel === 'mark-price' && !!f.data);
    await sleep(1_500);
    expect(socket.json().some((frame) => (frame as Push).arg?.channel === 'funding-rate' && 'data' in (frame as Push))).toBe(false);
  });

  it('sends no SWAP instruments on subscribe, only changes, in the live shape; the full list in the legacy mode', async () => {
    const socket = await open(publicUrl());
    socket.send({ op: 'subscribe', args: [{ channel: 'instruments', instType: 'SWAP' }] });
    await socket.next((f) => f.event === 'subscribe');
    await sleep(500);
    expect(socket.json().some((frame) => 'data' in (frame as Push))).toBe(false);
    expect(await post(exchange.controlUrl, '/okx-instrument-change?instId=BTC-USD-SWAP')).toMatchObject({ connections: 1 });
    const change = await socket.next<Push>((f) => f.arg?.channel === 'instruments' && !!f.data);
    expect(change.data).toHaveLength(1);
    expect(Object.keys(change.data[0]!)).toEqual(Object.keys(liveSwapEntry));
    expect(change.data[0]).toMatchObject({ instId: 'BTC-USD-SWAP', ctType: 'inverse', settleCcy: 'BTC', ctValCcy: 'USD', state: 'live' });

    await post(exchange.controlUrl, '/okx-instruments?channel=full');
    const legacy = await open(publicUrl());
    legacy.send({ op: 'subscribe', args: [{ channel: 'instruments', instType: 'SWAP' }] });
    const push = await legacy.next<Push>((f) => f.arg?.channel === 'instruments' && !!f.data);
    expect(push.data.length).toBeGreaterThan(230);
    expect(push.data.map((instrument) => instrument.instId)).toEqual(expect.arrayContaining(['BTC-USDT-SWAP', 'BTC-USD-SWAP', 'BTC-USDC-SWAP', 'PEPE-USDT-SWAP']));
  });

  it('sends no OPTION instruments on subscribe, only new listings; every family\'s options in the legacy mode', async () => {
    const socket = await open(publicUrl());
    socket.send({ op: 'subscribe', args: [{ channel: 'instruments', instType: 'OPTION' }] });
    await socket.next((f) => f.event === 'subscribe');
    await sleep(500);
    expect(socket.json().some((frame) => 'data' in (frame as Push))).toBe(false);

    await post(exchange.controlUrl, '/okx-instruments?channel=full');
    const legacy = await open(publicUrl());
    legacy.send({ op: 'subscribe', args: [{ channel: 'instruments', instType: 'OPTION' }] });
    const push = await legacy.next<Push>((f) => f.arg?.channel === 'instruments' && !!f.data);
    const families = new Set(push.data.map((option) => option.instId!.split('-').slice(0, 2).join('-')));
    expect([...families].sort()).toEqual(['BTC-USD', 'ETH-USD']);
  });

  it('serves mark-price and index candles on /business only, as [ts,o,h,l,c,confirm]', async () => {
    const socket = await open(businessUrl());
    socket.send({ op: 'subscribe', args: [{ channel: 'mark-price-candle1m', instId: 'BTC-USDT-SWAP' }, { channel: 'index-candle1H', instId: 'BTC-USDT' }] });
    const candle = (await socket.next<Push<string[]>>((f) => f.arg?.channel === 'mark-price-candle1m' && !!f.data)).data[0]!;
    expect(candle).toHaveLength(6);
    expect(Number(candle[0]) % 60_000).toBe(0);
    expect(candle[5]).toBe('0');
    const hourly = (await socket.next<Push<string[]>>((f) => f.arg?.channel === 'index-candle1H' && !!f.data)).data[0]!;
    expect(Number(hourly[0]) % 3_600_000).toBe(0);
    socket.send({ op: 'subscribe', args: [{ channel: 'mark-price', instId: 'BTC-USDT-SWAP' }] });
    expect(await socket.next((f) => f.event === 'error')).toMatchObject({ code: '60018' });
  });

  it('serves OPTION mark prices and opt-summary from the options model', async () => {
    const socket = await open(publicUrl());
    socket.send({ op: 'subscribe', args: [{ channel: 'opt-summary', instFamily: 'BTC-USD' }, { channel: 'instruments', instType: 'OPTION' }] });
    const summary = await socket.next<Push>((f) => f.arg?.channel === 'opt-summary' && !!f.data);
    expect(summary.data.length).toBeGreaterThan(10);
    const option = summary.data[0]!.instId!;
    socket.send({ op: 'subscribe', args: [{ channel: 'mark-price', instId: option }] });
    const mark = await socket.next<Push>((f) => f.arg?.channel === 'mark-price' && !!f.data);
    expect(mark.data[0]).toMatchObject({ instType: 'OPTION', instId: option });
  });

  it('closes with 1009 on a request over 64 KB', async () => {
    const socket = await open(publicUrl());
    const args = Array.from({ length: 2000 }, (_, i) => ({ channel: 'mark-price', instId: `COIN${i}-USDT-SWAP` }));
    socket.send({ op: 'subscribe', args });
    expect((await socket.waitClosed()).code).toBe(1009);
  });

  it('answers 60014 past 480 subscribe/unsubscribe requests on one connection within an hour', async () => {
    const socket = await open(publicUrl());
    const arg = { channel: 'mark-price', instId: 'BTC-USDT-SWAP' };
    for (let i = 0; i < 481; i++) socket.send({ id: String(i), op: i % 2 ? 'unsubscribe' : 'subscribe', args: [arg] });
    expect(await socket.next((f) => f.event === 'error', 5000)).toMatchObject({ id: '480', code: '60014' });
  });

  it('refuses a 4th new connection within one second with HTTP 429', async () => {
    await sleep(1100);
    const opened = await Promise.allSettled([1, 2, 3, 4].map(() => TestSocket.open(publicUrl())));
    for (const result of opened) if (result.status === 'fulfilled') sockets.push(result.value);
    expect(opened.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    expect(String((opened.find((result) => result.status === 'rejected') as PromiseRejectedResult).reason)).toContain('429');
  });

  it('rejects upgrades on other paths with 404', async () => {
    expect(await TestSocket.refusal(`${publicUrl().replace('/ws/v5/public', '/ws/v5/private2')}`)).toBe(404);
  });
});
