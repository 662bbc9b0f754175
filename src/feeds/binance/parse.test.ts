import { describe, expect, it } from 'vitest';
import markPriceAllMarket from './fixtures/markPriceAllMarket.json';
import markPriceSymbol from './fixtures/markPriceSymbol.json';
import miniTickers from './fixtures/miniTickers.json';
import { instrumentFromSymbol, parseExchangeInfo, parseFundingInfo, parseMarkPrices, parseMiniTickers, parsePremiumIndex } from './parse';

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

  it('skips dated delivery contracts (empty r, T of 0) without counting them as bad', () => {
    const dated = { ...markPriceSymbol, s: 'BTCUSDT_261225', r: '', T: 0 };
    expect(parseMarkPrices([dated, markPriceSymbol])).toMatchObject({ rejected: 0, events: [{ symbol: 'BTCUSDT' }] });
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

describe('parseMiniTickers (seed page)', () => {
  it('reads last, open and quote volume', () => {
    expect(parseMiniTickers(miniTickers)).toEqual({
      events: [{ kind: 'ticker', exchange: 'binance', symbol: 'BTCUSDT', time: 123456789, last: 0.0025, open24h: 0.001, quoteVolume24h: 18 }],
      rejected: 0,
    });
  });
});

describe('REST helpers', () => {
  it('keeps only trading perpetuals from exchangeInfo', () => {
    const body = {
      symbols: [
        { symbol: 'BTCUSDT', contractType: 'PERPETUAL', status: 'TRADING', baseAsset: 'BTC', quoteAsset: 'USDT' },
        { symbol: '1000PEPEUSDT', contractType: 'PERPETUAL', status: 'TRADING', baseAsset: '1000PEPE', quoteAsset: 'USDT' },
        { symbol: 'BTCUSDT_261225', contractType: 'CURRENT_QUARTER', status: 'TRADING', baseAsset: 'BTC', quoteAsset: 'USDT' },
        { symbol: 'OLDUSDT', contractType: 'PERPETUAL', status: 'SETTLING', baseAsset: 'OLD', quoteAsset: 'USDT' },
      ],
    };
    expect(parseExchangeInfo(body)).toEqual([
      { exchange: 'binance', symbol: 'BTCUSDT', base: 'BTC', quote: 'USDT', coin: 'BTC' },
      { exchange: 'binance', symbol: '1000PEPEUSDT', base: '1000PEPE', quote: 'USDT', coin: 'PEPE' },
    ]);
    expect(parseExchangeInfo({ code: -1121 })).toBeNull();
  });

  it('reads adjusted funding intervals', () => {
    const body = [
      { symbol: 'BLZUSDT', adjustedFundingRateCap: '0.02500000', adjustedFundingRateFloor: '-0.02500000', fundingIntervalHours: 4, disclaimer: false },
      { symbol: 'XYZUSDT', fundingIntervalHours: 1 },
    ];
    expect([...parseFundingInfo(body)!]).toEqual([
      ['BLZUSDT', 4],
      ['XYZUSDT', 1],
    ]);
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

  it('splits a bare symbol when exchangeInfo is unavailable', () => {
    expect(instrumentFromSymbol('1000PEPEUSDT')).toEqual({ exchange: 'binance', symbol: '1000PEPEUSDT', base: '1000PEPE', quote: 'USDT', coin: 'PEPE' });
    expect(instrumentFromSymbol('ETHUSDC')).toMatchObject({ base: 'ETH', quote: 'USDC' });
  });
});
