import { describe, expect, it } from 'vitest';
import markPricePush from './fixtures/markPricePush.json';
import liveFundingPush from './fixtures/okx-funding-rate-push.json';
import liveSwapEntry from './fixtures/okx-instruments-swap-entry.json';
import liveMarkPush from './fixtures/okx-mark-price-push.json';
import subscribeAck from './fixtures/subscribeAck.json';
import subscribeError from './fixtures/subscribeError.json';
import {
  instrumentFromSwapId,
  parseFundingRates,
  parseFundingRatesResponse,
  parseIndexTickers,
  parseIndexTickersResponse,
  parseMarkPrices,
  parseOpenInterestResponse,
  parseSwapInstruments,
  parseSwapInstrumentsResponse,
  parseTickers,
  parseTickersResponse,
} from './parse';
import { okxProtocol } from './okxProtocol';

describe('OKX frames (seed page)', () => {
  it('classifies the mark-price push as data for its argument', () => {
    expect(okxProtocol.classify(JSON.stringify(markPricePush))).toEqual({
      kind: 'data',
      topicKey: 'mark-price|LTC-USD-190628||',
      payload: markPricePush.data,
    });
  });

  it('classifies the subscribe ack and the 60012 error as protocol traffic', () => {
    expect(okxProtocol.classify(JSON.stringify(subscribeAck))).toEqual({
      kind: 'ack',
      requestId: 1512,
      topicKey: 'mark-price|LTC-USD-190628||',
    });
    expect(okxProtocol.classify(JSON.stringify(subscribeError))).toMatchObject({ kind: 'request-error', requestId: 1512, code: '60012' });
    expect(okxProtocol.classify('pong')).toEqual({ kind: 'pong' });
    expect(okxProtocol.classify('{"event":"notice","code":"64008","msg":"upgrade","connId":"a"}')).toMatchObject({
      kind: 'reconnect-notice',
    });
  });

  it('parses the mark price exactly', () => {
    expect(parseMarkPrices(markPricePush.data)).toEqual({
      events: [
        {
          kind: 'mark',
          exchange: 'okx',
          symbol: 'LTC-USD-190628',
          time: 1597026383085,
          mark: 0.1,
          index: null,
          estimatedSettle: null,
          fundingRate: null,
          nextFundingTime: null,
        },
      ],
      rejected: 0,
    });
  });
});

describe('OKX frames recorded live (real-payloads, 2026-09-25)', () => {
  const liveFunding = {
    kind: 'funding',
    exchange: 'okx',
    symbol: 'BTC-USDT-SWAP',
    time: 1790358563915,
    fundingRate: 0.0000263463215391,
    nextFundingRate: null,
    nextFundingTime: 1790380800000,
    intervalHours: 8,
    settledFundingRate: 0.0000341625964238,
    lastSettlementTime: 1790352000000,
    fundingCap: 0.00375,
    fundingFloor: -0.00375,
  };

  it('reads the funding-rate push: empty nextFundingRate is no value, not bad input; the last settlement is carried', () => {
    const inbound = okxProtocol.classify(JSON.stringify(liveFundingPush));
    expect(inbound).toMatchObject({ kind: 'data', topicKey: 'funding-rate|BTC-USDT-SWAP||' });
    expect(parseFundingRates(inbound.kind === 'data' ? inbound.payload : null)).toEqual({ events: [liveFunding], rejected: 0 });
  });

  it('reads the same record inside the REST envelope of funding-rate?instId=ANY', () => {
    expect(parseFundingRatesResponse({ code: '0', msg: '', data: liveFundingPush.data })).toEqual({ events: [liveFunding], rejected: 0 });
  });

  it('reads the SWAP instrument record', () => {
    expect(parseSwapInstrumentsResponse({ code: '0', msg: '', data: [liveSwapEntry] })).toEqual({
      events: [
        { kind: 'instrument', exchange: 'okx', symbol: 'BTC-USDT-SWAP', base: 'BTC', quoteAsset: 'USDT', coin: 'BTC', market: 'crypto', margin: 'linear', indexId: 'BTC-USDT', listed: true },
      ],
      rejected: 0,
    });
  });

  it('reads the mark-price push', () => {
    expect(parseMarkPrices(liveMarkPush.data)).toEqual({
      events: [
        {
          kind: 'mark',
          exchange: 'okx',
          symbol: 'BTC-USDT-SWAP',
          time: 1790358817778,
          mark: 83679.8,
          index: null,
          estimatedSettle: null,
          fundingRate: null,
          nextFundingTime: null,
        },
      ],
      rejected: 0,
    });
  });
});

describe('OKX channels', () => {
  it('derives the funding interval from fundingTime and nextFundingTime', () => {
    const item = {
      instType: 'SWAP',
      instId: 'BTC-USDT-SWAP',
      fundingRate: '0.0005',
      nextFundingRate: '',
      fundingTime: '1763884800000',
      nextFundingTime: '1763899200000',
      ts: '1763870000000',
    };
    expect(parseFundingRates([item])).toEqual({
      events: [
        {
          kind: 'funding',
          exchange: 'okx',
          symbol: 'BTC-USDT-SWAP',
          time: 1763870000000,
          fundingRate: 0.0005,
          nextFundingRate: null,
          nextFundingTime: 1763884800000,
          intervalHours: 4,
          settledFundingRate: null,
          lastSettlementTime: null,
          fundingCap: null,
          fundingFloor: null,
        },
      ],
      rejected: 0,
    });
  });

  it('reads the cap and floor, empty as not known, and refuses them unreadable or crossed', () => {
    const item = { instId: 'BTC-USDT-SWAP', fundingRate: '0.0001', fundingTime: '1763884800000', nextFundingTime: '1763899200000', ts: '1763870000000' };
    const read = parseFundingRates([
      { ...item, maxFundingRate: '0.015', minFundingRate: '-0.015' },
      { ...item, maxFundingRate: '', minFundingRate: '' },
      { ...item, maxFundingRate: 'x', minFundingRate: '-0.015' },
      { ...item, maxFundingRate: '-0.02', minFundingRate: '0.02' },
    ]);
    expect(read.events.map(({ fundingCap, fundingFloor }) => [fundingCap, fundingFloor])).toEqual([
      [0.015, -0.015],
      [null, null],
    ]);
    expect(read.rejected).toBe(2);
  });

  it('keeps live swaps with their index, skipping suspended ones', () => {
    const data = [
      { instType: 'SWAP', instId: 'BTC-USDT-SWAP', uly: 'BTC-USDT', instFamily: 'BTC-USDT', state: 'live' },
      { instType: 'SWAP', instId: 'BTC-USD-SWAP', uly: 'BTC-USD', instFamily: 'BTC-USD', state: 'live' },
      { instType: 'SWAP', instId: 'OLD-USDT-SWAP', uly: 'OLD-USDT', state: 'suspend' },
    ];
    expect(parseSwapInstruments(data).events.map((e) => [e.symbol, e.base, e.quoteAsset, e.indexId, e.listed])).toEqual([
      ['BTC-USDT-SWAP', 'BTC', 'USDT', 'BTC-USDT', true],
      ['BTC-USD-SWAP', 'BTC', 'USD', 'BTC-USD', true],
      ['OLD-USDT-SWAP', 'OLD', 'USDT', 'OLD-USDT', false],
    ]);
  });

  it('reads every swap as crypto, coin-margined by ctType (the recorded entry is linear) or, without one, by its USD quote', () => {
    // Fields of real-payloads/okx-instruments-swap-entry.json (2026-09-25), and its inverse sibling.
    const linear = { instType: 'SWAP', instId: 'BTC-USDT-SWAP', uly: 'BTC-USDT', instFamily: 'BTC-USDT', ctType: 'linear', settleCcy: 'USDT', state: 'live' };
    const inverse = { ...linear, instId: 'BTC-USD-SWAP', uly: 'BTC-USD', instFamily: 'BTC-USD', ctType: 'inverse', settleCcy: 'BTC' };
    const bare = { instType: 'SWAP', instId: 'ETH-USD-SWAP', uly: 'ETH-USD', state: 'live' };
    expect(parseSwapInstruments([linear, inverse, bare]).events.map((e) => [e.symbol, e.market, e.margin])).toEqual([
      ['BTC-USDT-SWAP', 'crypto', 'linear'],
      ['BTC-USD-SWAP', 'crypto', 'inverse'],
      ['ETH-USD-SWAP', 'crypto', 'inverse'],
    ]);
    expect(instrumentFromSwapId('BTC-USD-SWAP')).toMatchObject({ quoteAsset: 'USD', market: 'crypto', margin: 'inverse' });
    expect(instrumentFromSwapId('BTC-USDC-SWAP')).toMatchObject({ quoteAsset: 'USDC', margin: 'linear' });
  });

  it('values 24 h volume in the quote currency', () => {
    const ticker = { instId: 'ETH-USDT-SWAP', last: '3000', bidPx: '2999.9', askPx: '3000', open24h: '2900', volCcy24h: '1500.5', ts: '1763870000000' };
    expect(parseTickers([ticker]).events[0]).toMatchObject({ last: 3000, open24h: 2900, quoteVolume24h: 4_501_500 });
  });

  it('reads the best bid and ask with the ticker: an empty side is no order there, not bad input', () => {
    // real-payloads/okx-tickers-push-option-empty-bid.json shows the empty side; here on a swap.
    const ticker = { instId: 'ETH-USDT-SWAP', last: '3000', open24h: '2900', volCcy24h: '1', ts: '1763870000000' };
    const read = parseTickers([
      { ...ticker, bidPx: '2999.9', askPx: '3000.1' },
      { ...ticker, instId: 'THIN-USDT-SWAP', bidPx: '', askPx: '3000.1' },
      { ...ticker, instId: 'BAD-USDT-SWAP', bidPx: '-1', askPx: '3000.1' },
      { ...ticker, instId: 'CROSS-USDT-SWAP', bidPx: '3001', askPx: '3000.1' },
    ]);
    expect(read.events.filter((event) => event.kind === 'book-top')).toEqual([
      { kind: 'book-top', exchange: 'okx', symbol: 'ETH-USDT-SWAP', time: 1763870000000, bid: 2999.9, ask: 3000.1 },
      { kind: 'book-top', exchange: 'okx', symbol: 'THIN-USDT-SWAP', time: 1763870000000, bid: null, ask: 3000.1 },
    ]);
    expect(read.events.filter((event) => event.kind === 'ticker').map((event) => event.symbol)).toEqual(['ETH-USDT-SWAP', 'THIN-USDT-SWAP']);
    expect(read.rejected).toBe(2);
  });

  it('reads the REST ticker list inside its envelope, and refuses an error envelope whatever the HTTP status', () => {
    // The response example of GET /api/v5/market/tickers in https://www.okx.com/docs-v5/en/#order-book-trading-market-data-get-tickers
    const item = { instType: 'SWAP', instId: 'LTC-USD-SWAP', last: '9999.99', lastSz: '1', askPx: '9999.99', askSz: '11', bidPx: '8888.88', bidSz: '5', open24h: '9000', volCcy24h: '2222', vol24h: '2222', ts: '1597026383085' };
    expect(parseTickersResponse({ code: '0', msg: '', data: [item, { instId: 'BAD-USD-SWAP' }] })).toMatchObject({
      events: [
        { kind: 'ticker', symbol: 'LTC-USD-SWAP', last: 9999.99, open24h: 9000 },
        { kind: 'book-top', symbol: 'LTC-USD-SWAP', bid: 8888.88, ask: 9999.99 },
      ],
      rejected: 1,
    });
    expect(parseTickersResponse({ code: '50011', msg: 'Too Many Requests', data: [] })).toBeNull();
    expect(parseTickersResponse('<html>')).toBeNull();
  });

  it('skips REST items of instruments not followed, yet counts items that name none', () => {
    const index = (instId: string) => ({ instId, idxPx: '95000.1', ts: '17' });
    const body = { code: '0', msg: '', data: [index('BTC-USDT'), index('SPOT-USDT'), { idxPx: '1', ts: '17' }, null] };
    expect(parseIndexTickersResponse(body, (instId) => instId === 'BTC-USDT')).toEqual({
      events: [{ kind: 'index', exchange: 'okx', indexId: 'BTC-USDT', time: 17, index: 95000.1 }],
      rejected: 2,
    });
  });

  it('rejects and counts bad items, never throwing', () => {
    expect(parseIndexTickers([{ instId: 'BTC-USDT', idxPx: '-1', ts: '1' }, null, { instId: 'BTC-USDT', idxPx: '95000.1', ts: '17' }])).toEqual({
      events: [{ kind: 'index', exchange: 'okx', indexId: 'BTC-USDT', time: 17, index: 95000.1 }],
      rejected: 2,
    });
    expect(parseTickers('garbage')).toEqual({ events: [], rejected: 1 });
  });
});

describe('OKX open interest (GET /api/v5/public/open-interest?instType=SWAP)', () => {
  // The response example of https://www.okx.com/docs-v5/en/#public-data-rest-api-get-open-interest
  const docsItem = { instType: 'SWAP', instId: 'BTC-USDT-SWAP', oi: '5000', oiCcy: '555.55', oiUsd: '50000', ts: '1597026383085' };

  it("reads the docs' example in the coin (oiCcy), not in contracts, at its time", () => {
    expect(parseOpenInterestResponse({ code: '0', msg: '', data: [docsItem] })).toEqual({
      events: [{ kind: 'open-interest', exchange: 'okx', symbol: 'BTC-USDT-SWAP', time: 1597026383085, openInterest: 555.55 }],
      rejected: 0,
    });
  });

  it('skips swaps not followed and refuses an unreadable figure', () => {
    const body = { code: '0', msg: '', data: [docsItem, { ...docsItem, instId: 'NEW-USDT-SWAP' }, { ...docsItem, instId: 'ETH-USDT-SWAP', oiCcy: '' }] };
    expect(parseOpenInterestResponse(body, (instId) => instId !== 'NEW-USDT-SWAP')).toMatchObject({ events: [{ symbol: 'BTC-USDT-SWAP' }], rejected: 1 });
    expect(parseOpenInterestResponse({ code: '50011', msg: 'Too Many Requests', data: [] })).toBeNull();
  });
});
