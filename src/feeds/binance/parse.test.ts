import { describe, expect, it } from 'vitest';
import exchangeInfoBtc from './fixtures/binance-exchangeInfo-symbol-BTCUSDT.json';
import exchangeInfoXau from './fixtures/binance-exchangeInfo-symbol-XAUUSDT-tradfi.json';
import fundingInfo from './fixtures/binance-fundingInfo.json';
import tradFiMarks from './fixtures/binance-markPrice-arr-1s.json';
import datedMark from './fixtures/binance-markPriceUpdate-dated-2026-09-23.json';
import perpMark from './fixtures/binance-markPriceUpdate-perp-2026-09-23.json';
import tickersWithCoinM from './fixtures/binance-ticker-arr-with-coinm-row.json';
import markPriceAllMarket from './fixtures/markPriceAllMarket.json';
import markPriceSymbol from './fixtures/markPriceSymbol.json';
import miniTickers from './fixtures/miniTickers.json';
import {
  fundingTermsTable,
  instrumentFromSymbol,
  parseBookTickers,
  parseDatedMarks,
  parseExchangeInfo,
  parseFundingInfo,
  parseMarkPrices,
  parseMiniTickers,
  parseOpenInterest,
  parsePremiumIndex,
} from './parse';

describe('parseMarkPrices (seed pages)', () => {
  it('reads the all-market array exactly', () => {
    expect(parseMarkPrices(markPriceAllMarket)).toEqual({
      events: [
        {
          kind: 'mark',
          exchange: 'binance',
          symbol: 'BTCUSDT',
          time: 1562305380000,
          mark: 11185.87786614,
          index: 11784.62659091,
          estimatedSettle: 11784.25641265,
          fundingRate: 0.0003,
          nextFundingTime: 1562306400000,
        },
      ],
      rejected: 0,
    });
  });

  it('reads the single-symbol object', () => {
    const { events } = parseMarkPrices(markPriceSymbol);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ mark: 11794.15, fundingRate: 0.00038167, nextFundingTime: 1562306400000 });
  });


  it('rejects and counts non-finite, non-positive and missing numbers', () => {
    const bad = [
      { ...markPriceSymbol, p: 'NaN' },
      { ...markPriceSymbol, i: '0' },
      { ...markPriceSymbol, r: 'abc' },
      { ...markPriceSymbol, E: undefined },
      { ...markPriceSymbol, e: 'somethingElse' },
      'not an object',
    ];
    expect(parseMarkPrices(bad)).toEqual({ events: [], rejected: 6 });
  });
});

describe('parseMarkPrices (recorded live frames)', () => {
  it('reads a perpetual row with ap and st, and skips a dated row ("r":"0.00000000", T 0) without counting it as bad', () => {
    expect(parseMarkPrices([perpMark, datedMark])).toEqual({
      events: [
        {
          kind: 'mark',
          exchange: 'binance',
          symbol: 'BTCUSDT',
          time: 1790161527002,
          mark: 85840.40234633,
          index: 85882.44043478,
          estimatedSettle: 85863.42568007,
          fundingRate: 0.00005016,
          nextFundingTime: 1790179200000,
        },
      ],
      rejected: 0,
    });
  });

  it('reads the TradFi message of !markPrice@arr@1s as perpetuals', () => {
    expect(parseMarkPrices(tradFiMarks.data)).toEqual({
      events: [
        {
          kind: 'mark',
          exchange: 'binance',
          symbol: 'XAUUSDT',
          time: 1791382992684,
          mark: 4103.9223318,
          index: 4100.14187735,
          estimatedSettle: 4098.72755326,
          fundingRate: 0.00019799,
          nextFundingTime: 1791388800000,
        },
        {
          kind: 'mark',
          exchange: 'binance',
          symbol: 'XAGUSDT',
          time: 1791382992684,
          mark: 59.63,
          index: 59.59645451,
          estimatedSettle: 59.60415413,
          fundingRate: 0.00013008,
          nextFundingTime: 1791388800000,
        },
      ],
      rejected: 0,
    });
  });

  it('reads a COIN-M row (st 2) and counts a settlement type it does not know as bad', () => {
    const coinM = { ...perpMark, s: 'BTCUSD_PERP', st: 2 };
    expect(parseMarkPrices([coinM, { ...perpMark, st: 3 }])).toMatchObject({ events: [{ symbol: 'BTCUSD_PERP', mark: 85840.40234633 }], rejected: 1 });
  });
});

describe('parseMiniTickers (seed page)', () => {
  it('reads last, open and quote volume', () => {
    expect(parseMiniTickers(miniTickers)).toEqual({
      events: [{ kind: 'ticker', exchange: 'binance', symbol: 'BTCUSDT', time: 123456789, last: 0.0025, open24h: 0.001, quoteVolume24h: 18 }],
      rejected: 0,
    });
  });
});

describe('parseMiniTickers (recorded live frames)', () => {
  const [tradFiRow, coinMRow] = tickersWithCoinM.data;

  it('reads !ticker@arr rows too, and a COIN-M row’s coin volume (q) at its last price, in USD', () => {
    expect(parseMiniTickers(tickersWithCoinM.data)).toEqual({
      events: [
        { kind: 'ticker', exchange: 'binance', symbol: 'XPTUSDT', time: 1791382992307, last: 1632.48, open24h: 1686.63, quoteVolume24h: 12325762.2149 },
        { kind: 'ticker', exchange: 'binance', symbol: 'BTCUSD_PERP', time: 1791382992429, last: 83050.5, open24h: 86125, quoteVolume24h: 11573.7 * 83050.5 },
      ],
      rejected: 0,
    });
  });

  it('reads a COIN-M mini ticker (the fields of the recorded row a 24hrMiniTicker carries) the same way', () => {
    const { E, s, c, o, h, l, v, q, st } = coinMRow!;
    const mini = { e: '24hrMiniTicker', E, s, c, o, h, l, v, q, st };
    expect(parseMiniTickers([mini]).events).toEqual([
      { kind: 'ticker', exchange: 'binance', symbol: 'BTCUSD_PERP', time: 1791382992429, last: 83050.5, open24h: 86125, quoteVolume24h: 11573.7 * 83050.5 },
    ]);
  });

  it('skips dated contracts without counting them as bad, and counts unknown settlement types and events', () => {
    const dated = { ...tradFiRow!, s: 'BTCUSDT_260925' };
    const datedCoinM = { ...coinMRow!, s: 'BTCUSD_260925' };
    expect(parseMiniTickers([dated, datedCoinM])).toEqual({ events: [], rejected: 0 });
    expect(parseMiniTickers([{ ...tradFiRow!, st: 3 }, { ...tradFiRow!, e: '24hrBookTicker' }])).toEqual({ events: [], rejected: 2 });
  });
});

describe('REST helpers', () => {
  it('reads crypto and TradFi perpetuals from the recorded exchangeInfo entries', () => {
    expect(parseExchangeInfo({ symbols: [exchangeInfoBtc, exchangeInfoXau] })).toEqual({
      events: [
        { kind: 'instrument', exchange: 'binance', symbol: 'BTCUSDT', base: 'BTC', quoteAsset: 'USDT', coin: 'BTC', market: 'crypto', margin: 'linear', indexId: null, listed: true },
        { kind: 'instrument', exchange: 'binance', symbol: 'XAUUSDT', base: 'XAU', quoteAsset: 'USDT', coin: 'XAU', market: 'tradfi', margin: 'linear', indexId: null, listed: true },
      ],
      rejected: 0,
    });
  });

  it('tells the market by underlying type: coins and crypto indexes are crypto, anything else TradFi', () => {
    const entry = (symbol: string, underlyingType: string) => ({ ...exchangeInfoBtc, symbol, underlyingType });
    const body = { symbols: [entry('BTCDOMUSDT', 'INDEX'), entry('TSLAUSDT', 'EQUITY'), { ...exchangeInfoBtc, symbol: 'OLDSHAPEUSDT', underlyingType: undefined }] };
    expect(parseExchangeInfo(body)!.events.map((instrument) => [instrument.symbol, instrument.market])).toEqual([
      ['BTCDOMUSDT', 'crypto'],
      ['TSLAUSDT', 'tradfi'],
      ['OLDSHAPEUSDT', 'crypto'],
    ]);
  });

  it('keeps only trading perpetuals from exchangeInfo', () => {
    const body = {
      symbols: [
        { symbol: 'BTCUSDT', contractType: 'PERPETUAL', status: 'TRADING', baseAsset: 'BTC', quoteAsset: 'USDT' },
        { symbol: '1000PEPEUSDT', contractType: 'PERPETUAL', status: 'TRADING', baseAsset: '1000PEPE', quoteAsset: 'USDT' },
        { symbol: 'BTCUSDT_261225', contractType: 'CURRENT_QUARTER', status: 'TRADING', baseAsset: 'BTC', quoteAsset: 'USDT' },
        { symbol: 'OLDUSDT', contractType: 'PERPETUAL', status: 'SETTLING', baseAsset: 'OLD', quoteAsset: 'USDT' },
      ],
    };
    expect(parseExchangeInfo(body)!.events.map((instrument) => [instrument.symbol, instrument.coin])).toEqual([
      ['BTCUSDT', 'BTC'],
      ['1000PEPEUSDT', 'PEPE'],
    ]);
    expect(parseExchangeInfo(body)!.rejected).toBe(0);
    expect(parseExchangeInfo({ code: -1121 })).toBeNull();
  });

  it('counts a trading perpetual it cannot name as refused, and skips what is not one without counting', () => {
    const perpetual = { contractType: 'PERPETUAL', status: 'TRADING', baseAsset: 'BTC', quoteAsset: 'USDT' };
    const body = { symbols: [{ ...perpetual, symbol: 'BTCUSDT' }, { ...perpetual, symbol: 7 }, { ...perpetual, symbol: 'ETHUSDT', baseAsset: '' }, 'BTCUSDT', null] };
    expect(parseExchangeInfo(body)).toMatchObject({ events: [{ symbol: 'BTCUSDT' }], rejected: 4 });
  });

  it('reads the recorded fundingInfo: non-ASCII symbols, 8 h rows with a null updateTime, caps and floors', () => {
    expect([...fundingTermsTable(parseFundingInfo(fundingInfo)!)]).toEqual([
      ['币安人生USDT', { intervalHours: 4, cap: 0.02, floor: -0.02 }],
      ['XAUUSDT', { intervalHours: 4, cap: 0.005, floor: -0.005 }],
      ['BTCUSDT', { intervalHours: 8, cap: 0.003, floor: -0.003 }],
    ]);
    expect(parseFundingInfo(fundingInfo)!.rejected).toBe(0);
  });

  it('reads adjusted funding terms; a cap and floor left out are not known', () => {
    // The response example of https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Get-Funding-Rate-Info
    const body = [
      { symbol: 'BLZUSDT', adjustedFundingRateCap: '0.02500000', adjustedFundingRateFloor: '-0.02500000', fundingIntervalHours: 4, disclaimer: false },
      { symbol: 'XYZUSDT', fundingIntervalHours: 1 },
    ];
    expect([...fundingTermsTable(parseFundingInfo(body)!)]).toEqual([
      ['BLZUSDT', { intervalHours: 4, cap: 0.025, floor: -0.025 }],
      ['XYZUSDT', { intervalHours: 1, cap: null, floor: null }],
    ]);
  });

  it('counts unreadable terms and keeps their symbol as not known, so 8 h is not silently assumed', () => {
    const capped = { adjustedFundingRateCap: '0.02', adjustedFundingRateFloor: '-0.02' };
    const body = [
      { symbol: 'BLZUSDT', fundingIntervalHours: 4 },
      { symbol: 'ODDUSDT', fundingIntervalHours: 2.5 },
      { symbol: 'NOPEUSDT', fundingIntervalHours: '' },
      { fundingIntervalHours: 4 },
      { ...capped, symbol: 'CAPUSDT', fundingIntervalHours: 4, adjustedFundingRateCap: 'abc' },
      { ...capped, symbol: 'FLIPUSDT', fundingIntervalHours: 4, adjustedFundingRateFloor: '0.03' },
    ];
    const read = parseFundingInfo(body)!;
    expect(read.rejected).toBe(5);
    expect(fundingTermsTable(read)).toEqual(
      new Map([
        ['BLZUSDT', { intervalHours: 4, cap: null, floor: null }],
        ['ODDUSDT', null],
        ['NOPEUSDT', null],
        ['CAPUSDT', null],
        ['FLIPUSDT', null],
      ]),
    );
  });

  // The response example of GET /fapi/v1/premiumIndex in Binance's USDⓈ-M market data docs, plus a delivery contract.
  const premiumIndexItem = {
    symbol: 'BTCUSDT',
    markPrice: '11793.63104562',
    indexPrice: '11781.80495970',
    estimatedSettlePrice: '11781.16138815',
    lastFundingRate: '0.00038246',
    interestRate: '0.00010000',
    nextFundingTime: 1597392000000,
    time: 1597370495002,
  };

  it('reads every symbol of premiumIndex as mark events, skipping delivery contracts', () => {
    const dated = { ...premiumIndexItem, symbol: 'BTCUSDT_261225', lastFundingRate: '', nextFundingTime: 0 };
    expect(parsePremiumIndex([premiumIndexItem, dated])).toEqual({
      events: [
        {
          kind: 'mark',
          exchange: 'binance',
          symbol: 'BTCUSDT',
          time: 1597370495002,
          mark: 11793.63104562,
          index: 11781.8049597,
          estimatedSettle: 11781.16138815,
          fundingRate: 0.00038246,
          nextFundingTime: 1597392000000,
        },
      ],
      rejected: 0,
    });
  });

  it('rejects and counts bad premiumIndex items, and refuses a body that is not a list', () => {
    const bad = [{ ...premiumIndexItem, markPrice: '-1' }, { ...premiumIndexItem, time: 'soon' }, { ...premiumIndexItem, symbol: '' }, 7];
    expect(parsePremiumIndex(bad)).toEqual({ events: [], rejected: 4 });
    expect(parsePremiumIndex(premiumIndexItem)).toBeNull();
    expect(parsePremiumIndex({ code: -1121, msg: 'Invalid symbol.' })).toBeNull();
  });

  it('splits a bare symbol when exchangeInfo is unavailable, counting it as crypto', () => {
    expect(instrumentFromSymbol('1000PEPEUSDT')).toEqual({
      exchange: 'binance',
      symbol: '1000PEPEUSDT',
      base: '1000PEPE',
      quoteAsset: 'USDT',
      coin: 'PEPE',
      market: 'crypto',
      margin: 'linear',
    });
    expect(instrumentFromSymbol('ETHUSDC')).toMatchObject({ base: 'ETH', quoteAsset: 'USDC', margin: 'linear' });
  });

  it('reads a COIN-M symbol as coin-margined, quoted in USD', () => {
    expect(instrumentFromSymbol('BTCUSD_PERP')).toEqual({
      exchange: 'binance',
      symbol: 'BTCUSD_PERP',
      base: 'BTC',
      quoteAsset: 'USD',
      coin: 'BTC',
      market: 'crypto',
      margin: 'inverse',
    });
  });
});

// The all-symbols response example of https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Symbol-Order-Book-Ticker
const bookTicker = { symbol: 'BTCUSDT', bidPrice: '4.00000000', bidQty: '431.00000000', askPrice: '4.00000200', askQty: '9.00000000', time: 1589437530011 };

describe('Binance book tickers (GET /fapi/v1/ticker/bookTicker)', () => {
  it("reads the docs' example: best bid and ask at the book's own time", () => {
    expect(parseBookTickers([bookTicker])).toEqual({
      events: [{ kind: 'book-top', exchange: 'binance', symbol: 'BTCUSDT', time: 1589437530011, bid: 4, ask: 4.000002 }],
      rejected: 0,
    });
  });

  it('reads a price of 0 as an empty side, skips dated contracts, and refuses a crossed or unreadable book', () => {
    const body = [
      { ...bookTicker, symbol: 'THINUSDT', bidPrice: '0.00000000', bidQty: '0.00000000' },
      { ...bookTicker, symbol: 'BTCUSDT_261225' },
      { ...bookTicker, symbol: 'CROSSUSDT', bidPrice: '5' },
      { ...bookTicker, symbol: 'BADUSDT', askPrice: 'x' },
      { ...bookTicker, symbol: 'OLDUSDT', time: 0 },
      null,
    ];
    expect(parseBookTickers(body)).toEqual({
      events: [{ kind: 'book-top', exchange: 'binance', symbol: 'THINUSDT', time: 1589437530011, bid: null, ask: 4.000002 }],
      rejected: 4,
    });
    expect(parseBookTickers({ code: -1003, msg: 'Too many requests' })).toBeNull();
  });
});

describe('Binance open interest (GET /fapi/v1/openInterest)', () => {
  it("reads the docs' example in base units at its transaction time", () => {
    // The response example of https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Open-Interest
    expect(parseOpenInterest({ openInterest: '10659.509', symbol: 'BTCUSDT', time: 1589437530011 })).toEqual({
      events: [{ kind: 'open-interest', exchange: 'binance', symbol: 'BTCUSDT', time: 1589437530011, openInterest: 10659.509 }],
      rejected: 0,
    });
  });

  it('refuses a negative or missing figure and a body that is not an answer', () => {
    expect(parseOpenInterest({ openInterest: '-1', symbol: 'BTCUSDT', time: 1589437530011 })).toEqual({ events: [], rejected: 1 });
    expect(parseOpenInterest({ symbol: 'BTCUSDT', time: 1589437530011 })).toEqual({ events: [], rejected: 1 });
    expect(parseOpenInterest([])).toBeNull();
  });
});

describe('parseDatedMarks (recorded payloads)', () => {
  it('reads the recorded dated row with its own index and delivery date', () => {
    expect(parseDatedMarks(datedMark)).toEqual({
      events: [
        {
          kind: 'mark',
          exchange: 'binance',
          symbol: 'BTCUSDT_260925',
          coin: 'BTC',
          margin: 'linear',
          // 25 Sep 2026, 08:00 UTC.
          expiry: Date.UTC(2026, 8, 25, 8),
          indexId: null,
          time: 1790161545000,
          mark: 85901.84762319,
          index: 85884.08695652,
        },
      ],
      rejected: 0,
    });
  });

  it('leaves perpetual rows and other items to the perpetual parser, uncounted', () => {
    expect(parseDatedMarks([perpMark, ...tradFiMarks.data, { e: 'other' }, 'text'])).toEqual({ events: [], rejected: 0 });
  });

  it('reads a COIN-M dated row (st 2) as inverse, and refuses one whose symbol says otherwise', () => {
    const coinM = { ...datedMark, s: 'BTCUSD_260925', st: 2 };
    expect(parseDatedMarks([coinM]).events[0]).toMatchObject({ symbol: 'BTCUSD_260925', margin: 'inverse' });
    expect(parseDatedMarks([{ ...datedMark, st: 2 }])).toEqual({ events: [], rejected: 1 });
  });

  it('refuses and counts a dated row with a bad number or an unreadable symbol', () => {
    const bad = [{ ...datedMark, p: 'NaN' }, { ...datedMark, i: '0' }, { ...datedMark, s: 'BTCUSDT_261399' }, { ...datedMark, E: 'x' }];
    expect(parseDatedMarks(bad)).toEqual({ events: [], rejected: 4 });
  });
});
