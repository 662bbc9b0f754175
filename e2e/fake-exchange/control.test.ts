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

  it('pins an expiry at flat call and put mark IVs on either venue, until /reset', async () => {
    const marks = async () => (await getJson<Array<{ symbol: string; markIV: string }>>(`${exchange.binanceUrl}/eapi/v1/mark`)).body;
    const expiryText = marks().then((rows) => rows.find((row) => row.symbol.startsWith('BTC-'))!.symbol.split('-')[1]!);
    const date = await expiryText;
    expect(await post(exchange.controlUrl, `/smile?exchange=binance&underlying=BTCUSDT&expiry=${date}&call=0.55&put=0.5`)).toMatchObject({ ok: true });
    const pinned = (await marks()).filter((row) => row.symbol.startsWith(`BTC-${date}-`));
    expect(pinned.length).toBeGreaterThan(4);
    for (const row of pinned) expect(Number(row.markIV)).toBe(row.symbol.endsWith('-C') ? 0.55 : 0.5);

    const summary = async () => (await getJson<any>(`${exchange.okxUrl}/api/v5/public/opt-summary?instFamily=BTC-USD`)).body.data as Array<{ instId: string; markVol: string }>;
    const okxDate = (await summary())[0]!.instId.split('-')[2]!;
    await post(exchange.controlUrl, `/smile?exchange=okx&underlying=BTC-USD&expiry=${okxDate}&call=0.7&put=0.6`);
    for (const row of (await summary()).filter((item) => item.instId.includes(`-${okxDate}-`))) expect(Number(row.markVol)).toBeCloseTo(row.instId.endsWith('-C') ? 0.7 : 0.6, 6);

    expect(await post(exchange.controlUrl, '/smile?exchange=okx&underlying=BTC-USD&expiry=990101&call=0.7&put=0.6')).toMatchObject({ ok: false });
    await post(exchange.controlUrl, '/reset');
    expect((await marks()).filter((row) => row.symbol.startsWith(`BTC-${date}-`)).some((row) => Number(row.markIV) !== 0.55 && Number(row.markIV) !== 0.5)).toBe(true);
  });

  it('pins one option’s bid and ask IVs on the tick, and freezes it out of the pushes, until cleared or /reset', async () => {
    type Mark = { symbol: string; bidIV: string; askIV: string; vega: string };
    const marks = async () => (await getJson<Mark[]>(`${exchange.binanceUrl}/eapi/v1/mark`)).body;
    // The call of most vega: a tick moves its IV least.
    const calls = (await marks()).filter((row) => row.symbol.startsWith('BTC-') && row.symbol.endsWith('-C'));
    const symbol = calls.reduce((best, row) => (Number(row.vega) > Number(best.vega) ? row : best)).symbol;
    const pinned = await post(exchange.controlUrl, `/option-quote?exchange=binance&symbol=${symbol}&bidIv=0.6&askIv=0.62`);
    // Binance's BTC options tick 5 USDT: the bid rounds down and the ask up, each IV the one that reprices its price.
    expect(pinned).toMatchObject({ ok: true, symbol });
    expect([(pinned.bid as number) % 5, (pinned.ask as number) % 5]).toEqual([0, 0]);
    const isPinnedBid = (iv: number) => iv <= 0.6 && iv > 0.59;
    const isPinnedAsk = (iv: number) => iv >= 0.62 && iv < 0.63;
    expect(isPinnedBid(pinned.bidVol as number) && isPinnedAsk(pinned.askVol as number)).toBe(true);
    const mark = (await marks()).find((row) => row.symbol === symbol)!;
    expect(isPinnedBid(Number(mark.bidIV)) && isPinnedAsk(Number(mark.askIV))).toBe(true);

    const socket = await open(`${binanceWs}/stream?streams=btcusdt@optionMarkPrice`);
    type Push = { stream: string; data: Array<{ s: string; b: string; a: string }> };
    const isPush = (frame: Push) => frame.stream === 'btcusdt@optionMarkPrice';
    const pushed = await socket.next<Push>(isPush);
    expect(isPinnedBid(Number(pushed.data.find((row) => row.s === symbol)!.b))).toBe(true);
    await post(exchange.controlUrl, `/option-quote?exchange=binance&symbol=${symbol}&freeze=1`);
    const held = (await marks()).find((row) => row.symbol === symbol)!;
    const frozen = await socket.next<Push>(isPush, 3000, socket.frames.length);
    expect(frozen.data.length).toBeGreaterThan(10);
    expect(frozen.data.some((row) => row.s === symbol)).toBe(false);
    // Held, not forgotten: REST still answers the quote as it stood, while the market moves on.
    expect((await marks()).find((row) => row.symbol === symbol)).toEqual(held);

    const summary = async () => (await getJson<any>(`${exchange.okxUrl}/api/v5/public/opt-summary?instFamily=BTC-USD`)).body.data as Array<{ instId: string; bidVol: string }>;
    const okxSymbol = (await summary())[0]!.instId;
    await post(exchange.controlUrl, `/option-quote?exchange=okx&symbol=${okxSymbol}&bidIv=0.4&askIv=0.45&freeze=1`);
    expect((await summary()).some((row) => row.instId === okxSymbol)).toBe(false);
    await post(exchange.controlUrl, `/option-quote?exchange=okx&symbol=${okxSymbol}&freeze=0`);
    expect(Number((await summary()).find((row) => row.instId === okxSymbol)!.bidVol)).toBeLessThanOrEqual(0.4);

    expect(await post(exchange.controlUrl, `/option-quote?exchange=binance&symbol=${symbol}&bidIv=0.6&askIv=0.5`)).toMatchObject({ ok: false });
    expect(await post(exchange.controlUrl, '/option-quote?exchange=okx&symbol=BTC-USD-990101-1-C&bidIv=0.5&askIv=0.6')).toMatchObject({ ok: false });
    await post(exchange.controlUrl, '/reset');
    const released = await socket.next<Push>(isPush, 3000, socket.frames.length);
    expect(isPinnedBid(Number(released.data.find((row) => row.s === symbol)!.b))).toBe(false);
  });

  it('streams OKX dated futures at a drawn basis, pins one through /future-mark and unpins it at /reset', async () => {
    const DAY = 86_400_000;
    const listed = (await getJson<any>(`${exchange.okxUrl}/api/v5/public/instruments?instType=FUTURES`)).body.data as Array<{ instId: string; expTime: string }>;
    const future = listed.find((record) => /^BTC-USD-\d{6}$/.test(record.instId))!;
    const basisOf = (markPx: string, idxPx: string, ts: string) => ((Number(markPx) / Number(idxPx) - 1) * 365 * DAY) / (Number(future.expTime) - Number(ts));
    const socket = await openOkx();
    socket.send({ op: 'subscribe', args: [{ channel: 'mark-price', instId: future.instId }, { channel: 'index-tickers', instId: 'BTC-USD' }] });
    /** The newest mark and index pushed in one cycle (the same ts): the index walks between cycles. */
    const basisPushed = async (): Promise<number> => {
      const from = socket.frames.length;
      let basis: number | null = null;
      await socket.until(() => {
        const pushes = socket.frames.slice(from).map((text) => JSON.parse(text)).filter((frame) => frame.data);
        const marks = pushes.filter((frame) => frame.arg.channel === 'mark-price').map((frame) => frame.data[0]);
        const indexes = pushes.filter((frame) => frame.arg.channel === 'index-tickers').map((frame) => frame.data[0]);
        const mark = marks.reverse().find((item) => indexes.some((index) => index.ts === item.ts));
        if (mark) basis = basisOf(mark.markPx, indexes.find((index) => index.ts === mark.ts).idxPx, mark.ts);
        return basis !== null;
      }, 5000);
      return basis!;
    };
    const [first] = (await socket.next<{ arg?: { channel: string }; data: Array<Record<string, string>> }>((f) => f.arg?.channel === 'mark-price' && !!f.data)).data;
    expect(first).toMatchObject({ instId: future.instId, instType: 'FUTURES' });
    const drawn = await basisPushed();
    expect(drawn).toBeGreaterThan(0.045);
    expect(drawn).toBeLessThan(0.105);

    expect(await post(exchange.controlUrl, `/future-mark?exchange=okx&symbol=${future.instId}&basis=0.0734`)).toMatchObject({ ok: true, basis: 0.0734 });
    expect(await basisPushed()).toBeCloseTo(0.0734, 4);
    const rest = async () => (await getJson<any>(`${exchange.okxUrl}/api/v5/public/mark-price?instType=FUTURES`)).body.data as Array<Record<string, string>>;
    expect((await rest()).map((item) => item.instId).sort()).toEqual(listed.map((record) => record.instId).sort());

    const binanceFuture = (await getJson<any>(`${exchange.binanceUrl}/fapi/v1/premiumIndex`)).body.find((row: any) => /^BTCUSDT_\d{6}$/.test(row.symbol));
    expect(await post(exchange.controlUrl, `/future-mark?exchange=binance&symbol=${binanceFuture.symbol}&basis=-0.02`)).toMatchObject({ ok: true });
    const binance = await open(`${binanceWs}/ws/!markPrice@arr@1s`);
    await sleep(300);
    const dated = await binance.next<Array<Record<string, string | number>>>((f) => Array.isArray(f) && f.some((row: any) => row.s === binanceFuture.symbol && row.E > Date.now() - 1000));
    const row = dated.find((item) => item.s === binanceFuture.symbol)!;
    expect(row).toMatchObject({ r: '0.00000000', T: 0 });
    const expiry = Date.UTC(2000 + Number(binanceFuture.symbol.slice(-6, -4)), Number(binanceFuture.symbol.slice(-4, -2)) - 1, Number(binanceFuture.symbol.slice(-2)), 8);
    expect(((Number(row.p) / Number(row.i) - 1) * 365 * DAY) / (expiry - Number(row.E))).toBeCloseTo(-0.02, 3);

    expect(await post(exchange.controlUrl, '/future-mark?exchange=okx&symbol=BTC-USDT-261225&basis=0.05')).toMatchObject({ ok: false });
    expect(await post(exchange.controlUrl, '/future-mark?exchange=binance&symbol=BTCUSDT&basis=0.05')).toMatchObject({ ok: false });
    await post(exchange.controlUrl, '/reset');
    expect(await basisPushed()).toBeCloseTo(drawn, 4);
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
    type Counted = { ok: boolean; exchange: string; since: number; counts: Record<string, number>; statuses: Record<string, number> };
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
    expect(binance).toEqual({
      ok: true,
      exchange: 'binance',
      since: expect.any(Number),
      counts: { '/fapi/v1/fundingInfo': 2, '/fapi/v1/premiumIndex': 1 },
      statuses: { '200': 2, '400': 1 },
    });
    expect(binance.since).toBeGreaterThanOrEqual(before);
    expect((await counted('okx')).counts).toEqual({ '/api/v5/public/time': 2 });

    await post(exchange.controlUrl, '/reset');
    expect((await counted('binance')).counts['/fapi/v1/fundingInfo']).toBe(2);
    expect(await post(exchange.controlUrl, '/reset-requests?exchange=binance')).toMatchObject({ ok: true, exchange: 'binance' });
    expect((await counted('binance')).counts).toEqual({});
    expect((await counted('binance')).statuses).toEqual({});
    expect((await counted('okx')).counts).toEqual({ '/api/v5/public/time': 2 });
    expect((await getJson(`${exchange.controlUrl}/requests`)).body).toEqual({ ok: false, error: 'exchange must be binance or okx' });
    expect((await getJson(`${exchange.controlUrl}/requests?exchange=kraken`)).status).toBe(400);
    expect(await post(exchange.controlUrl, '/reset-requests?exchange=kraken')).toMatchObject({ ok: false });
  });

  it('counts the answers by status: a 429 once fundingRate and fundingInfo pass 500 in a window', async () => {
    await post(exchange.controlUrl, '/reset-requests?exchange=binance');
    let sent = 0;
    // The window is a fixed 5 minutes: one that turns meanwhile takes up to 500 more before the first 429.
    for (let status = 200; status !== 429 && sent < 1_001; sent++) {
      const path = sent === 0 ? 'fundingInfo' : 'fundingRate?symbol=BTCUSDT&limit=1';
      status = (await fetch(`${exchange.binanceUrl}/fapi/v1/${path}`)).status;
    }
    const { body } = await getJson<{ counts: Record<string, number>; statuses: Record<string, number> }>(`${exchange.controlUrl}/requests?exchange=binance`);
    expect(body.statuses).toEqual({ '200': sent - 1, '429': 1 });
    expect(body.counts['/fapi/v1/fundingInfo']! + body.counts['/fapi/v1/fundingRate']!).toBe(sent);
  });

  it('pins a book exactly on either venue: depth, bookTicker, books and tickers serve it until /reset', async () => {
    const binance = await post(exchange.controlUrl, '/book?exchange=binance&symbol=BTCUSDT&bids=95000.0:1.5,94999.9:2&asks=95000.1:0.25,95000.5:3');
    expect(binance).toEqual({
      ok: true,
      exchange: 'binance',
      symbol: 'BTCUSDT',
      sizeUnit: 'base',
      bids: [{ price: 95000, size: 1.5 }, { price: 94999.9, size: 2 }],
      asks: [{ price: 95000.1, size: 0.25 }, { price: 95000.5, size: 3 }],
    });
    const depth = (await getJson<{ bids: string[][]; asks: string[][]; lastUpdateId: number }>(`${exchange.binanceUrl}/fapi/v1/depth?symbol=BTCUSDT&limit=1000`)).body;
    expect([depth.bids, depth.asks]).toEqual([[['95000.0', '1.500'], ['94999.9', '2.000']], [['95000.1', '0.250'], ['95000.5', '3.000']]]);
    const top = (await getJson<Record<string, unknown>>(`${exchange.binanceUrl}/fapi/v1/ticker/bookTicker?symbol=BTCUSDT`)).body;
    expect(top).toMatchObject({ bidPrice: '95000.0', bidQty: '1.500', askPrice: '95000.1', askQty: '0.250', lastUpdateId: depth.lastUpdateId });

    expect(await post(exchange.controlUrl, '/book?exchange=okx&symbol=ETH-USDT-SWAP&bids=3000.12:10,3000.11:25.5&asks=3000.13:7')).toMatchObject({ ok: true, sizeUnit: 'contracts' });
    const books = (await getJson<{ data: Array<{ bids: string[][]; asks: string[][] }> }>(`${exchange.okxUrl}/api/v5/market/books?instId=ETH-USDT-SWAP&sz=5`)).body.data[0]!;
    expect(books.bids.map((level) => level.slice(0, 3))).toEqual([['3000.12', '10', '0'], ['3000.11', '25.5', '0']]);
    expect(books.asks.map((level) => level.slice(0, 3))).toEqual([['3000.13', '7', '0']]);
    const ticker = (await getJson<{ data: Array<Record<string, string>> }>(`${exchange.okxUrl}/api/v5/market/ticker?instId=ETH-USDT-SWAP`)).body.data[0]!;
    expect([ticker.bidPx, ticker.bidSz, ticker.askPx, ticker.askSz]).toEqual(['3000.12', '10', '3000.13', '7']);

    await post(exchange.controlUrl, '/reset');
    expect((await getJson<{ bids: string[][] }>(`${exchange.binanceUrl}/fapi/v1/depth?symbol=BTCUSDT`)).body.bids).toHaveLength(500);
  });

  it('lays a book out from a spread in bps and a depth per level in USD around the mark', async () => {
    const mark = Number((await getJson<{ data: Array<{ markPx: string }> }>(`${exchange.okxUrl}/api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP`)).body.data[0]!.markPx);
    type Level = { price: number; size: number };
    const laid = (await post(exchange.controlUrl, '/book?exchange=okx&symbol=BTC-USDT-SWAP&spreadBps=2&depthUsd=50000&levels=10&stepBps=1')) as { bids: Level[]; asks: Level[] };
    expect([laid.bids.length, laid.asks.length]).toEqual([10, 10]);
    const [bid, ask] = [laid.bids[0]!.price, laid.asks[0]!.price];
    // Two bps of the mark, to the tick (0.1).
    expect(Math.abs((ask - bid) / ((ask + bid) / 2) * 1e4 - 2)).toBeLessThan(0.02);
    expect(Math.abs((ask + bid) / 2 / mark - 1)).toBeLessThan(0.001);
    expect(Math.abs(laid.bids[0]!.price - laid.bids[1]!.price - mark * 1e-4)).toBeLessThan(0.11);
    for (const level of [...laid.bids, ...laid.asks]) expect(Math.abs(level.size * 0.01 * level.price - 50_000)).toBeLessThan(0.006 * level.price);
    const books = (await getJson<{ data: Array<{ bids: string[][] }> }>(`${exchange.okxUrl}/api/v5/market/books?instId=BTC-USDT-SWAP&sz=400`)).body.data[0]!;
    expect(books.bids.map((level) => [Number(level[0]), Number(level[1])])).toEqual(laid.bids.map((level) => [level.price, level.size]));
  });

  it('refuses a book it could not serve exactly', async () => {
    const book = (query: string) => post(exchange.controlUrl, `/book?${query}`);
    const btc = 'exchange=binance&symbol=BTCUSDT';
    expect(await book(btc)).toEqual({ ok: false, error: 'give either bids and asks, or spreadBps and depthUsd' });
    expect(await book(`${btc}&bids=95000.0:1&asks=95000.1:1&spreadBps=2`)).toMatchObject({ ok: false });
    expect(await book(`${btc}&bids=95000.05:1&asks=95000.1:1`)).toEqual({ ok: false, error: 'bids price 95000.05 must be a positive number with at most 1 decimals' });
    expect(await book(`${btc}&bids=95000.0:1.0001&asks=95000.1:1`)).toMatchObject({ ok: false });
    expect(await book(`${btc}&bids=94999.0:1,95000.0:1&asks=95000.1:1`)).toMatchObject({ ok: false, error: 'bids must run best first, each price below the one before' });
    expect(await book(`${btc}&bids=95000.2:1&asks=95000.1:1`)).toEqual({ ok: false, error: 'the best bid must be below the best ask' });
    expect(await book(`${btc}&bids=95000.0&asks=95000.1:1`)).toMatchObject({ ok: false });
    expect(await book(`${btc}&bids=95000.0:-1&asks=95000.1:1`)).toMatchObject({ ok: false });
    expect(await book(`${btc}&bids=95000.0:1`)).toMatchObject({ ok: false });
    expect(await book('exchange=okx&symbol=BTC-USD-SWAP&bids=95000.0:1.5&asks=95000.1:1')).toMatchObject({ ok: false });
    for (const shape of ['spreadBps=0&depthUsd=1000', 'spreadBps=2&depthUsd=-5', 'spreadBps=2&depthUsd=1000&levels=1001', 'spreadBps=2&depthUsd=1000&levels=2.5', 'spreadBps=two&depthUsd=1000', 'spreadBps=2']) {
      expect(await book(`${btc}&${shape}`)).toMatchObject({ ok: false });
    }
    expect(await book('exchange=binance&symbol=BTCUSD_PERP&spreadBps=2&depthUsd=1000')).toMatchObject({ ok: false });
    expect(await book('exchange=okx&symbol=NOPE-USDT-SWAP&spreadBps=2&depthUsd=1000')).toMatchObject({ ok: false });
  });

  it('pins open interest in the base asset on either venue until /reset', async () => {
    expect(await post(exchange.controlUrl, '/open-interest?exchange=binance&symbol=BTCUSDT&openInterest=12345.678')).toEqual({
      ok: true,
      exchange: 'binance',
      symbol: 'BTCUSDT',
      openInterest: 12345.678,
    });
    expect((await getJson<{ openInterest: string }>(`${exchange.binanceUrl}/fapi/v1/openInterest?symbol=BTCUSDT`)).body.openInterest).toBe('12345.678');
    await post(exchange.controlUrl, '/open-interest?exchange=okx&symbol=BTC-USDT-SWAP&openInterest=1500');
    const okx = (await getJson<{ data: Array<Record<string, string>> }>(`${exchange.okxUrl}/api/v5/public/open-interest?instType=SWAP&instId=BTC-USDT-SWAP`)).body.data[0]!;
    expect([okx.oi, okx.oiCcy]).toEqual(['150000', '1500']);
    const mark = Number((await getJson<{ data: Array<{ markPx: string }> }>(`${exchange.okxUrl}/api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP`)).body.data[0]!.markPx);
    expect(Number(okx.oiUsd) / (1500 * mark)).toBeCloseTo(1, 2);
    for (const value of ['-1', 'lots', '']) {
      expect(await post(exchange.controlUrl, `/open-interest?exchange=okx&symbol=BTC-USDT-SWAP&openInterest=${value}`)).toMatchObject({ ok: false });
    }
    expect(await post(exchange.controlUrl, '/open-interest?exchange=binance&symbol=NOPEUSDT&openInterest=1')).toMatchObject({ ok: false });
    await post(exchange.controlUrl, '/reset');
    expect((await getJson<{ openInterest: string }>(`${exchange.binanceUrl}/fapi/v1/openInterest?symbol=BTCUSDT`)).body.openInterest).not.toBe('12345.678');
  });

  it('lists the interval changes in the history, which fundingRate, funding-rate-history and fundingInfo all show', async () => {
    type Change = { symbol: string; at: number; fromHours: number; toHours: number };
    const changes = (await getJson<{ ok: boolean; binance: Change[]; okx: Change[] }>(`${exchange.controlUrl}/interval-changes`)).body;
    expect(changes.ok).toBe(true);
    const hours = (later: number, earlier: number) => Math.round((later - earlier) / 3_600_000);
    const eightToFour = (list: Change[]) => list.find((change) => change.fromHours === 8 && change.toHours === 4)!;
    const onBinance = eightToFour(changes.binance);
    expect(Date.now() - onBinance.at).toBeLessThan(30 * 86_400_000);
    const rows = (await getJson<Array<{ fundingTime: number }>>(`${exchange.binanceUrl}/fapi/v1/fundingRate?symbol=${onBinance.symbol}&startTime=${onBinance.at - 2 * 86_400_000}&limit=20`)).body;
    const gaps = rows.slice(1).map((row, index) => hours(row.fundingTime, rows[index]!.fundingTime));
    expect(gaps).toEqual([...Array(6).fill(8), ...Array(13).fill(4)]);
    const info = (await getJson<Array<{ symbol: string; fundingIntervalHours: number; updateTime: number }>>(`${exchange.binanceUrl}/fapi/v1/fundingInfo`)).body;
    expect(info.find((row) => row.symbol === onBinance.symbol)).toMatchObject({ fundingIntervalHours: 4, updateTime: onBinance.at });

    const onOkx = eightToFour(changes.okx);
    const history = (await getJson<{ data: Array<{ fundingTime: string }> }>(`${exchange.okxUrl}/api/v5/public/funding-rate-history?instId=${onOkx.symbol}&after=${onOkx.at + 4 * 3_600_000 * 3 + 1}&limit=6`)).body.data;
    expect(history.map((row) => Number(row.fundingTime))).toEqual([3, 2, 1, 0].map((n) => onOkx.at + n * 4 * 3_600_000).concat([onOkx.at - 8 * 3_600_000, onOkx.at - 16 * 3_600_000]));
  });

  it('changes a perpetual\'s interval daysAgo on either venue: history, fundingInfo and the live rate follow', async () => {
    const changed = await post(exchange.controlUrl, '/interval-change?exchange=binance&symbol=ETHUSDT&fromHours=8&toHours=4&daysAgo=12');
    const at = Math.floor((Date.now() - 12 * 86_400_000) / (8 * 3_600_000)) * 8 * 3_600_000;
    expect(changed).toMatchObject({ ok: true, exchange: 'binance', symbol: 'ETHUSDT', fromHours: 8, toHours: 4 });
    expect(Math.abs(Number(changed.at) - at)).toBeLessThanOrEqual(8 * 3_600_000);
    expect(Number(changed.nextFundingTime) % (4 * 3_600_000)).toBe(0);
    const rows = (await getJson<Array<{ fundingTime: number }>>(`${exchange.binanceUrl}/fapi/v1/fundingRate?symbol=ETHUSDT&startTime=${Number(changed.at) - 16 * 3_600_000}&limit=5`)).body;
    expect(rows.slice(1).map((row, index) => Math.round((row.fundingTime - rows[index]!.fundingTime) / 3_600_000))).toEqual([8, 8, 4, 4]);
    const info = (await getJson<Array<{ symbol: string; fundingIntervalHours: number; updateTime: number }>>(`${exchange.binanceUrl}/fapi/v1/fundingInfo`)).body;
    expect(info.find((row) => row.symbol === 'ETHUSDT')).toMatchObject({ fundingIntervalHours: 4, updateTime: changed.at });
    const premium = (await getJson<{ nextFundingTime: number }>(`${exchange.binanceUrl}/fapi/v1/premiumIndex?symbol=ETHUSDT`)).body;
    expect(premium.nextFundingTime).toBe(changed.nextFundingTime);
    const listed = (await getJson<{ binance: Array<{ symbol: string }> }>(`${exchange.controlUrl}/interval-changes`)).body.binance;
    expect(listed.map((change) => change.symbol)).toContain('ETHUSDT');

    const okx = await post(exchange.controlUrl, '/interval-change?exchange=okx&symbol=SOL-USDT-SWAP&fromHours=8&toHours=6&daysAgo=3');
    expect(okx).toMatchObject({ ok: true, fromHours: 8, toHours: 6 });
    const rate = (await getJson<{ data: Array<Record<string, string>> }>(`${exchange.okxUrl}/api/v5/public/funding-rate?instId=SOL-USDT-SWAP`)).body.data[0]!;
    expect(Number(rate.nextFundingTime) - Number(rate.fundingTime)).toBe(6 * 3_600_000);
    const history = (await getJson<{ data: Array<{ fundingTime: string }> }>(`${exchange.okxUrl}/api/v5/public/funding-rate-history?instId=SOL-USDT-SWAP&after=${Number(okx.at) + 1}&limit=2`)).body.data;
    expect(history.map((row) => Number(row.fundingTime))).toEqual([Number(okx.at), Number(okx.at) - 8 * 3_600_000]);

    const bad = (query: string) => post(exchange.controlUrl, `/interval-change?${query}`);
    expect(await bad('exchange=okx&symbol=SOL-USDT-SWAP&fromHours=8&toHours=3&daysAgo=3')).toEqual({ ok: false, error: 'toHours must be one of 1, 2, 4, 6, 8' });
    expect(await bad('exchange=binance&symbol=SOLUSDT&fromHours=8&toHours=6&daysAgo=3')).toEqual({ ok: false, error: 'toHours must be one of 1, 2, 4, 8' });
    expect(await bad('exchange=binance&symbol=SOLUSDT&fromHours=8&toHours=8&daysAgo=3')).toMatchObject({ ok: false, error: 'fromHours and toHours must differ' });
    for (const daysAgo of ['0', '-1', '45', 'soon', '']) expect(await bad(`exchange=binance&symbol=SOLUSDT&fromHours=8&toHours=4&daysAgo=${daysAgo}`)).toMatchObject({ ok: false });
    expect(await bad('exchange=binance&symbol=BTCUSDT_261225&fromHours=8&toHours=4&daysAgo=3')).toMatchObject({ ok: false });
    expect(await bad('exchange=binance&symbol=BTCUSD_PERP&fromHours=8&toHours=4&daysAgo=3')).toMatchObject({ ok: false });
    expect(await bad('exchange=kraken&symbol=SOLUSDT&fromHours=8&toHours=4&daysAgo=3')).toMatchObject({ ok: false });
  });

  it('rejects bad commands with 400 and unknown ones with 404', async () => {
    expect(await post(exchange.controlUrl, '/drop?exchange=kraken')).toMatchObject({ ok: false });
    expect(await post(exchange.controlUrl, '/funding?exchange=binance&symbol=NOPE&rate=0.1')).toMatchObject({ ok: false });
    expect((await fetch(`${exchange.controlUrl}/nothing`, { method: 'POST' })).status).toBe(404);
  });
});
