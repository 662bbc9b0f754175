import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeExchange, type FakeExchange } from './server.ts';
import { getJson, sleep } from './testSupport.ts';
import liveFundingPush from '../../src/feeds/okx/fixtures/okx-funding-rate-push.json';
import liveSwapEntry from '../../src/feeds/okx/fixtures/okx-instruments-swap-entry.json';

type Envelope<T = Record<string, string>> = { code: string; msg: string; data: T[] };

let exchange: FakeExchange;
let rest: string;

/** OKX allows about 20 requests per 2 s per endpoint; pace the calls like a well-behaved client. */
async function okx<T = Record<string, string>>(path: string): Promise<{ status: number; body: Envelope<T>; headers: Headers }> {
  await sleep(110);
  return getJson<Envelope<T>>(`${rest}${path}`);
}

beforeAll(async () => {
  exchange = await startFakeExchange({ rate: 10 });
  rest = exchange.okxUrl;
});
afterAll(() => exchange.close());

describe('OKX REST', () => {
  it('wraps answers in {code:"0",msg:"",data} with CORS', async () => {
    const time = await okx('/api/v5/public/time');
    expect(time.body).toEqual({ code: '0', msg: '', data: [{ ts: expect.stringMatching(/^\d{13}$/) }] });
    expect(time.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('lists swaps and options, with errors in the envelope', async () => {
    const swaps = await okx('/api/v5/public/instruments?instType=SWAP');
    expect(swaps.body.data.length).toBeGreaterThanOrEqual(240);
    expect((await okx('/api/v5/public/instruments?instType=SWAP&instFamily=BTC-USD')).body.data.map((row) => row.instId)).toEqual(['BTC-USD-SWAP']);
    const options = await okx('/api/v5/public/instruments?instType=OPTION&instFamily=ETH-USD');
    expect(options.body.data.every((row) => row.instId!.startsWith('ETH-USD-'))).toBe(true);
    expect((await okx<string[]>('/api/v5/public/underlying?instType=OPTION')).body).toEqual({ code: '0', msg: '', data: [['BTC-USD', 'ETH-USD']] });
    expect((await okx<string[]>('/api/v5/public/underlying?instType=SWAP')).body.data[0]).toEqual(expect.arrayContaining(['BTC-USDT', 'BTC-USD', 'BTC-USDC']));
    expect((await okx('/api/v5/public/underlying')).body).toMatchObject({ code: '50014', data: [] });
    expect((await okx('/api/v5/public/instruments')).body).toMatchObject({ code: '50014', data: [] });
    expect((await okx('/api/v5/public/funding-rate?instId=NOPE-USDT-SWAP')).body).toMatchObject({ code: '51001', data: [] });
  });

  it('serves every swap in the live record shapes: instruments, and funding-rate?instId=ANY', async () => {
    const swaps = (await okx<Record<string, unknown>>('/api/v5/public/instruments?instType=SWAP')).body.data;
    expect(Object.keys(swaps[0]!)).toEqual(Object.keys(liveSwapEntry));
    expect(swaps.find((swap) => swap.instId === 'BTC-USDT-SWAP')).toMatchObject({ instIdCode: expect.any(Number), futureSettlement: false, upcChg: [], uly: 'BTC-USDT' });
    const funding = (await okx('/api/v5/public/funding-rate?instId=ANY')).body.data;
    expect(funding.map((row) => row.instId).sort()).toEqual(swaps.map((swap) => swap.instId).sort());
    for (const row of funding) {
      expect(Object.keys(row)).toEqual(Object.keys(liveFundingPush.data[0]!));
      expect(row.nextFundingRate).toBe('');
      expect([1, 2, 4, 6, 8].map((hours) => hours * 3_600_000)).toContain(Number(row.fundingTime) - Number(row.prevFundingTime));
    }
  });

  it('lists the indexes as SPOT pairs and the BTC and ETH quarterlies as FUTURES, in the live key set', async () => {
    const spot = (await okx<Record<string, unknown>>('/api/v5/public/instruments?instType=SPOT')).body.data;
    const swaps = (await okx<Record<string, unknown>>('/api/v5/public/instruments?instType=SWAP')).body.data;
    expect(spot.map((pair) => pair.instId).sort()).toEqual([...new Set(swaps.map((swap) => swap.uly))].sort());
    for (const pair of spot) expect(Object.keys(pair)).toEqual(Object.keys(liveSwapEntry));
    // The values OKX answered for BTC-USDT on 2026-09-25, where the fake's market does not choose them.
    expect(spot.find((pair) => pair.instId === 'BTC-USDT')).toMatchObject({
      instType: 'SPOT', baseCcy: 'BTC', quoteCcy: 'USDT', settleCcy: '', ctVal: '', uly: '', instFamily: '', expTime: '',
      tickSz: '0.1', lotSz: '0.00000001', minSz: '0.00001', maxLmtSz: '9999999999', tradeQuoteCcyList: ['USDT'], state: 'live',
    });
    expect((await okx('/api/v5/public/instruments?instType=SPOT&instId=ETH-USDT')).body.data.map((pair) => [pair.instId, pair.minSz])).toEqual([['ETH-USDT', '0.0001']]);
    const futures = (await okx<Record<string, unknown>>('/api/v5/public/instruments?instType=FUTURES')).body.data;
    for (const future of futures) expect(Object.keys(future)).toEqual(Object.keys(liveSwapEntry));
    const btc = futures.filter((future) => future.uly === 'BTC-USD');
    expect(btc.map((future) => [String(future.instId).replace(/\d{6}$/, 'YYMMDD'), future.alias, future.ctType, future.settleCcy])).toEqual([
      ['BTC-USD-YYMMDD', 'quarter', 'inverse', 'BTC'],
      ['BTC-USD_UM-YYMMDD', 'quarter', 'linear', 'USD'],
      ['BTC-USD-YYMMDD', 'next_quarter', 'inverse', 'BTC'],
      ['BTC-USD_UM-YYMMDD', 'next_quarter', 'linear', 'USD'],
    ]);
    const expiry = new Date(Number(btc[0]!.expTime));
    expect([expiry.getUTCDay(), expiry.getUTCHours(), expiry.getUTCMonth() % 3]).toEqual([5, 8, 2]);
    expect(String(btc[0]!.instId).slice(-6)).toBe(`${String(expiry.getUTCFullYear() % 100)}${String(expiry.getUTCMonth() + 1).padStart(2, '0')}${String(expiry.getUTCDate()).padStart(2, '0')}`);
    expect(futures.filter((future) => future.instFamily === 'ETH-USD_UM')).toHaveLength(2);
    expect((await okx('/api/v5/public/instruments?instType=MARGIN')).body).toMatchObject({ code: '51000', data: [] });
  });

  it('serves funding rates, mark prices and tickers that agree with each other', async () => {
    const funding = (await okx('/api/v5/public/funding-rate?instId=ETH-USDT-SWAP')).body.data[0]!;
    const interval = Number(funding.nextFundingTime) - Number(funding.fundingTime);
    expect([3_600_000, 2 * 3_600_000, 4 * 3_600_000, 8 * 3_600_000]).toContain(interval);
    // The cap and floor the rate moves between.
    const [floor, cap, rate] = [Number(funding.minFundingRate), Number(funding.maxFundingRate), Number(funding.fundingRate)];
    expect(floor).toBeLessThan(0);
    expect(cap).toBe(-floor);
    expect(rate).toBeGreaterThanOrEqual(floor);
    expect(rate).toBeLessThanOrEqual(cap);
    const mark = Number((await okx('/api/v5/public/mark-price?instType=SWAP&instId=ETH-USDT-SWAP')).body.data[0]!.markPx);
    const ticker = (await okx('/api/v5/market/ticker?instId=ETH-USDT-SWAP')).body.data[0]!;
    expect(Math.abs(Number(ticker.last) / mark - 1)).toBeLessThan(0.003);
    const all = await okx('/api/v5/market/tickers?instType=SWAP');
    expect(all.body.data.length).toBe((await okx('/api/v5/public/instruments?instType=SWAP')).body.data.length);
    const index = (await okx('/api/v5/market/index-tickers?instId=ETH-USDT')).body.data[0]!;
    expect(Math.abs(Number(index.idxPx) / mark - 1)).toBeLessThan(0.01);
  });

  it('serves books in contracts, [px, sz, "0", orders], 1 level by default and 400 at most, its top the ticker\'s bid and ask', async () => {
    type Book = { asks: string[][]; bids: string[][]; ts: string };
    const book = async (query: string) => (await okx<Book>(`/api/v5/market/books?instId=ETH-USDT-SWAP${query}`)).body;
    let deep = (await book('&sz=400')).data[0]!;
    let ticker = (await okx('/api/v5/market/ticker?instId=ETH-USDT-SWAP')).body.data[0]!;
    // One book a second: ask again if the two straddled a second.
    for (let i = 0; i < 5 && Math.floor(Number(ticker.ts) / 1000) * 1000 !== Number(deep.ts); i++) {
      deep = (await book('&sz=400')).data[0]!;
      ticker = (await okx('/api/v5/market/ticker?instId=ETH-USDT-SWAP')).body.data[0]!;
    }
    expect(Object.keys(deep)).toEqual(['asks', 'bids', 'ts']);
    expect([deep.asks.length, deep.bids.length]).toEqual([400, 400]);
    const [bestBid, bestAsk] = [deep.bids[0]!, deep.asks[0]!];
    expect([ticker.bidPx, ticker.bidSz, ticker.askPx, ticker.askSz]).toEqual([bestBid[0], bestBid[1], bestAsk[0], bestAsk[1]]);
    for (const level of [...deep.asks, ...deep.bids]) {
      expect(level).toHaveLength(4);
      expect(level[1]).toMatch(/^\d+(\.\d{1,2})?$/); // contracts, in lots of 0.01
      expect(level[2]).toBe('0');
      expect(Number(level[3])).toBeGreaterThanOrEqual(1);
    }
    for (let i = 1; i < 400; i++) expect(Number(deep.bids[i]![0])).toBeLessThan(Number(deep.bids[i - 1]![0]));
    const top = (await book('')).data[0]!;
    expect([top.asks.length, top.bids.length]).toEqual([1, 1]);
    expect(await book('&sz=401')).toMatchObject({ code: '51000', data: [] });
    expect(await book('&sz=0')).toMatchObject({ code: '51000' });
    expect((await okx('/api/v5/market/books')).body).toMatchObject({ code: '50014', data: [] });
    expect((await okx('/api/v5/market/books?instId=NOPE-USDT-SWAP')).body).toMatchObject({ code: '51001', data: [] });
    const inverse = (await okx<Book>('/api/v5/market/books?instId=BTC-USD-SWAP&sz=5')).body.data[0]!;
    for (const level of inverse.bids) expect(level[1]).toMatch(/^\d+$/); // inverse lots are whole contracts
  });

  it('serves open-interest for every swap in one call and for one, oi in contracts, oiCcy in the coin, oiUsd in USD', async () => {
    const all = (await okx('/api/v5/public/open-interest?instType=SWAP')).body.data;
    const swaps = (await okx('/api/v5/public/instruments?instType=SWAP')).body.data;
    expect(all.map((row) => row.instId).sort()).toEqual(swaps.map((swap) => swap.instId!).sort());
    let one = (await okx('/api/v5/public/open-interest?instType=SWAP&instId=BTC-USDT-SWAP')).body.data;
    let listed = (await okx('/api/v5/public/open-interest?instType=SWAP')).body.data.find((row) => row.instId === 'BTC-USDT-SWAP')!;
    // Open interest moves once a minute: ask again if the two straddled one.
    for (let i = 0; i < 3 && one[0]!.oi !== listed.oi; i++) {
      one = (await okx('/api/v5/public/open-interest?instType=SWAP&instId=BTC-USDT-SWAP')).body.data;
      listed = (await okx('/api/v5/public/open-interest?instType=SWAP')).body.data.find((row) => row.instId === 'BTC-USDT-SWAP')!;
    }
    expect(one).toHaveLength(1);
    const btc = one[0]!;
    expect(Object.keys(btc)).toEqual(['instId', 'instType', 'oi', 'oiCcy', 'oiUsd', 'ts']);
    // The same position count either way; its USD worth follows the mark between the calls.
    expect([btc.oi, btc.oiCcy]).toEqual([listed.oi, listed.oiCcy]);
    expect(Number(btc.oiUsd) / Number(listed.oiUsd)).toBeCloseTo(1, 2);
    expect(Number(btc.oiCcy)).toBeCloseTo(Number(btc.oi) * 0.01, 6);
    const mark = Number((await okx('/api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP')).body.data[0]!.markPx);
    expect(Number(btc.oiUsd) / (Number(btc.oiCcy) * mark)).toBeCloseTo(1, 2);
    expect(Number(btc.oiCcy)).toBeGreaterThan(10_000);
    expect(Number(btc.oiCcy)).toBeLessThan(200_000);
    const inverse = (await okx('/api/v5/public/open-interest?instType=SWAP&instId=BTC-USD-SWAP')).body.data[0]!;
    expect(inverse.oi).toMatch(/^\d+$/);
    expect(Number(inverse.oiUsd)).toBeCloseTo(Number(inverse.oi) * 100, 0);
    expect((await okx('/api/v5/public/open-interest?instType=SWAP&instFamily=ETH-USDC')).body.data.map((row) => row.instId)).toEqual(['ETH-USDC-SWAP']);
    expect((await okx('/api/v5/public/open-interest?instType=SWAP&uly=ETH-USDC')).body.data.map((row) => row.instId)).toEqual(['ETH-USDC-SWAP']);
    expect((await okx('/api/v5/public/open-interest')).body).toMatchObject({ code: '50014', data: [] });
    expect((await okx('/api/v5/public/open-interest?instType=MARGIN')).body).toMatchObject({ code: '51000', data: [] });
    expect((await okx('/api/v5/public/open-interest?instType=SWAP&instId=NOPE-USDT-SWAP')).body).toMatchObject({ code: '51001', data: [] });
  });

  it('serves every settled rate in funding-rate-history, newest first, on the interval grid', async () => {
    const history = (await okx('/api/v5/public/funding-rate-history?instId=BTC-USDT-SWAP')).body.data;
    expect(history).toHaveLength(135); // 45 days at 8 h
    const times = history.map((row) => Number(row.fundingTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const page = (await okx(`/api/v5/public/funding-rate-history?instId=BTC-USDT-SWAP&after=${times[4]}&limit=2`)).body.data;
    expect(page.map((row) => Number(row.fundingTime))).toEqual(times.slice(5, 7));
  });

  it('pages funding-rate-history 400 at most, older with after and newer with before, at each swap’s own interval', async () => {
    const swaps = (await okx('/api/v5/public/funding-rate?instId=ANY')).body.data;
    const hours = (row: Record<string, string>) => (Number(row.nextFundingTime) - Number(row.fundingTime)) / 3_600_000;
    const hourly = swaps.find((row) => hours(row) === 1)!.instId!;
    expect(swaps.some((row) => hours(row) === 4) && swaps.some((row) => hours(row) === 8)).toBe(true);
    const first = (await okx(`/api/v5/public/funding-rate-history?instId=${hourly}&limit=500`)).body.data;
    expect(first).toHaveLength(400);
    const times = first.map((row) => Number(row.fundingTime));
    for (let i = 1; i < times.length; i++) expect(times[i - 1]! - times[i]!).toBe(3_600_000);
    const older = (await okx(`/api/v5/public/funding-rate-history?instId=${hourly}&after=${times.at(-1)}`)).body.data;
    expect(Number(older[0]!.fundingTime)).toBe(times.at(-1)! - 3_600_000);
    const newer = (await okx(`/api/v5/public/funding-rate-history?instId=${hourly}&before=${times[3]}`)).body.data;
    expect(newer.map((row) => Number(row.fundingTime))).toEqual(times.slice(0, 3));
  });

  it('allows funding-rate-history 10 requests per 2 s per instrument, then 429 50011 for that instrument only', async () => {
    const history = (instId: string) => getJson<Envelope>(`${rest}/api/v5/public/funding-rate-history?instId=${instId}&limit=1`);
    await sleep(2_100);
    const burst = [];
    for (let i = 0; i < 11; i++) burst.push(await history('SOL-USDT-SWAP'));
    expect(burst.slice(0, 10).every((reply) => reply.status === 200 && reply.body.code === '0')).toBe(true);
    expect(burst[10]!.status).toBe(429);
    expect(burst[10]!.body).toEqual({ msg: 'Too Many Requests', code: '50011' });
    expect((await history('ETH-USDT-SWAP')).status).toBe(200);
    await sleep(2_100);
    expect((await history('SOL-USDT-SWAP')).status).toBe(200);
  });

  it('limits books to 40 per 2 s per IP, open-interest to 20 and funding-rate to 10 per 2 s per instrument', async () => {
    await sleep(2_100);
    const burst = async (path: string, count: number) => {
      const answers = await Promise.all(Array.from({ length: count }, () => getJson<Envelope>(`${rest}${path}`)));
      return answers.filter((answer) => answer.status === 429);
    };
    expect(await burst('/api/v5/market/books?instId=BTC-USDT-SWAP', 40)).toHaveLength(0);
    const books = await burst('/api/v5/market/books?instId=ETH-USDT-SWAP', 2);
    expect(books).toHaveLength(2);
    expect(books[0]!.body).toEqual({ msg: 'Too Many Requests', code: '50011' });
    expect(await burst('/api/v5/public/open-interest?instType=SWAP&instId=SOL-USDT-SWAP', 22)).toHaveLength(2);
    expect(await burst('/api/v5/public/open-interest?instType=SWAP&instId=ETH-USDT-SWAP', 20)).toHaveLength(0);
    expect(await burst('/api/v5/public/funding-rate?instId=SOL-USDT-SWAP', 11)).toHaveLength(1);
    expect(await burst('/api/v5/public/funding-rate?instId=ANY', 10)).toHaveLength(0);
  });

  it('serves candles newest first with pagination, the newest one live and unconfirmed', async () => {
    const candles = (await okx<string[]>('/api/v5/market/mark-price-candles?instId=BTC-USDT-SWAP&bar=1m')).body.data;
    expect(candles).toHaveLength(100);
    expect(candles[0]![5]).toBe('0');
    expect(candles[1]![5]).toBe('1');
    expect(Number(candles[0]![0]) - Number(candles[1]![0])).toBe(60_000);
    const mark = Number((await okx('/api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP')).body.data[0]!.markPx);
    expect(Math.abs(Number(candles[0]![4]) / mark - 1)).toBeLessThan(0.002);
    const older = (await okx<string[]>(`/api/v5/market/mark-price-candles?instId=BTC-USDT-SWAP&bar=1m&after=${candles[49]![0]}&limit=3`)).body.data;
    expect(older).toEqual(candles.slice(50, 53));
  });

  it('aligns 1D candles to Hong Kong midnight and 1Dutc to UTC midnight', async () => {
    const hongKong = (await okx<string[]>('/api/v5/market/history-index-candles?instId=BTC-USD&bar=1D&limit=5')).body.data;
    for (const candle of hongKong) expect((Number(candle[0]) + 8 * 3_600_000) % 86_400_000).toBe(0);
    const utc = (await okx<string[]>('/api/v5/market/history-index-candles?instId=BTC-USD&bar=1Dutc&limit=5')).body.data;
    for (const candle of utc) expect(Number(candle[0]) % 86_400_000).toBe(0);
    expect((await okx('/api/v5/market/index-candles?instId=BTC-USD&bar=7m')).body.code).toBe('51000');
  });

  it('serves opt-summary for an option family', async () => {
    const summary = (await okx('/api/v5/public/opt-summary?instFamily=BTC-USD')).body.data;
    expect(summary.length).toBeGreaterThan(10);
    expect(summary[0]).toHaveProperty('markVol');
  });

  it('answers 429 with 50011 beyond 20 requests in 2 s to one endpoint, and other endpoints still answer', async () => {
    // The first test asked for the time too: let its request leave the window, so the count below is exact.
    await sleep(2_100);
    const answers = await Promise.all(Array.from({ length: 25 }, () => getJson<Envelope>(`${rest}/api/v5/public/time`)));
    const limited = answers.filter((answer) => answer.status === 429);
    expect(limited).toHaveLength(5);
    expect(limited[0]!.body).toMatchObject({ code: '50011', msg: 'Too Many Requests' });
    expect((await okx('/api/v5/market/index-tickers?quoteCcy=USDT')).body).toMatchObject({ code: '0' });
  });
});
