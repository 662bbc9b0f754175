import { describe, expect, it } from 'vitest';
import { countersAfterFlush, emptyCounters, sumCounters } from './ingestCounters';

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

describe('counters after a flush', () => {
  const before = { rejected: { binance: 3, okx: 0 }, coalesced: 10, applied: 100 };

  it('adds what the flush applied and coalesced, and takes the running rejections', () => {
    const rejected = { binance: 3, okx: 1 };
    const after = countersAfterFlush(before, rejected, 2, 5);
    expect(after).toEqual({ rejected: { binance: 3, okx: 1 }, coalesced: 12, applied: 105 });
    rejected.okx = 9;
    expect(after.rejected.okx).toBe(1);
  });

  it('is the same object when nothing moved, so nothing is sent for it', () => {
    expect(countersAfterFlush(before, { binance: 3, okx: 0 }, 0, 0)).toBe(before);
    expect(countersAfterFlush(before, { binance: 4, okx: 0 }, 0, 0)).not.toBe(before);
    expect(countersAfterFlush(before, { binance: 3, okx: 0 }, 1, 0)).not.toBe(before);
  });
});
