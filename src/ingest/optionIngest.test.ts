import { beforeEach, describe, expect, it } from 'vitest';
import type { OptionRow } from '../domain/option';
import type { OptionEvent, OptionGreeksEvent, OptionInstrumentEvent } from '../domain/optionEvents';
import { binanceOptionInstrument, parseOptionMarkPrices } from '../feeds/binance/optionParse';
import optionMarkPrice from '../feeds/binance/fixtures/optionMarkPrice.json';
import { okxOptionInstrument } from '../feeds/okx/optionParse';
import { createOptionIngest, type OptionIngest } from './optionIngest';
import { RowTable } from './rowTable';

/** The seed page's event time: both seed options (20 and 23 Nov 2025) are live then. */
const T = 1762867543321;
const NOV20 = Date.UTC(2025, 10, 20, 8);

let now = T + 5;
let chains: Map<string, RowTable<OptionRow>>;
let ingest: OptionIngest;
/** The flushes an ingest asked for, as the worker keeps them: each once until its tick. */
let flushes: Set<() => void>;

beforeEach(() => {
  now = T + 5;
  flushes = new Set();
  chains = new Map();
  ingest = createOptionIngest({
    chains,
    schedule: (flush) => flushes.add(flush),
    now: () => now,
    instrumentFromSymbol: { binance: binanceOptionInstrument, okx: okxOptionInstrument },
  });
});

const chain = (key: string) => Object.fromEntries([...(chains.get(key)?.values() ?? [])].map((row) => [row.key, row]));
const btc = () => chain('binance:BTCUSDT');

function greeks(symbol: string, time: number, delta: number): OptionGreeksEvent {
  return {
    kind: 'greeks', exchange: 'binance', symbol, time, markIv: 0.5, bidIv: null, askIv: 0.6,
    delta, gamma: 0.00001, theta: -10, vega: 5, underlyingPrice: 100_000,
  };
}

function listed(symbol: string, isListed = true): OptionInstrumentEvent {
  return { kind: 'instrument', ...binanceOptionInstrument(symbol)!, listed: isListed };
}

describe('batching', () => {
  it('applies the seed payload at the flush, creating each option from its symbol', () => {
    ingest.push(parseOptionMarkPrices(optionMarkPrice).events);
    expect(flushes.size).toBe(1);
    expect(chains.size).toBe(0);
    ingest.flushNow();
    expect(btc()['binance:BTC-251120-126000-C']).toMatchObject({
      underlying: 'BTCUSDT', strike: 126_000, callPut: 'call', expiry: NOV20,
      mark: 770.543, bid: null, ask: 900, markIv: 0.9408058, bidIv: null, delta: 0.11111964, theta: -164.26702615,
      underlyingPrice: 104334.60217391, appliedAt: T + 5,
    });
    expect(Object.keys(btc())).toHaveLength(2);
  });

  it('keeps the newest event of each kind per option, never going back in exchange time', () => {
    const symbol = 'BTC-251120-126000-C';
    ingest.push([greeks(symbol, T + 2, 0.2), greeks(symbol, T + 1, 0.1), greeks(symbol, T + 3, 0.3)]);
    ingest.flushNow();
    expect(btc()[`binance:${symbol}`]?.delta).toBe(0.3);
    expect(ingest.counters().coalesced).toBe(2);
    ingest.push([greeks(symbol, T, 0.9)]);
    ingest.flushNow();
    expect(btc()[`binance:${symbol}`]?.delta).toBe(0.3);
  });

  it('notes changes only in the chains that changed', () => {
    ingest.push([greeks('BTC-251120-126000-C', T, 0.1), greeks('ETH-251120-4000-C', T, 0.1)]);
    ingest.flushNow();
    for (const table of chains.values()) table.takeChanges();
    ingest.push([greeks('BTC-251120-126000-C', T + 1, 0.2)]);
    ingest.flushNow();
    expect(chains.get('binance:ETHUSDT')!.takeChanges().size).toBe(0);
    expect([...chains.get('binance:BTCUSDT')!.takeChanges().keys()]).toEqual(['binance:BTC-251120-126000-C']);
  });

  it('counts pushes for symbols that are not options', () => {
    ingest.push([greeks('BTCUSDT', T, 0.1)]);
    ingest.flushNow();
    expect(ingest.counters().rejected.binance).toBe(1);
  });
});

describe('listings and settlement', () => {
  it('adds strikes listed while open and removes what the complete list no longer has', () => {
    ingest.push([listed('BTC-251120-126000-C'), listed('BTC-251120-127000-C'), { kind: 'list-complete', exchange: 'binance' }]);
    ingest.flushNow();
    expect(Object.keys(btc()).sort()).toEqual(['binance:BTC-251120-126000-C', 'binance:BTC-251120-127000-C']);
    ingest.push([greeks('BTC-251120-128000-C', T, 0.05)]);
    ingest.flushNow();
    expect(btc()['binance:BTC-251120-128000-C']?.delta).toBe(0.05);
    ingest.push([listed('BTC-251120-127000-C'), listed('BTC-251120-128000-C'), { kind: 'list-complete', exchange: 'binance' }]);
    ingest.flushNow();
    expect(Object.keys(btc()).sort()).toEqual(['binance:BTC-251120-127000-C', 'binance:BTC-251120-128000-C']);
  });

  it('drops an option the venue delists', () => {
    ingest.push([listed('BTC-251120-126000-C')]);
    ingest.flushNow();
    ingest.push([listed('BTC-251120-126000-C', false)]);
    ingest.flushNow();
    expect(btc()).toEqual({});
  });

  it('removes an expiry at its settlement time, and a late push does not bring it back', () => {
    ingest.push(parseOptionMarkPrices(optionMarkPrice).events);
    ingest.flushNow();
    now = NOV20;
    ingest.push([greeks('BTC-251120-126000-C', NOV20, 0.5)]);
    ingest.flushNow();
    expect(Object.keys(btc())).toEqual(['binance:BTC-251123-126000-C']);
  });

  it('records each exchange’s chains for the picker', () => {
    const events: OptionEvent[] = [{ kind: 'underlyings', exchange: 'okx', underlyings: ['ETH-USD', 'BTC-USD'] }];
    ingest.push(events);
    ingest.flushNow();
    expect(ingest.underlyings()).toEqual({ binance: [], okx: ['BTC-USD', 'ETH-USD'] });
  });
});
