import { describe, expect, it } from 'vitest';
import optionMarkPrice from './fixtures/optionMarkPrice.json';
import { binanceProtocol } from './protocol';
import {
  binanceOptionInstrument,
  optionMarkPriceStream,
  parseOptionExchangeInfo,
  parseOptionMarkPrices,
  underlyingsOf,
} from './optionParse';

const [first, second] = optionMarkPrice;

describe('parseOptionMarkPrices (seed page, two options)', () => {
  it('gives the exact greeks, mark and book of both options, with the no-quote sentinels as empty sides', () => {
    expect(parseOptionMarkPrices(optionMarkPrice)).toEqual({
      rejected: 0,
      events: [
        {
          kind: 'greeks', exchange: 'binance', symbol: 'BTC-251120-126000-C', time: 1762867543321,
          markIv: 0.9408058, bidIv: null, askIv: 0.98161161,
          delta: 0.11111964, gamma: 0.00001245, theta: -164.26702615, vega: 30.63855919,
          underlyingPrice: 104334.60217391,
        },
        { kind: 'mark', exchange: 'binance', symbol: 'BTC-251120-126000-C', time: 1762867543321, mark: 770.543, highLimit: 924.652, lowLimit: 616.435 },
        { kind: 'book', exchange: 'binance', symbol: 'BTC-251120-126000-C', time: 1762867543321, bid: null, ask: 900, bidSize: null, askSize: 0.2 },
        {
          kind: 'greeks', exchange: 'binance', symbol: 'BTC-251123-126000-C', time: 1762867543321,
          markIv: 0.93310237, bidIv: 0.92159033, askIv: 0.94461441,
          delta: 0.14869196, gamma: 0.00001326, theta: -172.12148811, vega: 43.43627792,
          underlyingPrice: 104334.60217391,
        },
        { kind: 'mark', exchange: 'binance', symbol: 'BTC-251123-126000-C', time: 1762867543321, mark: 1249.61, highLimit: 1499.533, lowLimit: 999.688 },
        { kind: 'book', exchange: 'binance', symbol: 'BTC-251123-126000-C', time: 1762867543321, bid: 1200, ask: 1300, bidSize: 0.3, askSize: 0.6 },
      ],
    });
  });

  it('arrives as combined-stream data on the lowercase stream name', () => {
    const stream = optionMarkPriceStream('BTCUSDT');
    expect(stream).toBe('btcusdt@optionMarkPrice');
    expect(binanceProtocol.classify(JSON.stringify({ stream, data: optionMarkPrice }))).toEqual({
      kind: 'data', topicKey: stream, payload: optionMarkPrice,
    });
  });

  it('rejects and counts items with bad numbers, other events or symbols that are not options', () => {
    const bad = [
      { ...first, vo: 'NaN' },
      { ...first, i: '0' },
      { ...first, d: '' },
      { ...first, mp: '-1' },
      { ...first, e: 'markPriceUpdate' },
      { ...first, s: 'BTCUSDT' },
      { ...first, s: 'BTC-251131-126000-C' },
      null,
    ];
    expect(parseOptionMarkPrices([...bad, second])).toMatchObject({ rejected: bad.length, events: { length: 3 } });
  });
});

describe('binanceOptionInstrument', () => {
  it('reads underlying, expiry (08:00 UTC), strike and side from the symbol', () => {
    expect(binanceOptionInstrument('BTC-251120-126000-C')).toEqual({
      exchange: 'binance', symbol: 'BTC-251120-126000-C', underlying: 'BTCUSDT', base: 'BTC',
      expiry: Date.UTC(2025, 10, 20, 8), strike: 126_000, callPut: 'call', priceCurrency: 'USDT',
    });
    expect(binanceOptionInstrument('DOGE-260102-0.185-P')).toMatchObject({ underlying: 'DOGEUSDT', strike: 0.185, callPut: 'put' });
    expect(binanceOptionInstrument('BTC-USD-251226-100000-C')).toBeNull();
  });
});

describe('parseOptionExchangeInfo', () => {
  const symbolInfo = {
    expiryDate: Date.UTC(2025, 10, 20, 8), symbol: 'BTC-251120-126000-C', side: 'CALL', strikePrice: '126000',
    underlying: 'BTCUSDT', unit: 1, quoteAsset: 'USDT', status: 'TRADING',
  };

  it('lists trading options with their exchange-given underlying, strike and expiry', () => {
    const body = {
      optionSymbols: [
        symbolInfo,
        { ...symbolInfo, symbol: 'ETH-251120-4000-P', side: 'PUT', strikePrice: '4000', underlying: 'ETHUSDT' },
        { ...symbolInfo, symbol: 'BTC-251120-127000-C', status: 'CLOSE' },
        { ...symbolInfo, symbol: 'junk' },
      ],
    };
    const instruments = parseOptionExchangeInfo(body)!;
    expect(instruments.map((instrument) => instrument.symbol)).toEqual(['BTC-251120-126000-C', 'ETH-251120-4000-P']);
    expect(instruments[1]).toMatchObject({ underlying: 'ETHUSDT', strike: 4000, callPut: 'put', priceCurrency: 'USDT' });
    expect(underlyingsOf(instruments)).toEqual(['BTCUSDT', 'ETHUSDT']);
  });

  it('refuses a body that is not exchangeInfo', () => {
    expect(parseOptionExchangeInfo({ symbols: [] })).toBeNull();
    expect(parseOptionExchangeInfo(null)).toBeNull();
  });
});
