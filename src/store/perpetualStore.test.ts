import { describe, expect, it } from 'vitest';
import { emptyCounters, sumCounters } from './perpetualStore';

describe('ingest counters of several workers', () => {
  it('adds each counter up, per exchange for rejections', () => {
    const binance = { rejected: { binance: 3, okx: 0 }, coalesced: 10, applied: 100 };
    const okx = { rejected: { binance: 0, okx: 2 }, coalesced: 5, applied: 40 };
    expect(sumCounters([binance, okx])).toEqual({ rejected: { binance: 3, okx: 2 }, coalesced: 15, applied: 140 });
  });

  it('is all zeros for no workers yet, without touching the inputs', () => {
    const counters = emptyCounters();
    expect(sumCounters([])).toEqual(counters);
    sumCounters([counters, counters]).applied = 7;
    expect(counters.applied).toBe(0);
  });
});
