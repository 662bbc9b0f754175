import { describe, expect, it } from 'vitest';
import markPricePush from './fixtures/markPricePush.json';
import liveSwapEntry from './fixtures/okx-instruments-swap-entry.json';
import liveMarkPush from './fixtures/okx-mark-price-push.json';
import { parseFutureMarks, parseFutureMarksResponse, parseFuturesInstruments } from './datedFutureParse';

/** No FUTURES record is on record; OKX's FUTURES records carry the swap record's keys (fake README), these ones set as a quarterly's. */
const futureEntry = {
  ...liveSwapEntry,
  alias: 'quarter',
  ctType: 'inverse',
  ctVal: '100',
  ctValCcy: 'USD',
  expTime: '1798185600000',
  instFamily: 'BTC-USD',
  instId: 'BTC-USD-261225',
  instType: 'FUTURES',
  uly: 'BTC-USD',
};

describe('OKX dated-future marks', () => {
  it('reads the seed page’s FUTURES mark-price push, expiring at 08:00 UTC on its date', () => {
    expect(parseFutureMarks(markPricePush.data)).toEqual({
      events: [
        {
          kind: 'mark',
          exchange: 'okx',
          symbol: 'LTC-USD-190628',
          coin: 'LTC',
          margin: 'inverse',
          expiry: Date.UTC(2019, 5, 28, 8),
          indexId: 'LTC-USD',
          time: 1597026383085,
          mark: 0.1,
          index: null,
        },
      ],
      rejected: 0,
    });
  });

  it('reads a linear BTC-USD_UM future against the BTC-USD index', () => {
    const [event] = parseFutureMarks([{ instType: 'FUTURES', instId: 'BTC-USD_UM-261225', markPx: '92010.4', ts: '1796000000000' }]).events;
    expect(event).toMatchObject({ coin: 'BTC', margin: 'linear', indexId: 'BTC-USD', expiry: Date.UTC(2026, 11, 25, 8), mark: 92010.4 });
  });

  it('refuses the live swap push, a bad mark and a bad time, and counts them', () => {
    const [swap] = liveMarkPush.data;
    const bad = [swap, { ...markPricePush.data[0], markPx: '0' }, { ...markPricePush.data[0], ts: '' }, 'text'];
    expect(parseFutureMarks(bad)).toEqual({ events: [], rejected: 4 });
  });

  it('reads GET /api/v5/public/mark-price?instType=FUTURES for the futures followed only', () => {
    const body = { code: '0', msg: '', data: [markPricePush.data[0], { ...markPricePush.data[0], instId: 'ETH-USD-190628' }] };
    expect(parseFutureMarksResponse(body, (instId) => instId === 'LTC-USD-190628')?.events.map((event) => event.symbol)).toEqual(['LTC-USD-190628']);
  });
});

describe('OKX FUTURES instruments', () => {
  it('lists a live quarterly with its record’s index, and one not live as unlisted', () => {
    expect(parseFuturesInstruments([futureEntry, { ...futureEntry, instId: 'BTC-USD-270326', state: 'suspend' }])).toEqual({
      events: [
        { instrument: { exchange: 'okx', symbol: 'BTC-USD-261225', coin: 'BTC', margin: 'inverse', expiry: 1798185600000, indexId: 'BTC-USD' }, listed: true },
        { instrument: { exchange: 'okx', symbol: 'BTC-USD-270326', coin: 'BTC', margin: 'inverse', expiry: Date.UTC(2027, 2, 26, 8), indexId: 'BTC-USD' }, listed: false },
      ],
      rejected: 0,
    });
  });

  it('refuses a swap record and an unreadable id', () => {
    expect(parseFuturesInstruments([liveSwapEntry, { ...futureEntry, instId: 'BTC-USD-26X225' }])).toEqual({ events: [], rejected: 2 });
  });
});
