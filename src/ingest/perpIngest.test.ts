import { beforeEach, describe, expect, it } from 'vitest';
import type { PerpEvent, PerpMarkEvent } from '../domain/perpEvents';
import type { PerpRow } from '../domain/perp';
import { instrumentFromSymbol } from '../feeds/binance/parse';
import { instrumentFromSwapId } from '../feeds/okx/parse';
import { createPerpIngest, type PerpIngest } from './perpIngest';
import { RowTable } from './rowTable';

const T = 1_763_870_000_000;

function binanceMark(symbol: string, time: number, mark: number, fundingRate = 0.0001): PerpMarkEvent {
  return { kind: 'mark', exchange: 'binance', symbol, time, mark, index: 100, estimatedSettle: null, fundingRate, nextFundingTime: T + 3_600_000 };
}

let rows: RowTable<PerpRow>;
let ingest: PerpIngest;
/** The flushes an ingest asked for, as the worker keeps them: each once until its tick. */
let flushes: Set<() => void>;

beforeEach(() => {
  rows = new RowTable();
  flushes = new Set();
  ingest = createPerpIngest({
    rows,
    schedule: (flush) => flushes.add(flush),
    instrumentFromSymbol: {
      binance: (symbol) => ({ kind: 'instrument', ...instrumentFromSymbol(symbol), indexId: null, listed: true }),
      okx: instrumentFromSwapId,
    },
  });
});

const quotes = () => Object.fromEntries([...rows.values()].map((row) => [row.key, row]));

describe('batching', () => {
  it('buffers pushes and applies them in one row write per scheduled flush', () => {
    for (let i = 0; i < 100; i++) ingest.push([binanceMark('BTCUSDT', T + i, 100 + i)]);
    expect(flushes.size).toBe(1);
    expect(rows.size).toBe(0);
    ingest.flushNow();
    expect(quotes()['binance:BTCUSDT']?.mark).toBe(199);
    expect(ingest.counters()).toMatchObject({ coalesced: 99, applied: 1 });
  });

  it('never lets an older event overwrite a newer one, within or across batches', () => {
    ingest.push([binanceMark('BTCUSDT', T + 10, 110), binanceMark('BTCUSDT', T + 5, 105)]);
    ingest.flushNow();
    expect(quotes()['binance:BTCUSDT']?.mark).toBe(110);
    ingest.push([binanceMark('BTCUSDT', T + 1, 101)]);
    ingest.flushNow();
    expect(quotes()['binance:BTCUSDT']?.mark).toBe(110);
  });
});

describe('rows', () => {
  it('fills a Binance row from the stream alone, assuming 8 h until fundingInfo says otherwise', () => {
    ingest.push([binanceMark('XYZUSDT', T, 100.05, 0.0005)]);
    ingest.flushNow();
    expect(quotes()['binance:XYZUSDT']).toMatchObject({
      base: 'XYZ',
      quoteAsset: 'USDT',
      intervalHours: 8,
      intervalAssumed: true,
      annualised: 0.0005 * 3 * 365,
    });
    expect(quotes()['binance:XYZUSDT']!.premium).toBeCloseTo(0.0005, 12);
    ingest.push([{ kind: 'funding-terms', exchange: 'binance', terms: new Map([['XYZUSDT', { intervalHours: 4, cap: 0.02, floor: -0.02 }]]), defaultHours: 8 }]);
    ingest.flushNow();
    expect(quotes()['binance:XYZUSDT']).toMatchObject({ intervalHours: 4, intervalAssumed: false, fundingCap: 0.02, fundingFloor: -0.02 });
    expect(quotes()['binance:XYZUSDT']!.annualised).toBeCloseTo(1.095, 12);
  });

  it('keeps 8 h marked as assumed for a symbol fundingInfo lists with an interval it could not read', () => {
    ingest.push([binanceMark('XYZUSDT', T, 100, 0.0005), binanceMark('ABCUSDT', T, 100, 0.0005)]);
    ingest.push([{ kind: 'funding-terms', exchange: 'binance', terms: new Map([['XYZUSDT', null]]), defaultHours: 8 }]);
    ingest.flushNow();
    expect(quotes()['binance:XYZUSDT']).toMatchObject({ intervalHours: 8, intervalAssumed: true, fundingCap: null, fundingFloor: null });
    expect(quotes()['binance:ABCUSDT']).toMatchObject({ intervalHours: 8, intervalAssumed: false, fundingCap: null, fundingFloor: null });
  });

  it('drops rows and refuses events for symbols outside a complete list', () => {
    ingest.push([binanceMark('OLDUSDT', T, 1), binanceMark('BTCUSDT', T, 1)]);
    ingest.flushNow();
    ingest.push([
      { kind: 'instrument', exchange: 'binance', symbol: 'BTCUSDT', base: 'BTC', quoteAsset: 'USDT', coin: 'BTC', market: 'crypto', margin: 'linear', indexId: null, listed: true },
      { kind: 'list-complete', exchange: 'binance' },
    ]);
    ingest.flushNow();
    expect(Object.keys(quotes())).toEqual(['binance:BTCUSDT']);
    ingest.push([binanceMark('OLDUSDT', T + 1, 1)]);
    ingest.flushNow();
    expect(quotes()['binance:OLDUSDT']).toBeUndefined();
    expect(ingest.counters().rejected.binance).toBe(1);
  });

  it('keeps TradFi and COIN-M rows when Binance’s USDⓈ-M list arrives, taking TradFi’s market from it', () => {
    const instrument = (symbol: string, base: string, market: 'crypto' | 'tradfi'): PerpEvent => ({
      kind: 'instrument', exchange: 'binance', symbol, base, quoteAsset: 'USDT', coin: base, market, margin: 'linear', indexId: null, listed: true,
    });
    ingest.push([binanceMark('XAUUSDT', T, 4100, 0.0002), binanceMark('BTCUSD_PERP', T, 95_000), binanceMark('BTCUSDT', T, 95_000), binanceMark('OLDUSDT', T, 1)]);
    ingest.flushNow();
    expect(quotes()['binance:XAUUSDT']).toMatchObject({ market: 'crypto', margin: 'linear' });
    expect(quotes()['binance:BTCUSD_PERP']).toMatchObject({ base: 'BTC', quoteAsset: 'USD', coin: 'BTC', market: 'crypto', margin: 'inverse' });

    ingest.push([instrument('BTCUSDT', 'BTC', 'crypto'), instrument('XAUUSDT', 'XAU', 'tradfi'), { kind: 'list-complete', exchange: 'binance', margin: 'linear' }]);
    ingest.flushNow();
    expect(Object.keys(quotes()).sort()).toEqual(['binance:BTCUSDT', 'binance:BTCUSD_PERP', 'binance:XAUUSDT']);
    expect(quotes()['binance:XAUUSDT']).toMatchObject({ market: 'tradfi', mark: 4100 });

    ingest.push([
      binanceMark('XAUUSDT', T + 1, 4101, 0.0002),
      binanceMark('BTCUSD_PERP', T + 1, 95_001),
      binanceMark('ETHUSD_PERP', T + 1, 3_200),
      binanceMark('OLDUSDT', T + 1, 1),
      { kind: 'funding-terms', exchange: 'binance', terms: new Map([['XAUUSDT', { intervalHours: 4, cap: 0.005, floor: -0.005 }]]), defaultHours: 8 },
    ]);
    ingest.flushNow();
    expect(quotes()['binance:XAUUSDT']).toMatchObject({ mark: 4101, intervalHours: 4, intervalAssumed: false, market: 'tradfi' });
    expect(quotes()['binance:XAUUSDT']!.annualised).toBeCloseTo(0.0002 * 6 * 365, 12);
    expect(quotes()['binance:BTCUSD_PERP']).toMatchObject({ mark: 95_001, intervalHours: 8, intervalAssumed: false });
    expect(quotes()['binance:ETHUSD_PERP']).toMatchObject({ margin: 'inverse', mark: 3_200 });
    expect(quotes()['binance:OLDUSDT']).toBeUndefined();
    expect(ingest.counters().rejected.binance).toBe(1);
  });

  it('puts one OKX index push on every swap priced against it, derives the 4 h interval and carries the last settlement', () => {
    const events: PerpEvent[] = [
      { kind: 'instrument', exchange: 'okx', symbol: 'BTC-USDT-SWAP', base: 'BTC', quoteAsset: 'USDT', coin: 'BTC', market: 'crypto', margin: 'linear', indexId: 'BTC-USDT', listed: true },
      { kind: 'instrument', exchange: 'okx', symbol: 'BTC-USDC-SWAP', base: 'BTC', quoteAsset: 'USDC', coin: 'BTC', market: 'crypto', margin: 'linear', indexId: 'BTC-USDC', listed: true },
      { kind: 'mark', exchange: 'okx', symbol: 'BTC-USDT-SWAP', time: T, mark: 95_047.5, index: null, estimatedSettle: null, fundingRate: null, nextFundingTime: null },
      { kind: 'index', exchange: 'okx', indexId: 'BTC-USDT', time: T, index: 95_000 },
      { kind: 'funding', exchange: 'okx', symbol: 'BTC-USDT-SWAP', time: T, fundingRate: 0.0005, nextFundingRate: null, nextFundingTime: T + 1000, intervalHours: 4, settledFundingRate: 0.0004, lastSettlementTime: T - 1000, fundingCap: 0.015, fundingFloor: -0.015 },
    ];
    ingest.push(events);
    ingest.flushNow();
    const row = quotes()['okx:BTC-USDT-SWAP']!;
    expect(row).toMatchObject({ index: 95_000, intervalHours: 4, intervalAssumed: false, settledFundingRate: 0.0004, lastSettlementTime: T - 1000, fundingCap: 0.015, fundingFloor: -0.015 });
    expect(row.premium! * 10_000).toBeCloseTo(5, 9);
    expect(row.annualised).toBeCloseTo(1.095, 12);
    expect(quotes()['okx:BTC-USDC-SWAP']!.index).toBeNull();
  });

  it('leaves a row untouched when a poll repeats its index (same time and price), and moves it when the index moves', () => {
    const index = (time: number, value: number): PerpEvent => ({ kind: 'index', exchange: 'okx', indexId: 'BTC-USDT', time, index: value });
    ingest.push([
      { kind: 'instrument', exchange: 'okx', symbol: 'BTC-USDT-SWAP', base: 'BTC', quoteAsset: 'USDT', coin: 'BTC', market: 'crypto', margin: 'linear', indexId: 'BTC-USDT', listed: true },
      index(T, 95_000),
    ]);
    ingest.flushNow();
    const before = quotes()['okx:BTC-USDT-SWAP'];
    ingest.push([index(T, 95_000)]);
    ingest.flushNow();
    expect(quotes()['okx:BTC-USDT-SWAP']).toBe(before);
    ingest.push([index(T + 1000, 95_010)]);
    ingest.flushNow();
    expect(quotes()['okx:BTC-USDT-SWAP']).toMatchObject({ index: 95_010, indexTime: T + 1000 });
  });

  it('computes the 24 h change from last and open', () => {
    ingest.push([binanceMark('ETHUSDT', T, 3301), { kind: 'ticker', exchange: 'binance', symbol: 'ETHUSDT', time: T, last: 3300, open24h: 3000, quoteVolume24h: 1e9 }]);
    ingest.flushNow();
    expect(quotes()['binance:ETHUSDT']!.change24h).toBeCloseTo(0.1, 12);
  });

  it('without the list, starts no row from a ticker alone (dated contracts tick too); a perpetual’s ticker waits for its mark', () => {
    const ticker = (symbol: string) => ({ kind: 'ticker' as const, exchange: 'binance' as const, symbol, time: T, last: 3300, open24h: 3000, quoteVolume24h: 1e9 });
    ingest.push([ticker('ETHUSDT_261225'), ticker('ETHUSDT')]);
    ingest.flushNow();
    expect(quotes()).toEqual({});
    ingest.push([binanceMark('ETHUSDT', T + 1, 3301)]);
    ingest.flushNow();
    expect(Object.keys(quotes())).toEqual(['binance:ETHUSDT']);
    expect(quotes()['binance:ETHUSDT']).toMatchObject({ mark: 3301, last: 3300, quoteVolume24h: 1e9 });
    expect(ingest.counters().rejected.binance).toBe(0);
  });
});
