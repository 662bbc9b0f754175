import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeExchange, type FakeExchange } from './server.ts';
import { getJson, post } from './testSupport.ts';
import liveBtc from '../../src/feeds/binance/fixtures/binance-exchangeInfo-symbol-BTCUSDT.json';

type Kline = [number, string, string, string, string, string, number, string, number, string, string, string];

let exchange: FakeExchange;
let rest: string;

beforeAll(async () => {
  exchange = await startFakeExchange({ rate: 10 });
  rest = exchange.binanceUrl;
});
afterAll(() => exchange.close());

describe('Binance REST', () => {
  it('answers ping, time and exchangeInfo with CORS headers', async () => {
    const ping = await getJson(`${rest}/fapi/v1/ping`);
    expect(ping).toMatchObject({ status: 200, body: {} });
    expect(ping.headers.get('access-control-allow-origin')).toBe('*');
    const time = await getJson<{ serverTime: number }>(`${rest}/fapi/v1/time`);
    expect(Math.abs(time.body.serverTime - Date.now())).toBeLessThan(1000);
    const info = await getJson<{ symbols: Array<Record<string, unknown>> }>(`${rest}/fapi/v1/exchangeInfo`);
    const symbols = info.body.symbols;
    expect(symbols.length).toBeGreaterThan(480);
    expect(symbols.find((s) => s.symbol === 'BTCUSDT')).toMatchObject({ pair: 'BTCUSDT', contractType: 'PERPETUAL', status: 'TRADING', quoteAsset: 'USDT' });
    expect(symbols.find((s) => s.symbol === '1000PEPEUSDT')).toMatchObject({ baseAsset: '1000PEPE' });
    expect(symbols.find((s) => s.symbol === 'BTCUSDC')).toMatchObject({ quoteAsset: 'USDC' });
    expect(symbols.find((s) => s.symbol === 'XAUUSDT')).toMatchObject({ contractType: 'TRADIFI_PERPETUAL' });
    const quarterlies = symbols.filter((s) => String(s.symbol).startsWith('BTCUSDT_'));
    expect(quarterlies.map((s) => s.contractType).sort()).toEqual(['CURRENT_QUARTER', 'NEXT_QUARTER']);
    expect(symbols.map((s) => s.status)).toEqual(expect.arrayContaining(['SETTLING', 'PENDING_TRADING']));
    expect(symbols.some((s) => String(s.symbol).endsWith('_PERP'))).toBe(false);
  });

  it('knows no COIN-M symbol on fapi, though the streams carry them', async () => {
    expect(await getJson(`${rest}/fapi/v1/premiumIndex?symbol=BTCUSD_PERP`)).toMatchObject({ status: 400, body: { code: -1121 } });
    expect(await getJson(`${rest}/fapi/v1/markPriceKlines?symbol=BTCUSD_PERP&interval=1m`)).toMatchObject({ status: 400, body: { code: -1121 } });
    const all = await getJson<Array<{ symbol: string }>>(`${rest}/fapi/v1/premiumIndex`);
    expect(all.body.some((row) => row.symbol.endsWith('_PERP'))).toBe(false);
  });

  it('answers a CORS preflight', async () => {
    const response = await fetch(`${rest}/fapi/v1/premiumIndex`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('serves premiumIndex for one symbol and all, delivery contracts without funding', async () => {
    const one = await getJson<Record<string, unknown>>(`${rest}/fapi/v1/premiumIndex?symbol=ETHUSDT`);
    expect(Object.keys(one.body).sort()).toEqual(
      ['estimatedSettlePrice', 'indexPrice', 'interestRate', 'lastFundingRate', 'markPrice', 'nextFundingTime', 'symbol', 'time'],
    );
    const all = await getJson<Array<Record<string, unknown>>>(`${rest}/fapi/v1/premiumIndex`);
    const delivery = all.body.find((row) => /^ETHUSDT_\d{6}$/.test(String(row.symbol)))!;
    expect(delivery).toMatchObject({ lastFundingRate: '', nextFundingTime: 0 });
    // TradFi perpetuals pay funding with no interest part.
    expect(all.body.find((row) => row.symbol === 'XAUUSDT')).toMatchObject({ interestRate: '0.00000000', nextFundingTime: expect.any(Number) });
  });

  it('lists about 800 rows in fundingInfo, as live: 8 h ones, COIN-M, TradFi and unlisted symbols, every interval', async () => {
    type Row = { symbol: string; fundingIntervalHours: number; updateTime: number | null };
    const info = await getJson<Row[]>(`${rest}/fapi/v1/fundingInfo`);
    const hours = new Set(info.body.map((row) => row.fundingIntervalHours));
    expect(hours).toEqual(new Set([1, 2, 4, 8]));
    expect(info.body.length).toBeGreaterThan(780);
    expect(info.body.length).toBeLessThan(830);
    const bySymbol = new Map(info.body.map((row) => [row.symbol, row]));
    expect(bySymbol.get('BTCUSDT')).toEqual({
      symbol: 'BTCUSDT',
      adjustedFundingRateCap: '0.00300',
      adjustedFundingRateFloor: '-0.00300',
      fundingIntervalHours: 8,
      disclaimer: true,
      updateTime: null,
    });
    expect(bySymbol.get('XAUUSDT')).toMatchObject({ fundingIntervalHours: 4, adjustedFundingRateCap: '0.00500000', updateTime: expect.any(Number) });
    expect(bySymbol.get('BTCUSD_PERP')).toMatchObject({ fundingIntervalHours: 8 });
    expect(bySymbol.get('币安人生USDT')).toMatchObject({ fundingIntervalHours: 4 });
    const listed = await getJson<{ symbols: Array<{ symbol: string }> }>(`${rest}/fapi/v1/exchangeInfo`);
    const listedSymbols = new Set(listed.body.symbols.map((s) => s.symbol));
    const unlisted = info.body.filter((row) => !listedSymbols.has(row.symbol) && !row.symbol.endsWith('_PERP'));
    expect(unlisted.length).toBeGreaterThan(200);
    const index = await getJson<Array<{ symbol: string; nextFundingTime: number }>>(`${rest}/fapi/v1/premiumIndex`);
    for (const row of info.body) {
      const next = index.body.find((candidate) => candidate.symbol === row.symbol);
      if (next) expect(next.nextFundingTime % (row.fundingIntervalHours * 3_600_000)).toBe(0);
    }
  });

  it('returns Binance error shapes', async () => {
    expect(await getJson(`${rest}/fapi/v1/premiumIndex?symbol=NOPEUSDT`)).toMatchObject({ status: 400, body: { code: -1121, msg: 'Invalid symbol.' } });
    expect(await getJson(`${rest}/fapi/v1/markPriceKlines?symbol=BTCUSDT&interval=7m`)).toMatchObject({ status: 400, body: { code: -1120 } });
    expect(await getJson(`${rest}/fapi/v1/markPriceKlines?interval=1m`)).toMatchObject({ status: 400, body: { code: -1102 } });
    expect(await getJson(`${rest}/fapi/v1/markPriceKlines?symbol=BTCUSDT&interval=1m&limit=abc`)).toMatchObject({ status: 400, body: { code: -1100 } });
    expect((await getJson(`${rest}/fapi/v1/nothing`)).status).toBe(404);
  });

  it('serves mark klines whose latest close is the live mark and whose history joins the start', async () => {
    const [klines, mark] = await Promise.all([
      getJson<Kline[]>(`${rest}/fapi/v1/markPriceKlines?symbol=BTCUSDT&interval=1m&limit=3`),
      getJson<{ markPrice: string }>(`${rest}/fapi/v1/premiumIndex?symbol=BTCUSDT`),
    ]);
    expect(klines.body).toHaveLength(3);
    const last = klines.body[2]!;
    expect(last).toHaveLength(12);
    expect(last[6] - last[0]).toBe(59_999);
    expect(Math.abs(Number(last[4]) / Number(mark.body.markPrice) - 1)).toBeLessThan(0.002);
    for (let i = 1; i < 3; i++) expect(klines.body[i]![1]).toBe(klines.body[i - 1]![4]); // each opens at the previous close
  });

  it('aggregates daily klines over the 30 days of history, ascending, open times on UTC midnight', async () => {
    const daily = await getJson<Kline[]>(`${rest}/fapi/v1/indexPriceKlines?pair=BTCUSDT&interval=1d&limit=40`);
    expect(daily.body.length).toBeGreaterThanOrEqual(30);
    expect(daily.body.length).toBeLessThanOrEqual(31);
    for (const kline of daily.body) {
      expect(kline[0] % 86_400_000).toBe(0);
      expect(Number(kline[2])).toBeGreaterThanOrEqual(Math.max(Number(kline[1]), Number(kline[4])));
      expect(Number(kline[3])).toBeLessThanOrEqual(Math.min(Number(kline[1]), Number(kline[4])));
    }
    const start = daily.body[5]![0];
    const from = await getJson<Kline[]>(`${rest}/fapi/v1/indexPriceKlines?pair=BTCUSDT&interval=1d&startTime=${start}&limit=2`);
    expect(from.body.map((kline) => kline[0])).toEqual([start, start + 86_400_000]);
  });

  it('serves premium index klines around zero', async () => {
    const klines = await getJson<Kline[]>(`${rest}/fapi/v1/premiumIndexKlines?symbol=BTCUSDT&interval=1h&limit=24`);
    for (const kline of klines.body) expect(Math.abs(Number(kline[4]))).toBeLessThan(0.01);
  });

  it('serves funding history ascending on the interval grid, default 100 rows', async () => {
    const history = await getJson<Array<{ symbol: string; fundingRate: string; fundingTime: number; markPrice: string }>>(
      `${rest}/fapi/v1/fundingRate?symbol=BTCUSDT`,
    );
    expect(history.body).toHaveLength(100); // the latest 100 of 45 days at 8 h
    const times = history.body.map((row) => row.fundingTime);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // As live, a few milliseconds past the hour of the 8 h grid: gaps are whole hours once rounded.
    for (const time of times) expect(time % (8 * 3_600_000)).toBeLessThan(16);
    expect(times.some((time) => time % (8 * 3_600_000) !== 0)).toBe(true);
    expect(Object.keys(history.body[0]!)).toEqual(['symbol', 'fundingTime', 'fundingRate', 'markPrice', 'rateType']);
    expect(history.body[0]).toMatchObject({ symbol: 'BTCUSDT', rateType: 'Regular' });
    const eth = (await getJson<Array<{ fundingTime: number }>>(`${rest}/fapi/v1/fundingRate?symbol=ETHUSDT&limit=5`)).body.map((row) => row.fundingTime);
    expect(eth).toEqual(times.slice(-5)); // every symbol settled at one moment carries the same time
    expect(Number(history.body[0]!.markPrice)).toBeGreaterThan(50_000);
    const limited = await getJson<unknown[]>(`${rest}/fapi/v1/fundingRate?symbol=BTCUSDT&startTime=${times[10]}&limit=3`);
    expect(limited.body).toEqual(history.body.slice(10, 13));
  });

  it('serves the latest funding rows of every symbol without one, oldest first, by symbol within a settlement', async () => {
    type Row = { symbol: string; fundingTime: number };
    const latest = (await getJson<Row[]>(`${rest}/fapi/v1/fundingRate`)).body;
    expect(latest).toHaveLength(100);
    const deep = (await getJson<Row[]>(`${rest}/fapi/v1/fundingRate?limit=1000`)).body;
    expect(deep).toHaveLength(1000);
    expect(deep.slice(-100)).toEqual(latest);
    for (let i = 1; i < deep.length; i++) {
      const [a, b] = [deep[i - 1]!, deep[i]!];
      expect(a.fundingTime < b.fundingTime || (a.fundingTime === b.fundingTime && a.symbol < b.symbol)).toBe(true);
    }
    expect(new Set(deep.map((row) => row.symbol)).size).toBeGreaterThan(100);
    expect(deep.some((row) => row.symbol.endsWith('_PERP'))).toBe(false);
    const newest = Math.max(...deep.map((row) => row.fundingTime));
    const btc = (await getJson<Row[]>(`${rest}/fapi/v1/fundingRate?symbol=BTCUSDT&limit=1`)).body[0]!;
    expect(newest).toBeGreaterThanOrEqual(btc.fundingTime);
    const from = (await getJson<Row[]>(`${rest}/fapi/v1/fundingRate?startTime=${btc.fundingTime - 8 * 3_600_000}&limit=5`)).body;
    expect(from.map((row) => row.fundingTime).every((time) => time >= btc.fundingTime - 8 * 3_600_000)).toBe(true);
    expect(from[0]!.fundingTime).toBeLessThanOrEqual(from[4]!.fundingTime);
  });

  it('serves rolling 24 h tickers consistent with the last price', async () => {
    const ticker = await getJson<Record<string, string | number>>(`${rest}/fapi/v1/ticker/24hr?symbol=SOLUSDT`);
    const { lastPrice, highPrice, lowPrice, openPrice, priceChange } = ticker.body;
    expect(Number(highPrice)).toBeGreaterThanOrEqual(Number(lastPrice));
    expect(Number(lowPrice)).toBeLessThanOrEqual(Number(lastPrice));
    expect(Number(priceChange)).toBeCloseTo(Number(lastPrice) - Number(openPrice), 1);
    expect(Number(ticker.body.quoteVolume)).toBeGreaterThan(1e8);
  });

  it('serves the options exchange (eapi) from the options model on the same port', async () => {
    const info = await getJson<{ optionSymbols: unknown[] }>(`${rest}/eapi/v1/exchangeInfo`);
    expect(info.body.optionSymbols.length).toBeGreaterThan(100);
    const index = await getJson<{ indexPrice: string }>(`${rest}/eapi/v1/index?underlying=BTCUSDT`);
    const perp = await getJson<{ indexPrice: string }>(`${rest}/fapi/v1/premiumIndex?symbol=BTCUSDT`);
    expect(Math.abs(Number(index.body.indexPrice) / Number(perp.body.indexPrice) - 1)).toBeLessThan(0.002);
  });

  it('serves bookTicker for one symbol and every USDⓈ-M one, the top of depth at the same update id', async () => {
    type Depth = { lastUpdateId: number; E: number; T: number; bids: [string, string][]; asks: [string, string][] };
    type Top = { symbol: string; lastUpdateId: number };
    let top = await getJson<Top>(`${rest}/fapi/v1/ticker/bookTicker?symbol=ETHUSDT`);
    let depth = await getJson<Depth>(`${rest}/fapi/v1/depth?symbol=ETHUSDT&limit=5`);
    // The book reshapes once a second: ask again if the two straddled a second.
    for (let i = 0; i < 5 && top.body.lastUpdateId !== depth.body.lastUpdateId; i++) {
      top = await getJson<Top>(`${rest}/fapi/v1/ticker/bookTicker?symbol=ETHUSDT`);
      depth = await getJson<Depth>(`${rest}/fapi/v1/depth?symbol=ETHUSDT&limit=5`);
    }
    const { bids, asks, T, lastUpdateId } = depth.body;
    expect(Object.keys(depth.body)).toEqual(['lastUpdateId', 'E', 'T', 'bids', 'asks']);
    expect(top.body).toEqual({ symbol: 'ETHUSDT', bidPrice: bids[0]![0], bidQty: bids[0]![1], askPrice: asks[0]![0], askQty: asks[0]![1], time: T, lastUpdateId });
    expect(Number(bids[0]![0])).toBeLessThan(Number(asks[0]![0]));
    expect(depth.body.E).toBeGreaterThanOrEqual(T);

    const all = (await getJson<Array<{ symbol: string }>>(`${rest}/fapi/v1/ticker/bookTicker`)).body.map((row) => row.symbol);
    const streaming = (await getJson<Array<{ symbol: string }>>(`${rest}/fapi/v1/premiumIndex`)).body.map((row) => row.symbol);
    expect(all.sort()).toEqual(streaming.sort());
    expect(all).toEqual(expect.arrayContaining(['BTCUSDT', 'XAUUSDT', 'BTCUSDC']));
    expect(all.some((symbol) => symbol.endsWith('_PERP'))).toBe(false);
    expect(await getJson(`${rest}/fapi/v1/ticker/bookTicker?symbol=BTCUSD_PERP`)).toMatchObject({ status: 400, body: { code: -1121 } });
  });

  it('serves depth at the documented limits only, 500 levels by default, weighted by limit; any other limit is -4021', async () => {
    type Depth = { bids: [string, string][]; asks: [string, string][] };
    const levels = async (query: string) => (await getJson<Depth>(`${rest}/fapi/v1/depth?symbol=SOLUSDT${query}`)).body;
    expect((await levels('')).bids).toHaveLength(500);
    for (const limit of [5, 10, 20, 50, 100, 1000]) {
      const book = await levels(`&limit=${limit}`);
      expect([book.bids.length, book.asks.length]).toEqual([limit, limit]);
    }
    for (const limit of [1, 7, 25, 5000]) {
      expect(await getJson(`${rest}/fapi/v1/depth?symbol=SOLUSDT&limit=${limit}`)).toMatchObject({ status: 400, body: { code: -4021, msg: `${limit} is not valid depth limit` } });
    }
    expect(await getJson(`${rest}/fapi/v1/depth?limit=5`)).toMatchObject({ status: 400, body: { code: -1102 } });
    expect(await getJson(`${rest}/fapi/v1/depth?symbol=SOLUSDT&limit=five`)).toMatchObject({ status: 400, body: { code: -1100 } });
    const weightOf = async (query: string) => {
      // X-MBX-USED-WEIGHT-1M after a ping and after the call: their difference, unless a minute turned between them.
      for (;;) {
        const before = Number((await getJson(`${rest}/fapi/v1/ping`)).headers.get('x-mbx-used-weight-1m'));
        const after = Number((await getJson(`${rest}/fapi/v1/depth?symbol=SOLUSDT${query}`)).headers.get('x-mbx-used-weight-1m'));
        if (after > before) return after - before;
      }
    };
    expect([await weightOf('&limit=50'), await weightOf('&limit=100'), await weightOf(''), await weightOf('&limit=1000')]).toEqual([2, 5, 10, 20]);
    await post(exchange.controlUrl, '/reset');
  });

  it('serves openInterest per symbol in the base asset at its lot step, the symbol required', async () => {
    type Interest = { openInterest: string; symbol: string; time: number };
    const before = Date.now();
    const btc = await getJson<Interest>(`${rest}/fapi/v1/openInterest?symbol=BTCUSDT`);
    expect(Object.keys(btc.body)).toEqual(['openInterest', 'symbol', 'time']);
    expect(btc.body).toMatchObject({ symbol: 'BTCUSDT', openInterest: expect.stringMatching(/^\d+\.\d{3}$/) });
    expect(btc.body.time).toBeGreaterThanOrEqual(before - 1000);
    // About 100k BTC live (2026): a few days' volume at most, not a few hours' worth.
    expect(Number(btc.body.openInterest)).toBeGreaterThan(30_000);
    expect(Number(btc.body.openInterest)).toBeLessThan(300_000);
    const pepe = await getJson<Interest>(`${rest}/fapi/v1/openInterest?symbol=1000PEPEUSDT`);
    expect(Number(pepe.body.openInterest) * 0.0121).toBeGreaterThan(1e7);
    expect(await getJson(`${rest}/fapi/v1/openInterest`)).toMatchObject({ status: 400, body: { code: -1102 } });
    expect(await getJson(`${rest}/fapi/v1/openInterest?symbol=BTCUSD_PERP`)).toMatchObject({ status: 400, body: { code: -1121 } });
  });

  it('sizes a LOT_SIZE step as live: 0.001 BTC', async () => {
    const info = await getJson<{ symbols: Array<{ symbol: string; quantityPrecision: number; filters: Array<Record<string, string>> }> }>(`${rest}/fapi/v1/exchangeInfo`);
    const btc = info.body.symbols.find((symbol) => symbol.symbol === 'BTCUSDT')!;
    expect(btc.quantityPrecision).toBe(liveBtc.quantityPrecision);
    expect(btc.filters.find((filter) => filter.filterType === 'LOT_SIZE')).toMatchObject({ stepSize: '0.001', minQty: '0.001' });
    const depth = await getJson<{ bids: [string, string][] }>(`${rest}/fapi/v1/depth?symbol=BTCUSDT&limit=5`);
    for (const [, quantity] of depth.body.bids) expect(quantity).toMatch(/^\d+\.\d{3}$/);
  });

  it('answers 429 with -1003 once the minute weight of 2400 is spent', async () => {
    // 61 requests of weight 40 spend a minute's budget; twice that, in case a clock minute turns mid-loop and refills it.
    let answer = await getJson<{ code: number }>(`${rest}/fapi/v1/ticker/24hr`);
    for (let i = 0; i < 122 && answer.status === 200; i++) answer = await getJson<{ code: number }>(`${rest}/fapi/v1/ticker/24hr`);
    expect(answer.status).toBe(429);
    expect(answer.body.code).toBe(-1003);
    await post(exchange.controlUrl, '/reset');
    expect((await getJson(`${rest}/fapi/v1/ping`)).status).toBe(200);
  });
});
