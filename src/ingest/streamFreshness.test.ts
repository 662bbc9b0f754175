import { beforeEach, describe, expect, it } from 'vitest';
import type { PerpRow } from '../domain/perp';
import type { PerpEvent } from '../domain/perpEvents';
import { instrumentFromSymbol } from '../feeds/binance/parse';
import { instrumentFromSwapId } from '../feeds/okx/parse';
import { createPerpIngest, type PerpIngest } from './perpIngest';
import { RowTable } from './rowTable';

const T = 1_763_870_000_000;
const SWAP = 'BTC-USDT-SWAP';

let now: number;
let rows: RowTable<PerpRow>;
let ingest: PerpIngest;

beforeEach(() => {
  now = T;
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

const mark = (time: number, value: number): PerpEvent => ({
  kind: 'mark', exchange: 'okx', symbol: SWAP, time, mark: value, index: null, estimatedSettle: null, fundingRate: null, nextFundingTime: null,
});
const ticker = (time: number): PerpEvent => ({ kind: 'ticker', exchange: 'okx', symbol: SWAP, time, last: 95_000, open24h: 94_000, quoteVolume24h: 1e9 });
const index = (time: number, value: number): PerpEvent => ({ kind: 'index', exchange: 'okx', indexId: 'BTC-USDT', time, index: value });
const row = () => rows.get(`okx:${SWAP}`)!;

describe("a row's freshness is its stream's", () => {
  it('is stamped when the stream frame that updates it was current', () => {
    ingest.push([mark(T - 100, 95_000)], now);
    ingest.flushNow();
    expect(row().streamedAt).toBe(T);
  });

  it('keeps the age of a frame that waited in a backlog, and never moves back', () => {
    // Dated by the venue clock's guard: current a minute before it was pushed and flushed.
    ingest.push([mark(T - 60_100, 95_000)], T - 60_000);
    ingest.flushNow();
    expect(row().streamedAt).toBe(T - 60_000);
    ingest.push([mark(T - 100, 95_010)], T);
    ingest.push([mark(T - 30_100, 95_005)], T - 30_000);
    ingest.flushNow();
    expect(row()).toMatchObject({ mark: 95_010, streamedAt: T });
  });

  it('is left by REST answers: ticker and index polls update the values, not the stamp', () => {
    ingest.push([mark(T - 100, 95_000)], now);
    ingest.flushNow();
    now = T + 60_000;
    ingest.push([ticker(now - 50)]);
    ingest.push([index(now - 50, 95_100)]);
    ingest.flushNow();
    expect(row()).toMatchObject({ last: 95_000, index: 95_100, streamedAt: T });
  });

  it('is 0 for a row only REST has filled, until its stream speaks', () => {
    ingest.push([mark(T - 100, 95_000)]);
    ingest.flushNow();
    expect(row()).toMatchObject({ mark: 95_000, streamedAt: 0 });
    now = T + 1000;
    ingest.push([mark(T + 900, 95_010)], now);
    ingest.flushNow();
    expect(row()).toMatchObject({ mark: 95_010, streamedAt: T + 1000 });
  });

  it('is stamped when the stream spoke in a tick even if a newer REST answer of the same kind won', () => {
    ingest.push([mark(T - 100, 95_000)], now);
    ingest.push([mark(T - 50, 95_020)]);
    ingest.flushNow();
    expect(row()).toMatchObject({ mark: 95_020, streamedAt: T });
  });
});

