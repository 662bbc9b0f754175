import ccxt, { type Exchange } from 'ccxt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeExchange, type FakeExchange } from './server.ts';

/**
 * ccxt (a client many traders run) pointed at the fake, its code unchanged: only the hosts in its
 * `urls.api` are swapped for loopback. What it asks for must be served as the venue serves it.
 */
const TEST_TIMEOUT_MS = 20_000;

let fake: FakeExchange;
const clients: Exchange[] = [];

beforeAll(async () => {
  // OKX's first funding push comes 30-90 s after a subscribe; a test waits for it, not a minute.
  fake = await startFakeExchange({ rate: 10, timing: { okxFirstFundingPushMs: [200, 800] } });
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await fake.close();
});

/** Every REST base in `urls.api` moved to `origin` (path kept), and the WebSocket base(s) given. */
function pointAt<T extends Exchange>(client: T, origin: string, sockets: Record<string, string> | string): T {
  const api = client.urls['api'] as Record<string, unknown>;
  for (const [name, url] of Object.entries(api)) {
    if (typeof url === 'string') api[name] = url.replace(/^https:\/\/[^/]+/, origin);
  }
  if (typeof sockets === 'string') api['ws'] = sockets;
  else Object.assign(api['ws'] as Record<string, unknown>, sockets);
  clients.push(client);
  return client;
}

/** ccxt's unified swap symbol for a USDT-margined perpetual. */
const BTC = 'BTC/USDT:USDT';

describe('ccxt binanceusdm against the fake', () => {
  let binance: InstanceType<typeof ccxt.pro.binanceusdm>;

  beforeAll(async () => {
    binance = pointAt(new ccxt.pro.binanceusdm({ timeout: 5_000 }), fake.binanceUrl, {
      // ccxt routes each stream to /market/ws or /public/ws from this base, as on fstream.binance.com.
      future: `${fake.binanceUrl.replace(/^http/, 'ws')}/ws`,
    });
    // ccxt's own requirement for plain ws:// hosts (the live ones are wss://).
    await binance.loadHttpProxyAgent();
  });

  it('loads the markets from exchangeInfo', { timeout: TEST_TIMEOUT_MS }, async () => {
    const markets = await binance.loadMarkets();
    expect(markets[BTC]).toMatchObject({ id: 'BTCUSDT', type: 'swap', linear: true, settle: 'USDT', active: true });
    expect(Object.values(markets).filter((market) => market?.swap).length).toBeGreaterThan(100);
  });

  it('fetches one funding rate and all of them from premiumIndex, and the intervals from fundingInfo', { timeout: TEST_TIMEOUT_MS }, async () => {
    const now = Date.now();
    const rate = await binance.fetchFundingRate(BTC);
    expect(rate).toMatchObject({ symbol: BTC, fundingRate: expect.any(Number) });
    expect(rate.markPrice).toBeGreaterThan(0);
    expect(rate.fundingTimestamp).toBeGreaterThan(now);
    const rates = await binance.fetchFundingRates();
    expect(Object.keys(rates).length).toBeGreaterThan(100);
    expect(rates[BTC]!.fundingRate).toEqual(expect.any(Number));
    const intervals = await binance.fetchFundingIntervals();
    const listed = (await (await fetch(`${fake.binanceUrl}/fapi/v1/fundingInfo`)).json()) as Array<{ symbol: string; fundingIntervalHours: number }>;
    const fourHourly = listed.find((row) => row.fundingIntervalHours === 4)!;
    const symbol = binance.safeSymbol(fourHourly.symbol, undefined, undefined, 'swap');
    expect(intervals[symbol]).toMatchObject({ symbol, interval: '4h' });
  });

  it('fetches the 24 h ticker and the best bid and ask', { timeout: TEST_TIMEOUT_MS }, async () => {
    const ticker = await binance.fetchTicker(BTC);
    expect(ticker.last).toBeGreaterThan(0);
    const [book] = Object.values(await binance.fetchBidsAsks([BTC]));
    expect(book!.bid).toBeGreaterThan(0);
    expect(book!.ask).toBeGreaterThan(book!.bid!);
    expect(book!.bidVolume).toBeGreaterThan(0);
  });

  it('fetches the order book from depth at a valid limit, and hears the venue refuse any other', { timeout: TEST_TIMEOUT_MS }, async () => {
    const book = await binance.fetchOrderBook(BTC, 5);
    expect([book.bids.length, book.asks.length]).toEqual([5, 5]);
    const [[bestBid, bidAmount], [bestAsk]] = [book.bids[0]!, book.asks[0]!];
    expect(bestBid).toBeLessThan(bestAsk!);
    expect(bidAmount).toBeGreaterThan(0);
    expect(book.nonce).toBeGreaterThan(0);
    expect((await binance.fetchOrderBook(BTC)).bids).toHaveLength(500);
    await expect(binance.fetchOrderBook(BTC, 7)).rejects.toThrow(/7 is not valid depth limit/);
  });

  it('fetches the open interest of one symbol in the base asset', { timeout: TEST_TIMEOUT_MS }, async () => {
    const interest = await binance.fetchOpenInterest(BTC);
    expect(interest.symbol).toBe(BTC);
    expect(interest.openInterestAmount).toBeGreaterThan(1000);
    expect(interest.timestamp).toBeGreaterThan(Date.now() - 60_000);
  });

  it('fetches funding history, a changed interval showing in its gaps', { timeout: TEST_TIMEOUT_MS }, async () => {
    const recent = await binance.fetchFundingRateHistory(BTC, undefined, 10);
    expect(recent).toHaveLength(10);
    for (const row of recent) expect(row).toMatchObject({ symbol: BTC, fundingRate: expect.any(Number) });
    const changes = (await (await fetch(`${fake.controlUrl}/interval-changes`)).json()) as { binance: Array<{ symbol: string; at: number; fromHours: number; toHours: number }> };
    const change = changes.binance.find((candidate) => candidate.fromHours === 8 && candidate.toHours === 4)!;
    const symbol = binance.safeSymbol(change.symbol, undefined, undefined, 'swap');
    const rows = await binance.fetchFundingRateHistory(symbol, change.at - 86_400_000, 7);
    const gaps = rows.slice(1).map((row, index) => Math.round((row.timestamp! - rows[index]!.timestamp!) / 3_600_000));
    expect(gaps).toEqual([8, 8, 8, 4, 4, 4]);
  });

  it('streams the mark price and the funding rate with watchMarkPrice', { timeout: TEST_TIMEOUT_MS }, async () => {
    const first = await binance.watchMarkPrice(BTC);
    const second = await binance.watchMarkPrice(BTC);
    for (const push of [first, second]) {
      expect(push.symbol).toBe(BTC);
      expect(push.markPrice).toBeGreaterThan(0);
      expect(push.indexPrice).toBeGreaterThan(0);
      const { r, T } = push.info as { r: string; T: number };
      expect(Number.isFinite(Number(r)) && r !== '').toBe(true);
      expect(T).toBeGreaterThan(Date.now());
    }
    expect(second.timestamp).toBeGreaterThan(first.timestamp!);
  });

  it('streams the 24 h ticker with watchTicker', { timeout: TEST_TIMEOUT_MS }, async () => {
    const ticker = await binance.watchTicker(BTC);
    expect(ticker.symbol).toBe(BTC);
    expect(ticker.last).toBeGreaterThan(0);
    expect(ticker.quoteVolume).toBeGreaterThan(0);
  });
});

describe('ccxt okx against the fake', () => {
  /** ccxt okx's calls are quick against loopback: a few seconds bound each one. */
  const OKX_TIMEOUT_MS = 5_000;
  let okx: InstanceType<typeof ccxt.pro.okx>;

  beforeAll(async () => {
    // ccxt opens `<ws>/public` and `<ws>/business` from this base, as on ws.okx.com:8443/ws/v5.
    okx = pointAt(new ccxt.pro.okx({ timeout: 5_000 }), fake.okxUrl, `${fake.okxUrl.replace(/^http/, 'ws')}/ws/v5`);
    await okx.loadHttpProxyAgent();
  });

  it('loads spot pairs, swaps, dated futures and options from instruments', { timeout: OKX_TIMEOUT_MS }, async () => {
    const markets = await okx.loadMarkets();
    const listed = Object.values(markets).filter((market): market is NonNullable<typeof market> => market !== undefined);
    expect(markets[BTC]).toMatchObject({ id: 'BTC-USDT-SWAP', type: 'swap', linear: true, settle: 'USDT', active: true, contractSize: 0.01 });
    expect(markets['BTC/USDT']).toMatchObject({ id: 'BTC-USDT', type: 'spot', base: 'BTC', quote: 'USDT', active: true, precision: { price: 0.1 } });
    expect(markets['ETH/USDT']).toMatchObject({ id: 'ETH-USDT', type: 'spot', precision: { price: 0.01 } });
    const swaps = listed.filter((market) => market.swap);
    expect(swaps.length).toBeGreaterThan(200);
    // Every swap's index is a spot pair OKX lists.
    for (const swap of swaps) expect(markets[`${swap.base}/${swap.quote}`]?.spot).toBe(true);
    const futures = listed.filter((market) => market.future);
    expect(futures.map((future) => future.id!.replace(/\d{6}$/, 'YYMMDD')).sort()).toEqual(
      ['BTC-USD-YYMMDD', 'BTC-USD-YYMMDD', 'BTC-USD_UM-YYMMDD', 'BTC-USD_UM-YYMMDD', 'ETH-USD-YYMMDD', 'ETH-USD-YYMMDD', 'ETH-USD_UM-YYMMDD', 'ETH-USD_UM-YYMMDD'],
    );
    const nearest = (prefix: string) => futures.filter((future) => future.id!.startsWith(prefix)).sort((a, b) => a.expiry! - b.expiry!)[0]!;
    const [inverse, linear] = [nearest('BTC-USD-'), nearest('BTC-USD_UM-')];
    expect(inverse).toMatchObject({ inverse: true, settle: 'BTC', contractSize: 100, symbol: `BTC/USD:BTC-${inverse.id!.slice(-6)}` });
    expect(linear).toMatchObject({ linear: true, settle: 'USD', contractSize: 0.01, expiry: inverse.expiry });
    expect(new Date(inverse.expiry!).getUTCDay()).toBe(5);
    expect(inverse.expiry).toBeGreaterThan(Date.now());
    expect(listed.filter((market) => market.option && market.base === 'ETH').length).toBeGreaterThan(50);
  });

  it('fetches one funding rate, and every swap\'s with instId=ANY', { timeout: OKX_TIMEOUT_MS }, async () => {
    const now = Date.now();
    const rate = await okx.fetchFundingRate(BTC);
    expect(rate).toMatchObject({ symbol: BTC, fundingRate: expect.any(Number), interval: '8h', nextFundingRate: undefined });
    expect(rate.fundingTimestamp).toBeGreaterThan(now);
    const rates = await okx.fetchFundingRates();
    expect(Object.keys(rates).length).toBe(Object.values(okx.markets ?? {}).filter((market) => market?.swap).length);
    expect(rates['ETH/USDT:USDT']!.fundingRate).toEqual(expect.any(Number));
  });

  it('fetches the order book in contracts (100 levels by default) and the ticker\'s bid and ask', { timeout: OKX_TIMEOUT_MS }, async () => {
    const book = await okx.fetchOrderBook(BTC);
    expect([book.bids.length, book.asks.length]).toEqual([100, 100]);
    expect(book.bids[0]![0]).toBeLessThan(book.asks[0]![0]!);
    expect(book.timestamp! % 1000).toBe(0);
    expect((await okx.fetchOrderBook(BTC, 400)).bids).toHaveLength(400);
    const ticker = await okx.fetchTicker(BTC);
    expect(ticker.ask).toBeGreaterThan(ticker.bid!);
    // Within a few bps of the book, which may have moved by a second.
    expect(Math.abs(ticker.bid! / book.bids[0]![0]! - 1)).toBeLessThan(0.002);
  });

  it('fetches the open interest in contracts, coins and USD', { timeout: OKX_TIMEOUT_MS }, async () => {
    const interest = await okx.fetchOpenInterest(BTC);
    expect(interest.symbol).toBe(BTC);
    expect(interest.openInterestAmount).toBeGreaterThan(100_000);
    expect(interest.openInterestValue! / (interest.openInterestAmount! * 0.01)).toBeGreaterThan(50_000);
    expect(interest.openInterestValue! / (interest.openInterestAmount! * 0.01)).toBeLessThan(150_000);
  });

  it('fetches funding history, a changed interval showing in its gaps', { timeout: OKX_TIMEOUT_MS }, async () => {
    const recent = await okx.fetchFundingRateHistory(BTC, undefined, 10);
    expect(recent).toHaveLength(10);
    for (let i = 1; i < recent.length; i++) expect(recent[i]!.timestamp! - recent[i - 1]!.timestamp!).toBe(8 * 3_600_000);
    const changes = (await (await fetch(`${fake.controlUrl}/interval-changes`)).json()) as { okx: Array<{ symbol: string; at: number; fromHours: number; toHours: number }> };
    const change = changes.okx.find((candidate) => candidate.fromHours === 8 && candidate.toHours === 4)!;
    const symbol = okx.safeSymbol(change.symbol);
    const rows = await okx.fetchFundingRateHistory(symbol, undefined, 6, { after: String(change.at + 3 * 4 * 3_600_000 + 1) });
    expect(rows.map((row) => (row.timestamp! - change.at) / 3_600_000)).toEqual([-16, -8, 0, 4, 8, 12]);
  });

  it('streams the mark price with watchMarkPrice', { timeout: OKX_TIMEOUT_MS }, async () => {
    const first = await okx.watchMarkPrice(BTC);
    const second = await okx.watchMarkPrice(BTC);
    for (const push of [first, second]) {
      expect(push.symbol).toBe(BTC);
      expect(push.markPrice).toBeGreaterThan(0);
    }
    expect(second.timestamp).toBeGreaterThan(first.timestamp!);
  });

  it('streams the funding rate with watchFundingRate', { timeout: OKX_TIMEOUT_MS }, async () => {
    const pushed = await okx.watchFundingRate(BTC);
    expect(pushed).toMatchObject({ symbol: BTC, fundingRate: expect.any(Number), interval: '8h' });
    expect(pushed.fundingTimestamp).toBeGreaterThan(Date.now());
    expect((pushed.info as { settFundingRate: string }).settFundingRate).toMatch(/^-?\d/);
  });

  it('streams the 24 h ticker with watchTicker', { timeout: OKX_TIMEOUT_MS }, async () => {
    const ticker = await okx.watchTicker(BTC);
    expect(ticker.symbol).toBe(BTC);
    expect(ticker.last).toBeGreaterThan(0);
    expect(ticker.ask).toBeGreaterThan(ticker.bid!);
  });
});
