import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeExchange, type FakeExchange } from './server.ts';
import { getJson, post, sleep, TestSocket } from './testSupport.ts';

let exchange: FakeExchange;
let binanceWs: string;
const sockets: TestSocket[] = [];

async function open(url: string): Promise<TestSocket> {
  const socket = await TestSocket.open(url);
  sockets.push(socket);
  return socket;
}
/** OKX takes 3 new connections a second; control tests open a few in a row. */
async function openOkx(path = 'public'): Promise<TestSocket> {
  await sleep(350);
  return open(path === 'public' ? exchange.env.VITE_OKX_WS! : exchange.env.VITE_OKX_BUSINESS_WS!);
}

beforeAll(async () => {
  exchange = await startFakeExchange({ rate: 10 });
  binanceWs = exchange.env.VITE_BINANCE_FUTURES_WS!;
});
afterEach(async () => {
  await post(exchange.controlUrl, '/reset');
  for (const socket of sockets.splice(0)) socket.close();
});
afterAll(() => exchange.close());

describe('control API', () => {
  it('reports connections, their streams and traffic in /stats', async () => {
    const binance = await open(`${binanceWs}/stream?streams=!markPrice@arr@1s/btcusdt@markPrice`);
    const okx = await openOkx();
    okx.send({ op: 'subscribe', args: [{ channel: 'mark-price', instId: 'BTC-USDT-SWAP' }] });
    await okx.next((f) => f.event === 'subscribe');
    await binance.until(() => binance.frames.length > 0, 2000);
    const stats = (await getJson<any>(`${exchange.controlUrl}/stats`)).body;
    expect(stats.binance.openConnections).toBe(1);
    expect(stats.binance.connections[0]).toMatchObject({ route: 'market', combined: true, streams: ['!markPrice@arr@1s', 'btcusdt@markPrice'] });
    expect(stats.binance.connections[0].sent).toBeGreaterThan(0);
    expect(stats.okx.connections[0]).toMatchObject({ path: '/ws/v5/public', subscriptions: [{ channel: 'mark-price', instId: 'BTC-USDT-SWAP' }], received: 1 });
  });

  it('drops every socket of one exchange abruptly', async () => {
    const binance = await open(`${binanceWs}/ws`);
    const okx = await openOkx();
    await post(exchange.controlUrl, '/drop?exchange=binance');
    expect((await binance.waitClosed()).code).toBe(1006);
    await sleep(100);
    expect(okx.closed).toBeNull();
  });

  it('refuses new upgrades and REST with a geo-block status until /accept', async () => {
    await post(exchange.controlUrl, '/refuse?exchange=binance&status=451');
    expect(await TestSocket.refusal(`${binanceWs}/ws`)).toBe(451);
    const blocked = await getJson<{ code: number; msg: string }>(`${exchange.binanceUrl}/fapi/v1/exchangeInfo`);
    expect(blocked.status).toBe(451);
    expect(blocked.body.msg).toContain('restricted location');
    await post(exchange.controlUrl, '/refuse?exchange=okx&status=403');
    expect(await TestSocket.refusal(exchange.env.VITE_OKX_WS!)).toBe(403);
    await post(exchange.controlUrl, '/accept?exchange=binance');
    expect((await getJson(`${exchange.binanceUrl}/fapi/v1/ping`)).status).toBe(200);
    await open(`${binanceWs}/ws`);
    const stats = (await getJson<any>(`${exchange.controlUrl}/stats`)).body;
    expect(stats.binance.refusedUpgrades).toBeGreaterThanOrEqual(1);
  });

  it('refuses only REST with scope=rest and only upgrades with scope=ws', async () => {
    expect(await post(exchange.controlUrl, '/refuse?exchange=binance&status=451&scope=rest')).toMatchObject({ ok: true, scope: 'rest' });
    expect((await getJson(`${exchange.binanceUrl}/fapi/v1/fundingInfo`)).status).toBe(451);
    const streaming = await open(`${binanceWs}/ws/btcusdt@markPrice@1s`);
    expect(await streaming.next((f) => f.e === 'markPriceUpdate')).toMatchObject({ s: 'BTCUSDT' });
    expect((await getJson(`${exchange.okxUrl}/api/v5/public/time`)).status).toBe(200);

    await post(exchange.controlUrl, '/refuse?exchange=okx&status=403&scope=ws');
    expect(await TestSocket.refusal(exchange.env.VITE_OKX_WS!)).toBe(403);
    expect((await getJson(`${exchange.okxUrl}/api/v5/public/time`)).status).toBe(200);

    await post(exchange.controlUrl, '/accept?exchange=binance');
    expect((await getJson(`${exchange.binanceUrl}/fapi/v1/fundingInfo`)).status).toBe(200);
    const stats = (await getJson<any>(`${exchange.controlUrl}/stats`)).body;
    expect(stats.binance.faults).toMatchObject({ refuseStatus: null, refuseScope: 'all' });
    expect(stats.okx.faults).toMatchObject({ refuseStatus: 403, refuseScope: 'ws' });
  });

  it('takes the CORS headers off REST with mode=none, answers 451 without them with mode=blocked-451; streams stay up', async () => {
    const origin = { headers: { Origin: 'http://127.0.0.1:4173' } };
    const served = await fetch(`${exchange.binanceUrl}/fapi/v1/fundingInfo`, origin);
    expect(served.headers.get('access-control-allow-origin')).toBe('*');

    expect(await post(exchange.controlUrl, '/cors?exchange=binance&mode=none')).toMatchObject({ ok: true, exchange: 'binance', mode: 'none' });
    const bare = await fetch(`${exchange.binanceUrl}/fapi/v1/fundingInfo`, origin);
    expect(bare.status).toBe(200);
    expect(bare.headers.get('access-control-allow-origin')).toBeNull();
    expect(Array.isArray(await bare.json())).toBe(true);
    const preflight = await fetch(`${exchange.binanceUrl}/fapi/v1/fundingInfo`, { method: 'OPTIONS', headers: { ...origin.headers, 'Access-Control-Request-Method': 'GET' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${exchange.okxUrl}/api/v5/public/time`, origin)).headers.get('access-control-allow-origin')).toBe('*');

    await post(exchange.controlUrl, '/cors?exchange=okx&mode=blocked-451');
    const blocked = await fetch(`${exchange.okxUrl}/api/v5/public/time`, origin);
    expect(blocked.status).toBe(451);
    expect(blocked.headers.get('access-control-allow-origin')).toBeNull();
    expect(await blocked.json()).toMatchObject({ code: '451', data: [] });
    const okx = await openOkx();
    okx.send({ op: 'subscribe', args: [{ channel: 'mark-price', instId: 'BTC-USDT-SWAP' }] });
    expect(await okx.next((f) => Array.isArray(f.data))).toMatchObject({ arg: { channel: 'mark-price', instId: 'BTC-USDT-SWAP' } });
    const binance = await open(`${binanceWs}/ws/btcusdt@markPrice@1s`);
    expect(await binance.next((f) => f.e === 'markPriceUpdate')).toMatchObject({ s: 'BTCUSDT' });

    expect(await post(exchange.controlUrl, '/cors?exchange=okx&mode=open')).toMatchObject({ ok: false, error: 'mode must be one of allowed, none, blocked-451' });
    await post(exchange.controlUrl, '/reset');
    expect((await fetch(`${exchange.binanceUrl}/fapi/v1/fundingInfo`, origin)).headers.get('access-control-allow-origin')).toBe('*');
    expect((await fetch(`${exchange.okxUrl}/api/v5/public/time`, origin)).status).toBe(200);
  });

  it('cuts OKX funding history after N pages per instrument with 50011, until /reset', async () => {
    const history = (instId: string) => fetch(`${exchange.okxUrl}/api/v5/public/funding-rate-history?instId=${instId}`);
    expect(await post(exchange.controlUrl, '/okx-funding-history-cut?pages=1')).toMatchObject({ ok: true, pages: 1 });
    expect((await history('BTC-USDT-SWAP')).status).toBe(200);
    const cut = await history('BTC-USDT-SWAP');
    expect(cut.status).toBe(429);
    expect(await cut.json()).toEqual({ msg: 'Too Many Requests', code: '50011' });
    expect((await history('ETH-USDT-SWAP')).status).toBe(200);

    await post(exchange.controlUrl, '/okx-funding-history-cut?pages=0');
    expect((await history('ETH-USDT-SWAP')).status).toBe(429);
    expect(await post(exchange.controlUrl, '/okx-funding-history-cut?pages=-1')).toMatchObject({ ok: false });
    await post(exchange.controlUrl, '/reset');
    expect((await history('BTC-USDT-SWAP')).status).toBe(200);
  });

  it('rejects an unknown refuse scope with 400 and leaves the exchange open', async () => {
    const response = await fetch(`${exchange.controlUrl}/refuse?exchange=binance&status=451&scope=socket`, { method: 'POST' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ ok: false, error: 'scope must be one of all, rest, ws' });
    expect((await getJson(`${exchange.binanceUrl}/fapi/v1/ping`)).status).toBe(200);
  });

  it('stalls an exchange (no pushes, acks or pongs) until /resume', async () => {
    const binance = await open(`${binanceWs}/ws/btcusdt@markPrice@1s`);
    const okx = await openOkx();
    await post(exchange.controlUrl, '/stall?exchange=binance');
    await post(exchange.controlUrl, '/stall?exchange=okx');
    await sleep(150);
    const before = binance.frames.length;
    binance.send({ method: 'LIST_SUBSCRIPTIONS', id: 1 });
    okx.send('ping');
    let ponged = false;
    binance.ws.once('pong', () => (ponged = true));
    binance.ws.ping();
    await sleep(400);
    expect(binance.frames.length).toBe(before);
    expect(okx.frames).toEqual([]);
    expect(ponged).toBe(false);
    expect(binance.closed).toBeNull();
    await post(exchange.controlUrl, '/resume?exchange=binance');
    await binance.next((f) => f.e === 'markPriceUpdate', 2000, before);
  });

  it('sends a truncated frame and an unknown event on command', async () => {
    const binance = await open(`${binanceWs}/ws`);
    const okx = await openOkx();
    await post(exchange.controlUrl, '/malformed?exchange=binance');
    await binance.until(() => binance.frames.length === 1, 2000);
    expect(() => JSON.parse(binance.frames[0]!)).toThrow();
    await post(exchange.controlUrl, '/unknown?exchange=okx');
    expect(await okx.next((f) => f.event === 'fake-unknown-event')).toMatchObject({ connId: expect.any(String) });
  });

  it('sends the request body as a frame to every socket of one venue on /inject', async () => {
    const binance = await open(`${binanceWs}/ws`);
    const okx = await openOkx();
    const frame = '{"stream":"!markPrice@arr@1s","data":[{"e":"markPriceUpdate","E":1,"s":"BTCUSDT"}]}';
    const injected = await fetch(`${exchange.controlUrl}/inject?exchange=binance`, { method: 'POST', body: frame });
    expect(await injected.json()).toEqual({ ok: true, exchange: 'binance', connections: 1 });
    await binance.until(() => binance.frames.length === 1, 2000);
    expect(binance.frames[0]).toBe(frame);
    await sleep(100);
    expect(okx.frames.filter((text) => text.includes('markPriceUpdate'))).toEqual([]);
    const empty = await fetch(`${exchange.controlUrl}/inject?exchange=okx`, { method: 'POST' });
    expect(empty.status).toBe(400);
  });

  it('sends a 60018 error event to every OKX connection', async () => {
    const okx = await openOkx();
    await post(exchange.controlUrl, '/okx-error');
    expect(await okx.next((f) => f.event === 'error')).toMatchObject({ code: '60018' });
  });

  it('sends the 64008 notice on public sockets and closes them after closeAfterMs; business sockets get neither', async () => {
    const okx = await openOkx();
    const business = await openOkx('business');
    const sentAt = Date.now();
    await post(exchange.controlUrl, '/okx-notice?closeAfterMs=300');
    expect(await okx.next((f) => f.event === 'notice')).toMatchObject({
      code: '64008',
      msg: 'The connection will soon be closed for a service upgrade. Please reconnect.',
    });
    await okx.waitClosed(2000);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(250);
    expect(business.frames.some((frame) => frame.includes('64008'))).toBe(false);
    expect(business.closed).toBeNull();
  });

  it('pins a funding rate and interval that streams and REST then report', async () => {
    const pinned = await post(exchange.controlUrl, '/funding?exchange=binance&symbol=ETHUSDT&rate=0.0005&intervalHours=4');
    expect(pinned).toMatchObject({ ok: true, rate: 0.0005, intervalHours: 4 });
    const socket = await open(`${binanceWs}/ws/ethusdt@markPrice@1s`);
    const update = await socket.next((f) => f.e === 'markPriceUpdate');
    expect(update.r).toBe('0.00050000');
    expect(Number(update.T) % (4 * 3_600_000)).toBe(0);
    const info = (await getJson<Array<{ symbol: string; fundingIntervalHours: number }>>(`${exchange.binanceUrl}/fapi/v1/fundingInfo`)).body;
    expect(info.find((row) => row.symbol === 'ETHUSDT')?.fundingIntervalHours).toBe(4);
    await post(exchange.controlUrl, '/funding?exchange=okx&symbol=BTC-USDT-SWAP&rate=-0.001&intervalHours=1');
    const okx = (await getJson<any>(`${exchange.okxUrl}/api/v5/public/funding-rate?instId=BTC-USDT-SWAP`)).body.data[0];
    expect(okx.fundingRate).toBe('-0.001');
    expect(Number(okx.nextFundingTime) - Number(okx.fundingTime)).toBe(3_600_000);
  });

  it('pins an OKX rate, last settled rate and 6 h interval, and pushes it at once to every subscriber', async () => {
    const socket = await openOkx();
    socket.send({ op: 'subscribe', args: [{ channel: 'funding-rate', instId: 'ETH-USDT-SWAP' }] });
    await socket.next((f) => f.event === 'subscribe');
    const pinned = await post(exchange.controlUrl, '/funding?exchange=okx&symbol=ETH-USDT-SWAP&rate=0.0003&settledRate=-0.0002&intervalHours=6');
    expect(pinned).toMatchObject({ ok: true, rate: 0.0003, settledRate: -0.0002, intervalHours: 6 });
    const push = await socket.next<{ data?: Array<Record<string, string>> }>((f) => !!f.data, 1000);
    expect(push.data![0]).toMatchObject({ fundingRate: '0.0003', settFundingRate: '-0.0002' });
    expect(Number(push.data![0]!.nextFundingTime) - Number(push.data![0]!.fundingTime)).toBe(6 * 3_600_000);
  });

  it('refuses the SWAP and OPTION instrument lists in its mode, and /reset serves it again', async () => {
    const list = `${exchange.okxUrl}/api/v5/public/instruments?instType=SWAP`;
    const optionList = [`${exchange.okxUrl}/api/v5/public/underlying?instType=OPTION`, `${exchange.okxUrl}/api/v5/public/instruments?instType=OPTION&instFamily=BTC-USD`];
    expect(await post(exchange.controlUrl, '/okx-instruments?rest=refused')).toMatchObject({ ok: true, channel: 'changes', rest: 'refused' });
    expect((await getJson(list)).status).toBe(403);
    for (const url of optionList) expect((await getJson(url)).status).toBe(403);
    expect((await getJson(`${exchange.okxUrl}/api/v5/public/funding-rate?instId=ANY`)).status).toBe(200);
    await post(exchange.controlUrl, '/reset');
    expect((await getJson(list)).status).toBe(200);
    for (const url of optionList) expect((await getJson(url)).status).toBe(200);
    expect(await post(exchange.controlUrl, '/okx-instruments?channel=all')).toMatchObject({ ok: false });
  });

  it("changes the OKX timers and Binance's socket lifetime for a test, and /reset restores them", async () => {
    expect(await post(exchange.controlUrl, '/timing?okxFirstFundingPushMs=35000,35000&okxNoticeCloseDelayMs=500')).toMatchObject({
      okxFirstFundingPushMs: [35000, 35000],
      okxNoticeCloseDelayMs: 500,
    });
    expect(await post(exchange.controlUrl, '/timing?binanceMaxLifetimeMs=20000')).toMatchObject({ binanceMaxLifetimeMs: 20_000 });
    expect(await post(exchange.controlUrl, '/timing?okxFirstFundingPushMs=9,1')).toMatchObject({ ok: false });
    await post(exchange.controlUrl, '/reset');
    expect(await post(exchange.controlUrl, '/timing')).toMatchObject({
      okxFirstFundingPushMs: [30_000, 90_000],
      okxNoticeCloseDelayMs: 60_000,
      binanceMaxLifetimeMs: 24 * 3_600_000,
    });
  });

  it('relists a perpetual under any symbol, markup included, in every list and stream until /reset', async () => {
    const markup = '<img src=x onerror=alert(1)>USDT';
    const relisted = await post(exchange.controlUrl, `/relist?exchange=binance&symbol=XLMUSDT&as=${encodeURIComponent(markup)}`);
    expect(relisted).toMatchObject({ ok: true, symbol: markup, was: 'XLMUSDT' });
    type SymbolInfo = { symbol: string; baseAsset: string; quoteAsset: string; status: string; contractType: string };
    const listed = async () => (await getJson<{ symbols: SymbolInfo[] }>(`${exchange.binanceUrl}/fapi/v1/exchangeInfo`)).body.symbols;
    expect((await listed()).find((info) => info.symbol === markup)).toMatchObject({
      baseAsset: '<img src=x onerror=alert(1)>',
      quoteAsset: 'USDT',
      status: 'TRADING',
      contractType: 'PERPETUAL',
    });
    expect((await listed()).some((info) => info.symbol === 'XLMUSDT')).toBe(false);
    const premium = (await getJson<Array<{ symbol: string }>>(`${exchange.binanceUrl}/fapi/v1/premiumIndex?symbol=${encodeURIComponent(markup)}`)).body;
    expect(premium).toMatchObject({ symbol: markup });
    const socket = await open(`${binanceWs}/ws/!markPrice@arr@1s`);
    const marks = await socket.next<Array<{ s: string }>>((f) => Array.isArray(f) && f.some((row) => row.s === 'BTCUSDT'));
    expect(marks.some((row) => row.s === markup)).toBe(true);
    expect(marks.some((row) => row.s === 'XLMUSDT')).toBe(false);
    await post(exchange.controlUrl, '/reset');
    expect((await listed()).some((info) => info.symbol === 'XLMUSDT')).toBe(true);
    expect((await listed()).some((info) => info.symbol === markup)).toBe(false);
  });

  it('relists only a USDⓈ-M perpetual, under a free symbol that keeps its quote', async () => {
    const relist = (symbol: string, listedAs: string) =>
      post(exchange.controlUrl, `/relist?exchange=binance&symbol=${encodeURIComponent(symbol)}&as=${encodeURIComponent(listedAs)}`);
    expect(await relist('BTCUSD_PERP', 'XUSD_PERP')).toMatchObject({ ok: false });
    expect(await relist('XLMUSDT', 'XLMUSDC')).toMatchObject({ ok: false });
    expect(await relist('XLMUSDT', 'USDT')).toMatchObject({ ok: false });
    expect(await relist('XLMUSDT', 'BTCUSDT')).toMatchObject({ ok: false, error: 'BTCUSDT is already listed' });
    expect(await post(exchange.controlUrl, '/relist?exchange=okx&symbol=BTC-USDT-SWAP&as=X-USDT-SWAP')).toMatchObject({ ok: false });
    expect(await relist('XLMUSDT', '币安人生USDT')).toMatchObject({ ok: true, symbol: '币安人生USDT' });
  });

  it('counts the REST requests a venue got per path, whatever it answered, preflights apart, until /reset-requests', async () => {
    type Counted = { ok: boolean; exchange: string; since: number; counts: Record<string, number> };
    const counted = async (venue: string) => (await getJson<Counted>(`${exchange.controlUrl}/requests?exchange=${venue}`)).body;
    const before = Date.now();
    expect(await post(exchange.controlUrl, '/reset-requests')).toMatchObject({ ok: true, exchange: 'all' });
    await fetch(`${exchange.binanceUrl}/fapi/v1/fundingInfo`);
    await fetch(`${exchange.binanceUrl}/fapi/v1/fundingInfo`);
    await fetch(`${exchange.binanceUrl}/fapi/v1/premiumIndex?symbol=NOPEUSDT`);
    await fetch(`${exchange.binanceUrl}/fapi/v1/fundingInfo`, { method: 'OPTIONS' });
    await fetch(`${exchange.env.VITE_OKX_EEA_REST}/api/v5/public/time`);
    await fetch(`${exchange.okxUrl}/api/v5/public/time`);
    const binance = await counted('binance');
    expect(binance).toEqual({ ok: true, exchange: 'binance', since: expect.any(Number), counts: { '/fapi/v1/fundingInfo': 2, '/fapi/v1/premiumIndex': 1 } });
    expect(binance.since).toBeGreaterThanOrEqual(before);
    expect((await counted('okx')).counts).toEqual({ '/api/v5/public/time': 2 });

    await post(exchange.controlUrl, '/reset');
    expect((await counted('binance')).counts['/fapi/v1/fundingInfo']).toBe(2);
    expect(await post(exchange.controlUrl, '/reset-requests?exchange=binance')).toMatchObject({ ok: true, exchange: 'binance' });
    expect((await counted('binance')).counts).toEqual({});
    expect((await counted('okx')).counts).toEqual({ '/api/v5/public/time': 2 });
    expect((await getJson(`${exchange.controlUrl}/requests`)).body).toEqual({ ok: false, error: 'exchange must be binance or okx' });
    expect((await getJson(`${exchange.controlUrl}/requests?exchange=kraken`)).status).toBe(400);
    expect(await post(exchange.controlUrl, '/reset-requests?exchange=kraken')).toMatchObject({ ok: false });
  });

  it('rejects bad commands with 400 and unknown ones with 404', async () => {
    expect(await post(exchange.controlUrl, '/drop?exchange=kraken')).toMatchObject({ ok: false });
    expect(await post(exchange.controlUrl, '/funding?exchange=binance&symbol=NOPE&rate=0.1')).toMatchObject({ ok: false });
    expect((await fetch(`${exchange.controlUrl}/nothing`, { method: 'POST' })).status).toBe(404);
  });
});
