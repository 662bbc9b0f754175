import { beforeEach, describe, expect, it } from 'vitest';
import type { DatedFutureRow } from '../domain/datedFuture';
import type { DatedFutureMarkEvent } from '../domain/datedFutureEvents';
import { createDatedFutureIngest, type DatedFutureIngest } from './datedFutureIngest';
import { RowTable } from './rowTable';

const DEC25 = Date.UTC(2026, 11, 25, 8);
const T = Date.UTC(2026, 11, 4, 18);

let now = T;
let rows: RowTable<DatedFutureRow>;
let ingest: DatedFutureIngest;

beforeEach(() => {
  now = T;
  rows = new RowTable();
  ingest = createDatedFutureIngest({ rows, schedule: () => {}, now: () => now });
});

function okxMark(time: number, mark: number, symbol = 'BTC-USD-261225'): DatedFutureMarkEvent {
  return { kind: 'mark', exchange: 'okx', symbol, coin: 'BTC', margin: 'inverse', expiry: DEC25, indexId: 'BTC-USD', time, mark, index: null };
}

describe('dated-future ingest', () => {
  it('keeps the newest mark per future and takes its index from its own record on Binance', () => {
    const binance: DatedFutureMarkEvent = { ...okxMark(T, 101), exchange: 'binance', symbol: 'BTCUSDT_261225', margin: 'linear', indexId: null, index: 100 };
    ingest.push([binance, { ...binance, time: T - 1, mark: 99 }], T + 3);
    ingest.flushNow();
    expect(rows.get('binance:BTCUSDT_261225')).toMatchObject({ mark: 101, index: 100, markTime: T, indexTime: T, streamedAt: T + 3 });
  });

  it('joins an OKX mark with its index, whichever comes first', () => {
    ingest.push([{ kind: 'index', exchange: 'okx', indexId: 'BTC-USD', time: T, index: 100 }]);
    ingest.flushNow();
    ingest.push([okxMark(T + 1, 101)], T + 2);
    ingest.flushNow();
    expect(rows.get('okx:BTC-USD-261225')).toMatchObject({ mark: 101, index: 100 });
    ingest.push([{ kind: 'index', exchange: 'okx', indexId: 'BTC-USD', time: T + 5, index: 100.5 }]);
    ingest.flushNow();
    expect(rows.get('okx:BTC-USD-261225')).toMatchObject({ mark: 101, index: 100.5, indexTime: T + 5, streamedAt: T + 2 });
  });

  it('drops a coin’s rows when its feed closes, even marks still waiting, and a future at delivery', () => {
    ingest.push([okxMark(T, 101), okxMark(T, 102, 'BTC-USD-270326')]);
    ingest.flushNow();
    ingest.push([okxMark(T + 1, 103), { kind: 'closed', exchange: 'okx', coin: 'BTC' }]);
    ingest.flushNow();
    expect(rows.size).toBe(0);
    ingest.push([okxMark(T + 2, 104)]);
    ingest.flushNow();
    now = DEC25;
    ingest.push([okxMark(DEC25, 105)]);
    ingest.flushNow();
    expect(rows.size).toBe(0);
  });
});
