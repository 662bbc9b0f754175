import { describe, expect, it } from 'vitest';
import type { DatedFutureRow } from '../../domain/datedFuture';
import { cheapestCarry } from '../../domain/termStructure/carryChoice';
import { basisFigures, carryQuotes } from './basisFigures';
import { carryVerdictText } from './carryVerdict';

const DAY = 86_400_000;
const T = Date.UTC(2026, 11, 4, 8);

function future(values: Partial<DatedFutureRow>): DatedFutureRow {
  return {
    key: 'okx:BTC-USD-261225', exchange: 'okx', symbol: 'BTC-USD-261225', coin: 'BTC', margin: 'inverse', expiry: T + 73 * DAY, indexId: 'BTC-USD',
    mark: 101, index: 100, markTime: T, indexTime: T, streamedAt: T, ...values,
  };
}

const live = { binance: false, okx: false };

describe('basis figures', () => {
  it('annualises each future at its quote’s own time, and says how old the quote is', () => {
    // 1 % over 73 days: 5 % a year, whatever the clock reads when shown.
    const [figure] = basisFigures([future({})], [], T + 2_000, live).futures;
    expect(figure).toMatchObject({ days: 73, age: 2_000, stale: false });
    expect(figure!.basis).toBeCloseTo(0.05, 12);
  });

  it('marks a quote stale when its venue is silent or its stream went quiet, and the verdict passes over it', () => {
    const rows = [future({}), future({ key: 'binance:BTCUSDT_261225', exchange: 'binance', symbol: 'BTCUSDT_261225', mark: 100.5, indexId: null })];
    const silent = basisFigures(rows, [], T + 1_000, { binance: false, okx: true });
    expect(silent.futures.map((figure) => figure.stale)).toEqual([true, false]);
    expect(basisFigures(rows, [], T + 30_000, live).futures.map((figure) => figure.stale)).toEqual([true, true]);
    expect(cheapestCarry(carryQuotes(silent))?.best.quote.symbol).toBe('BTCUSDT_261225');
  });

  it('says the side, the instrument and why in one sentence', () => {
    const choice = cheapestCarry(carryQuotes(basisFigures([future({})], [], T, live)));
    expect(carryVerdictText('BTC', choice)).toBe(
      'Cheapest carry now: buy BTC spot and short OKX BTC-USD-261225, whose premium to the index pays +5.00% a year to delivery on 15 Feb 2027; no fresh perpetual is priced to compare.',
    );
    expect(carryVerdictText('BTC', null)).toMatch(/^No way to hold the BTC carry can be named/);
  });
});
