import { describe, expect, it } from 'vitest';
import { atmStrike, isInTheMoney } from '../../domain/option';
import optionMarkPrice from './fixtures/optionMarkPrice.json';
import liveOptionMarkPrice from './fixtures/optionMarkPrice-live.json';
import { binanceProtocol } from './binanceProtocol';
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

/** Recorded live on 2026-09-23 (fixtures/optionMarkPrice-live.source.txt): rf 0.0529 and 0.0558, vo to 3 decimals. */
describe('parseOptionMarkPrices (live frame, three options)', () => {
  const E = 1790161477975;
  const index = 85879.82826087;
  const december = Date.UTC(2026, 11, 25, 8);
  const september = Date.UTC(2026, 8, 25, 8);

  it('arrives as combined-stream data', () => {
    expect(binanceProtocol.classify(JSON.stringify(liveOptionMarkPrice))).toEqual({
      kind: 'data', topicKey: 'btcusdt@optionMarkPrice', payload: liveOptionMarkPrice.data,
    });
  });

  it("gives every recorded value exactly, valued against each expiry's forward index × e^(rf·T)", () => {
    const { events, rejected } = parseOptionMarkPrices(liveOptionMarkPrice.data);
    expect(rejected).toBe(0);
    expect(events).toEqual([
      {
        kind: 'greeks', exchange: 'binance', symbol: 'BTC-261225-92000-C', time: E,
        markIv: 0.387, bidIv: 0.38545907, askIv: 0.39075673,
        delta: 0.42618971, gamma: 0.00002332, theta: -35.49083602, vega: 169.85468453,
        underlyingPrice: index * Math.exp(0.0529 * ((december - E) / (365 * 86_400_000))),
      },
      { kind: 'mark', exchange: 'binance', symbol: 'BTC-261225-92000-C', time: E, mark: 4696.169, highLimit: 8450, lowLimit: 940 },
      { kind: 'book', exchange: 'binance', symbol: 'BTC-261225-92000-C', time: E, bid: 4670, ask: 4760, bidSize: 3.52, askSize: 3.52 },
      {
        kind: 'greeks', exchange: 'binance', symbol: 'BTC-260925-86000-P', time: E - 1,
        markIv: 0.349, bidIv: 0.34885705, askIv: 0.35497367,
        delta: -0.51276574, gamma: 0.00018424, theta: -230.5222729, vega: 24.52223767,
        underlyingPrice: index * Math.exp(0.0558 * ((september - (E - 1)) / (365 * 86_400_000))),
      },
      { kind: 'mark', exchange: 'binance', symbol: 'BTC-260925-86000-P', time: E - 1, mark: 905.351, highLimit: 1625, lowLimit: 185 },
      { kind: 'book', exchange: 'binance', symbol: 'BTC-260925-86000-P', time: E - 1, bid: 905, ask: 920, bidSize: 4.43, askSize: 12 },
      {
        kind: 'greeks', exchange: 'binance', symbol: 'BTC-260925-86000-C', time: E - 1,
        markIv: 0.349, bidIv: 0.34500957, askIv: 0.34908772,
        delta: 0.48723426, gamma: 0.00018682, theta: -227.33432684, vega: 24.52223767,
        underlyingPrice: index * Math.exp(0.0558 * ((september - (E - 1)) / (365 * 86_400_000))),
      },
      { kind: 'mark', exchange: 'binance', symbol: 'BTC-260925-86000-C', time: E - 1, mark: 809.784, highLimit: 1455, lowLimit: 165 },
      { kind: 'book', exchange: 'binance', symbol: 'BTC-260925-86000-C', time: E - 1, bid: 800, ask: 810, bidSize: 5.08, askSize: 1.1 },
    ]);
    const forwards = events.flatMap((event) => (event.kind === 'greeks' ? [event.underlyingPrice] : []));
    expect(forwards[0]).toBeCloseTo(87_043.589, 3);
    expect(forwards[1]).toBeCloseTo(85_904.406, 3);
  });

  it('puts the forward where the recorded calls and puts agree: C − P = e^(−rf·T)·(F − K)', () => {
    const { events } = parseOptionMarkPrices(liveOptionMarkPrice.data);
    const forward = events.find((event) => event.kind === 'greeks' && event.symbol === 'BTC-260925-86000-C')!;
    const years = (september - (E - 1)) / (365 * 86_400_000);
    const parity = Math.exp(-0.0558 * years) * ((forward as { underlyingPrice: number }).underlyingPrice - 86_000);
    expect(parity).toBeCloseTo(809.784 - 905.351, 2);
  });

  it("marks the December ATM strike and in-the-money calls against the forward, a strike above the index's", () => {
    const { events } = parseOptionMarkPrices(liveOptionMarkPrice.data);
    const { underlyingPrice } = events[0] as { underlyingPrice: number };
    const strikes = [84_000, 85_000, 86_000, 87_000, 88_000];
    expect(atmStrike(strikes, index)).toBe(86_000);
    expect(atmStrike(strikes, underlyingPrice)).toBe(87_000);
    expect(isInTheMoney('call', 86_500, underlyingPrice)).toBe(true);
    expect(isInTheMoney('put', 86_500, underlyingPrice)).toBe(false);
  });

  it('takes a missing rf as 0 (older shapes) and rejects an unreadable one', () => {
    const [first] = liveOptionMarkPrice.data;
    const { rf: _rf, ...withoutRate } = first!;
    const parsed = parseOptionMarkPrices([withoutRate, { ...first, rf: 'n/a' }]);
    expect(parsed.rejected).toBe(1);
    expect(parsed.events[0]).toMatchObject({ kind: 'greeks', underlyingPrice: index });
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
    const { events: instruments, rejected } = parseOptionExchangeInfo(body)!;
    expect(rejected).toBe(1);
    expect(instruments.map((instrument) => instrument.symbol)).toEqual(['BTC-251120-126000-C', 'ETH-251120-4000-P']);
    expect(instruments[1]).toMatchObject({ underlying: 'ETHUSDT', strike: 4000, callPut: 'put', priceCurrency: 'USDT' });
    expect(underlyingsOf(instruments)).toEqual(['BTCUSDT', 'ETHUSDT']);
  });

  it('refuses a body that is not exchangeInfo', () => {
    expect(parseOptionExchangeInfo({ symbols: [] })).toBeNull();
    expect(parseOptionExchangeInfo(null)).toBeNull();
  });
});
