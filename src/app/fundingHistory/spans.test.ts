import { describe, expect, it } from 'vitest';
import type { SettlementSpan } from '../../store/fundingHistoryStore';
import { TOP_UP_RETRY_MS } from './historyBudget';
import { contractFunding, depthFrom, lastSettlementDue, mergeSpans, nextWindow, NO_HINT, windowHistory } from './spans';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 12, 9, 0);

/** Settlements every `everyHours` in (from, to], rate 0.0001. */
function span(from: number, to: number, everyHours = 8): SettlementSpan {
  const settlements = [];
  const step = everyHours * HOUR;
  for (let time = Math.floor(from / step) * step + step; time <= to; time += step) settlements.push({ time, rate: 0.0001 });
  return { settlements, coveredFrom: from, coveredTo: to };
}

describe('settlement spans', () => {
  it('join when they touch, the newer piece winning where both hold a settlement', () => {
    const held = span(NOW - 10 * DAY, NOW - DAY);
    const piece = { settlements: [{ time: NOW - DAY - 1 * HOUR, rate: 0.0002 }, { time: NOW - 8 * HOUR, rate: 0.0003 }], coveredFrom: NOW - 2 * DAY, coveredTo: NOW };
    const joined = mergeSpans(held, piece)!;
    expect(joined.coveredFrom).toBe(NOW - 10 * DAY);
    expect(joined.coveredTo).toBe(NOW);
    expect(joined.settlements.at(-1)).toEqual({ time: NOW - 8 * HOUR, rate: 0.0003 });
    expect(joined.settlements.filter((settlement) => settlement.time === NOW - DAY - HOUR)).toEqual([{ time: NOW - DAY - HOUR, rate: 0.0002 }]);
    // A piece that covers nothing (a first page that failed) leaves the span as it was.
    expect(mergeSpans(held, { settlements: [], coveredFrom: NOW, coveredTo: NOW })).toBe(held);
    expect(mergeSpans(null, { settlements: [], coveredFrom: NOW, coveredTo: NOW })).toBeNull();
  });

  it('ask the whole depth when nothing usable is held, what lies before the span, then only what settled after it', () => {
    const depth = NOW - 90 * DAY;
    expect(nextWindow(null, depth, NO_HINT, NOW, 0)).toEqual({ from: depth, to: null });
    // Held, but ending before the depth begins: useless, asked anew.
    expect(nextWindow(span(NOW - 200 * DAY, NOW - 100 * DAY), depth, NO_HINT, NOW, 0)).toEqual({ from: depth, to: null });
    const short = span(NOW - 16 * DAY, NOW - HOUR);
    expect(nextWindow(short, depth, NO_HINT, NOW, 0)).toEqual({ from: depth, to: NOW - 16 * DAY });
    // 01:00 held, 00:00 the newest settlement, 08:00 not due yet at 09:00? It is: one 8 h interval after 00:00.
    const held = span(depth - HOUR, NOW - 9 * HOUR + 1);
    expect(nextWindow(held, depth, NO_HINT, NOW, 0)).toEqual({ from: held.coveredTo, to: null });
    expect(nextWindow(held, depth, NO_HINT, NOW - 2 * HOUR, 0)).toBeNull();
  });

  it('a top-up is due from the row: its next funding time less its interval has settled, and the span ends before it', () => {
    const depth = NOW - 90 * DAY;
    const hint = { nextFundingTime: Date.UTC(2026, 10, 12, 16, 0), intervalHours: 8 };
    expect(lastSettlementDue(span(depth, NOW), hint, NOW)).toBe(Date.UTC(2026, 10, 12, 8, 0));
    const beforeEight = span(depth, Date.UTC(2026, 10, 12, 7, 0));
    expect(nextWindow(beforeEight, depth, hint, NOW, 0)).toEqual({ from: beforeEight.coveredTo, to: null });
    // Not in the first moments after 08:00: the venue publishes a settlement a little late.
    expect(nextWindow(beforeEight, depth, hint, Date.UTC(2026, 10, 12, 8, 0, 10), 0)).toBeNull();
    expect(nextWindow(beforeEight, depth, hint, Date.UTC(2026, 10, 12, 8, 0, 20), 0)).not.toBeNull();
    // Asked a moment ago and the venue had not published it: asked again only after TOP_UP_RETRY_MS.
    expect(nextWindow(beforeEight, depth, hint, NOW, NOW - 1_000)).toBeNull();
    expect(nextWindow(beforeEight, depth, hint, NOW, NOW - TOP_UP_RETRY_MS)).not.toBeNull();
    // The row still naming a time that has passed: that settlement is due.
    expect(lastSettlementDue(span(depth, NOW), { nextFundingTime: NOW - HOUR, intervalHours: 4 }, NOW)).toBe(NOW - HOUR);
  });

  it('Binance reaches one page deep at the contract interval, OKX 90 days', () => {
    expect(depthFrom('binance', 8, NOW)).toBe(NOW - 90 * DAY);
    expect(depthFrom('binance', 1, NOW)).toBe(NOW - 960 * HOUR);
    expect(depthFrom('okx', 1, NOW)).toBe(NOW - 90 * DAY);
  });

  it('a window reads whole, short because the contract was listed later, short by a failure (named), or not yet', () => {
    const from = NOW - 30 * DAY;
    expect(windowHistory(span(NOW - 90 * DAY, NOW), from, NOW, null)).toMatchObject({ coveredFrom: from, shortfall: null });
    expect(windowHistory(span(NOW - 90 * DAY, NOW), from, NOW, null)!.settlements).toHaveLength(90);
    // Covered from the start of time, settling only for 12 days.
    const young = { ...span(NOW - 12 * DAY, NOW), coveredFrom: 0 };
    expect(windowHistory(young, from, NOW, null)).toMatchObject({ coveredFrom: young.settlements[0]!.time, shortfall: { cause: 'none-earlier' } });
    const cut = span(NOW - 16 * DAY, NOW);
    expect(windowHistory(cut, from, NOW, 'rate limited by OKX (50011)')).toMatchObject({
      coveredFrom: cut.settlements[0]!.time,
      shortfall: { cause: 'failed', detail: 'rate limited by OKX (50011)' },
    });
    expect(windowHistory(cut, from, NOW, null)).toBeNull();
  });

  it('for the statistics, a contract listed later is covered from its first period, not from the span start', () => {
    const young = { ...span(NOW - 12 * DAY, NOW), coveredFrom: 0 };
    expect(contractFunding(young, 8).coveredFrom).toBe(young.settlements[0]!.time - 8 * HOUR);
    const old = span(NOW - 90 * DAY, NOW);
    // The oldest settlement (16:00) closed a period that began at 08:00, before the span's 09:00.
    expect(contractFunding(old, 8).coveredFrom).toBe(old.settlements[0]!.time - 8 * HOUR);
    expect(contractFunding(old, 8).coveredFrom).toBeLessThan(NOW - 90 * DAY);
    expect(contractFunding(old, 8).settlements[0]!.annualised).toBeCloseTo(0.0001 * 3 * 365, 12);
  });
});
