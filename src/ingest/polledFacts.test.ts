import { beforeEach, describe, expect, it } from 'vitest';
import type { PerpBookTopEvent, PerpEvent, PerpFundingEvent, PerpMarkEvent, PerpOpenInterestEvent } from '../domain/perpEvents';
import type { PerpRow } from '../domain/perp';
import { instrumentFromSymbol } from '../feeds/binance/parse';
import { instrumentFromSwapId } from '../feeds/okx/parse';
import { createPerpIngest, type PerpIngest } from './perpIngest';
import { RowTable } from './rowTable';

const T = 1_763_870_000_000;

const mark = (symbol: string, time: number, value: number): PerpMarkEvent => ({
  kind: 'mark', exchange: 'binance', symbol, time, mark: value, index: value, estimatedSettle: null, fundingRate: 0.0001, nextFundingTime: T + 3_600_000,
});
const top = (symbol: string, time: number, bid: number | null, ask: number | null): PerpBookTopEvent => ({ kind: 'book-top', exchange: 'binance', symbol, time, bid, ask });
const interest = (symbol: string, time: number, openInterest: number): PerpOpenInterestEvent => ({ kind: 'open-interest', exchange: 'binance', symbol, time, openInterest });
const okxFunding = (time: number, fundingCap: number | null, fundingFloor: number | null): PerpFundingEvent => ({
  kind: 'funding', exchange: 'okx', symbol: 'BTC-USDT-SWAP', time, fundingRate: 0.0001, nextFundingRate: null, nextFundingTime: T + 1000,
  intervalHours: 8, settledFundingRate: null, lastSettlementTime: null, fundingCap, fundingFloor,
});

let rows: RowTable<PerpRow>;
let ingest: PerpIngest;

beforeEach(() => {
  rows = new RowTable();
  ingest = createPerpIngest({
    rows,
    schedule: () => undefined,
    instrumentFromSymbol: {
      binance: (symbol) => ({ kind: 'instrument', ...instrumentFromSymbol(symbol), indexId: null, listed: true }),
      okx: instrumentFromSwapId,
    },
  });
});

const apply = (events: PerpEvent[], receivedAt?: number): void => {
  ingest.push(events, receivedAt);
  ingest.flushNow();
};
const row = (key = 'binance:BTCUSDT') => rows.get(key)!;

describe('best bid and ask', () => {
  it('keeps the newest top, leaves a poll that repeats it unwritten, and an empty side null', () => {
    apply([mark('BTCUSDT', T, 100)], T);
    apply([top('BTCUSDT', T + 10, 99.9, 100.1), top('BTCUSDT', T + 5, 99, 101)]);
    expect(row()).toMatchObject({ bid: 99.9, ask: 100.1, bookTopTime: T + 10 });
    apply([top('BTCUSDT', T + 7, 98, 102)]);
    expect(row()).toMatchObject({ bid: 99.9, ask: 100.1 });
    const before = row();
    apply([top('BTCUSDT', T + 10, 99.9, 100.1)]);
    expect(row()).toBe(before);
    apply([top('BTCUSDT', T + 10, null, 100.1)]);
    expect(row()).toMatchObject({ bid: null, ask: 100.1, bookTopTime: T + 10 });
  });

  it('is a REST answer: it leaves the time the stream last spoke', () => {
    apply([mark('BTCUSDT', T, 100)], T + 1);
    expect(row().streamedAt).toBe(T + 1);
    apply([top('BTCUSDT', T + 1000, 99.9, 100.1)]);
    expect(row()).toMatchObject({ bid: 99.9, streamedAt: T + 1 });
  });
});

describe('open interest', () => {
  it('keeps the newest figure and values it at the live mark', () => {
    apply([mark('BTCUSDT', T, 100)], T);
    expect(row()).toMatchObject({ openInterest: null, openInterestUsd: null, openInterestTime: 0 });
    apply([interest('BTCUSDT', T + 10, 1_500), interest('BTCUSDT', T + 3, 9)]);
    expect(row()).toMatchObject({ openInterest: 1_500, openInterestUsd: 150_000, openInterestTime: T + 10 });
    apply([interest('BTCUSDT', T + 4, 7)]);
    expect(row().openInterest).toBe(1_500);
    apply([mark('BTCUSDT', T + 1000, 101)], T + 1000);
    expect(row().openInterestUsd).toBe(151_500);
  });

  it('has no value while the row has no mark, and none that overflows', () => {
    apply([
      { kind: 'instrument', exchange: 'okx', symbol: 'BTC-USDT-SWAP', base: 'BTC', quoteAsset: 'USDT', coin: 'BTC', market: 'crypto', margin: 'linear', indexId: 'BTC-USDT', listed: true },
      { kind: 'open-interest', exchange: 'okx', symbol: 'BTC-USDT-SWAP', time: T, openInterest: 555.55 },
    ]);
    expect(row('okx:BTC-USDT-SWAP')).toMatchObject({ openInterest: 555.55, openInterestUsd: null });
    apply([mark('BTCUSDT', T, 1e300), interest('BTCUSDT', T, 1e10)], T);
    expect(row()).toMatchObject({ openInterest: 1e10, openInterestUsd: null });
  });
});

describe('polls naming contracts that are not rows', () => {
  it('start no row and count nothing bad, before the list and after it', () => {
    apply([top('NEWUSDT', T, 1, 2), interest('NEWUSDT', T, 5)]);
    apply([{ kind: 'list-complete', exchange: 'binance', margin: 'linear' }, top('OLDUSDT', T, 1, 2)]);
    expect(rows.size).toBe(0);
    expect(ingest.counters().rejected.binance).toBe(0);
  });
});

describe('funding caps and floors', () => {
  it("take Binance's list where it has the symbol, and none where it does not, for rows already there and rows to come", () => {
    apply([mark('BTCUSDT', T, 100), mark('ETHUSDT', T, 100)], T);
    apply([{ kind: 'funding-terms', exchange: 'binance', terms: new Map([['BTCUSDT', { intervalHours: 8, cap: 0.003, floor: -0.003 }]]), defaultHours: 8 }]);
    expect(row()).toMatchObject({ fundingCap: 0.003, fundingFloor: -0.003 });
    expect(row('binance:ETHUSDT')).toMatchObject({ fundingCap: null, fundingFloor: null });
    apply([{ kind: 'funding-terms', exchange: 'binance', terms: new Map([['SOLUSDT', { intervalHours: 4, cap: 0.02, floor: -0.02 }]]), defaultHours: 8 }]);
    expect(row()).toMatchObject({ fundingCap: null, fundingFloor: null });
    apply([mark('SOLUSDT', T, 150)], T);
    expect(row('binance:SOLUSDT')).toMatchObject({ intervalHours: 4, fundingCap: 0.02, fundingFloor: -0.02 });
  });

  it("follow OKX's funding records, newest first", () => {
    apply([okxFunding(T + 10, 0.00375, -0.00375), okxFunding(T + 5, 0.01, -0.01)]);
    expect(row('okx:BTC-USDT-SWAP')).toMatchObject({ fundingCap: 0.00375, fundingFloor: -0.00375 });
    apply([okxFunding(T + 20, null, null)]);
    expect(row('okx:BTC-USDT-SWAP')).toMatchObject({ fundingCap: null, fundingFloor: null });
  });
});
