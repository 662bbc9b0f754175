import { describe, expect, it } from 'vitest';
import liveOptSummaryPush from './fixtures/okx-opt-summary-push.json';
import liveOptionTickersPush from './fixtures/okx-tickers-push-option-empty-bid.json';
import optSummaryPush from './fixtures/optSummaryPush.json';
import optSummaryRest from './fixtures/optSummaryRest.json';
import { okxProtocol } from './okxProtocol';
import {
  okxOptionInstrument,
  parseOptionInstruments,
  parseOptionMarkPrices,
  parseOptionTickers,
  parseOptSummary,
} from './optionParse';

describe('parseOptSummary (OKX docs examples)', () => {
  it('takes the USD-terms (BS) greeks, the vols as fractions and the forward; a "0" bid vol is no bid', () => {
    expect(parseOptSummary(optSummaryRest.data)).toEqual({
      rejected: 0,
      events: [
        {
          kind: 'greeks', exchange: 'okx', symbol: 'BTC-USD-220309-33000-C', time: 1646733631242,
          markIv: 1.5551965233045728, bidIv: null, askIv: 3.7207056835937498,
          delta: 0.9857332101544538, gamma: 0.000011933182397798109, theta: -66.03526900575946, vega: 0.7089307622132419,
          underlyingPrice: Number("39016.8143629068452065"),
        },
        {
          kind: 'greeks', exchange: 'okx', symbol: 'BTC-USD-220309-33000-P', time: 1646733631242,
          markIv: 1.5551965233045728, bidIv: null, askIv: 1.7968814062499998,
          delta: -0.01426678984554619, gamma: 0.000011933182397798109, theta: -54.93377294845015, vega: 0.7089307622132419,
          underlyingPrice: Number("39016.8143629068452065"),
        },
      ],
    });
  });

  it('reads the channel push (classified by its instFamily argument)', () => {
    const inbound = okxProtocol.classify(JSON.stringify(optSummaryPush));
    expect(inbound).toMatchObject({ kind: 'data', topicKey: 'opt-summary|||BTC-USD' });
    const payload = (inbound as { payload: unknown }).payload;
    expect(parseOptSummary(payload).events).toEqual([
      {
        kind: 'greeks', exchange: 'okx', symbol: 'BTC-USD-241013-70000-P', time: 1728703155650,
        markIv: 0.3675503331, bidIv: null, askIv: 1.1669998535,
        delta: -0.9999672034, gamma: 0.0000000002, theta: 28.2649858387, vega: 0.0000114332,
        underlyingPrice: 62604.6993093463,
      },
    ]);
  });

  it('rejects rows without the BS greeks, mark vol or forward', () => {
    const [row] = optSummaryRest.data;
    const bad = [{ ...row, deltaBS: '' }, { ...row, markVol: '0' }, { ...row, fwdPx: 'x' }, { ...row, instId: 'BTC-USD-SWAP' }];
    expect(parseOptSummary([...bad, row])).toMatchObject({ rejected: 4, events: { length: 1 } });
    expect(parseOptSummary({ not: 'an array' })).toEqual({ rejected: 1, events: [] });
  });
});

describe('OKX option frames recorded live (real-payloads)', () => {
  it('reads the 2026 opt-summary push, whose extra fields (buyApr, sellApr, distance, volLv) and empty realVol change nothing', () => {
    const inbound = okxProtocol.classify(JSON.stringify(liveOptSummaryPush));
    expect(inbound).toMatchObject({ kind: 'data', topicKey: 'opt-summary|||BTC-USD' });
    expect(parseOptSummary((inbound as { payload: unknown }).payload)).toEqual({
      rejected: 0,
      events: [
        {
          kind: 'greeks', exchange: 'okx', symbol: 'BTC-USD-260323-69500-P', time: 1773966134835,
          markIv: 0.4876708033, bidIv: 0.4736418652, askIv: 0.5004972802,
          delta: -0.4177692831, gamma: 0.0001198083, theta: -189.9336406909, vega: 26.0871868579,
          underlyingPrice: 70097.9783321022,
        },
      ],
    });
  });

  it('reads an option ticker with no bid ("bidPx":"", "bidSz":"") as an empty side, not bad input', () => {
    const inbound = okxProtocol.classify(JSON.stringify(liveOptionTickersPush));
    expect(parseOptionTickers((inbound as { payload: unknown }).payload)).toEqual({
      rejected: 0,
      events: [
        { kind: 'book', exchange: 'okx', symbol: 'BTC-USD-220624-50000-C', time: 1654166283149, bid: null, ask: 0.0015, bidSize: null, askSize: 330 },
      ],
    });
  });
});

describe('OKX option channels', () => {
  it('reads the option mark price in the coin', () => {
    const push = [{ instType: 'OPTION', instId: 'BTC-USD-251226-100000-C', markPx: '0.0123', ts: '1762867543321' }];
    expect(parseOptionMarkPrices(push).events).toEqual([
      { kind: 'mark', exchange: 'okx', symbol: 'BTC-USD-251226-100000-C', time: 1762867543321, mark: 0.0123, highLimit: null, lowLimit: null },
    ]);
  });

  it('reads best bid/ask from tickers; an empty side is null with no size', () => {
    const push = [
      { instType: 'OPTION', instId: 'BTC-USD-251226-100000-C', bidPx: '', bidSz: '0', askPx: '0.0125', askSz: '40', ts: '1762867543321' },
    ];
    expect(parseOptionTickers(push).events).toEqual([
      { kind: 'book', exchange: 'okx', symbol: 'BTC-USD-251226-100000-C', time: 1762867543321, bid: null, ask: 0.0125, bidSize: null, askSize: 40 },
    ]);
  });

  it('lists OPTION instruments per family, live ones as listed', () => {
    const instrument = {
      instType: 'OPTION', instId: 'ETH-USD-251226-3000-P', uly: 'ETH-USD', instFamily: 'ETH-USD', settleCcy: 'ETH',
      optType: 'P', stk: '3000', expTime: String(Date.UTC(2025, 11, 26, 8)), state: 'live',
    };
    const { events, rejected } = parseOptionInstruments([instrument, { ...instrument, state: 'expired' }, { ...instrument, instType: 'SWAP' }]);
    expect(rejected).toBe(1);
    expect(events).toEqual([
      {
        kind: 'instrument', exchange: 'okx', symbol: 'ETH-USD-251226-3000-P', underlying: 'ETH-USD', base: 'ETH',
        expiry: Date.UTC(2025, 11, 26, 8), strike: 3000, callPut: 'put', priceCurrency: 'ETH', listed: true,
      },
      expect.objectContaining({ listed: false }),
    ]);
  });
});

describe('okxOptionInstrument', () => {
  it('reads family, expiry (08:00 UTC), strike and side from the id', () => {
    expect(okxOptionInstrument('BTC-USD-251226-100000-C')).toEqual({
      exchange: 'okx', symbol: 'BTC-USD-251226-100000-C', underlying: 'BTC-USD', base: 'BTC',
      expiry: Date.UTC(2025, 11, 26, 8), strike: 100_000, callPut: 'call', priceCurrency: 'BTC',
    });
    expect(okxOptionInstrument('BTC-251120-126000-C')).toBeNull();
    expect(okxOptionInstrument('BTC-USD-SWAP')).toBeNull();
  });
});
