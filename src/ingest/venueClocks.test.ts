import { describe, expect, it } from 'vitest';
import type { ExchangeId } from '../domain/exchange';
import type { PerpEvent, PerpMarkEvent } from '../domain/perpEvents';
import type { Ingest } from './batching';
import { VenueClocks } from './venueClocks';

const T0 = 1_796_187_974_000;
const YEAR_MS = 365 * 86_400_000;
/** The computer is 2 minutes fast. */
const SKEW_MS = 120_000;

function mark(exchange: ExchangeId, symbol: string, time: number, value: number): PerpMarkEvent {
  return { kind: 'mark', exchange, symbol, time, mark: value, index: null, estimatedSettle: null, fundingRate: null, nextFundingTime: null };
}

function recordingIngest() {
  const pushed: PerpEvent[] = [];
  const streamedAt: (number | undefined)[] = [];
  const rejected: Record<ExchangeId, number> = { binance: 0, okx: 0 };
  const ingest: Ingest<PerpEvent> = {
    push: (events, streamed) => {
      pushed.push(...events);
      streamedAt.push(streamed);
    },
    reject: (exchange, count) => void (rejected[exchange] += count),
    countCoalesced: () => {},
    counters: () => ({ rejected, coalesced: 0, applied: 0 }),
    flushNow: () => {},
  };
  return { ingest, pushed, streamedAt, rejected };
}

describe('VenueClocks', () => {
  it('refuses and counts a push stamped a year ahead; the pushes after it go on, and the clock stays', () => {
    let localNow = T0 + SKEW_MS;
    const clocks = new VenueClocks(() => localNow);
    const { ingest, pushed, rejected } = recordingIngest();
    const guarded = clocks.guard(ingest);

    guarded.push([mark('binance', 'BTCUSDT', T0, 95_400)], T0 + SKEW_MS + 7);
    localNow += 1000;
    guarded.push([mark('binance', 'BTCUSDT', T0 + 1000, 95_401)], T0 + SKEW_MS + 1000 + 9);
    expect(clocks.takeChanges()).toEqual({ binance: -120_007 });

    localNow += 1000;
    guarded.push([mark('binance', 'ETHUSDT', T0 + YEAR_MS, 12_345.6), mark('binance', 'BTCUSDT', T0 + YEAR_MS, 12_345.6)], localNow + 5);
    expect(rejected.binance).toBe(2);
    expect(clocks.takeChanges()).toBeNull();

    localNow += 1000;
    guarded.push([mark('binance', 'BTCUSDT', T0 + 3000, 95_402)], localNow + 8);
    expect(pushed.map((event) => (event.kind === 'mark' ? event.mark : null))).toEqual([95_400, 95_401, 95_402]);
    expect(rejected).toEqual({ binance: 2, okx: 0 });
    expect(clocks.takeChanges()).toBeNull();
  });

  it('keeps one clock per venue, and passes events without a time through untouched', () => {
    const localNow = T0;
    const clocks = new VenueClocks(() => localNow);
    const { ingest, pushed } = recordingIngest();
    const guarded = clocks.guard(ingest);
    guarded.push([mark('okx', 'BTC-USDT-SWAP', T0 - 3000 + 120_000, 95_000)], T0 - 3000 + 4);
    guarded.push([{ kind: 'list-complete', exchange: 'binance' }]);
    guarded.push([mark('binance', 'BTCUSDT', T0 - 2000 - 120_000, 95_000)], T0 - 2000 + 6);
    expect(pushed).toHaveLength(3);
    expect(clocks.takeChanges()).toEqual({ binance: -120_006, okx: 119_996 });
  });

  it('tells the page of an offset again only once it moved by 100 ms or more', () => {
    let localNow = T0;
    const clocks = new VenueClocks(() => localNow);
    const guarded = clocks.guard(recordingIngest().ingest);
    const lagOf = (lag: number): void => {
      localNow += 500;
      guarded.push([mark('binance', 'BTCUSDT', localNow - lag, 1)], localNow);
    };
    lagOf(300);
    expect(clocks.takeChanges()).toEqual({ binance: -300 });
    lagOf(201);
    expect(clocks.takeChanges()).toBeNull();
    lagOf(200);
    expect(clocks.takeChanges()).toEqual({ binance: -200 });
  });

  it('stamps a REST answer, which has no frame time, as received when it is pushed', () => {
    const localNow = T0 + SKEW_MS;
    const clocks = new VenueClocks(() => localNow);
    const { ingest, pushed } = recordingIngest();
    clocks.guard(ingest).push([mark('binance', 'BTCUSDT', T0 - 40, 95_400)]);
    expect(pushed).toHaveLength(1);
    expect(clocks.takeChanges()).toEqual({ binance: -120_040 });
  });

  it('hands a frame on as current when it arrived, or, if it waited in a backlog, when it would have arrived on time', () => {
    let localNow = T0 + SKEW_MS;
    const clocks = new VenueClocks(() => localNow);
    const { ingest, streamedAt } = recordingIngest();
    const guarded = clocks.guard(ingest);
    for (let second = 0; second < 5; second++) {
      localNow = T0 + second * 1000 + SKEW_MS + 30;
      guarded.push([mark('binance', 'BTCUSDT', T0 + second * 1000, 95_400)], localNow);
    }
    expect(clocks.streamedAt('binance')).toBe(localNow);
    // Frozen 3 minutes: a frame the venue stamped 10 s into the freeze arrives after it.
    localNow = T0 + 4000 + SKEW_MS + 180_000;
    guarded.push([mark('binance', 'BTCUSDT', T0 + 14_000, 95_410)], localNow);
    guarded.push([mark('binance', 'BTCUSDT', T0 + 4000 + 180_000, 95_420)], localNow + 10);
    guarded.push([mark('binance', 'BTCUSDT', T0 - 40, 95_400)]);
    expect(streamedAt.slice(5)).toEqual([T0 + 14_000 + SKEW_MS + 30, localNow + 10, undefined]);
    expect(clocks.streamedAt('binance')).toBe(localNow + 10);
    expect(clocks.streamedAt('okx')).toBeNull();
  });
});
