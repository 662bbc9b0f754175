import { describe, expect, it } from 'vitest';
import type { OptionRow } from '../../domain/option';
import { isOptionStale } from './staleness';

const T = 1_700_000_000_000;
const option = (exchange: OptionRow['exchange'], appliedAt: number) => ({ exchange, appliedAt }) as OptionRow;

describe('isOptionStale', () => {
  it('greys an option its stream updated a moment ago once the exchange link is silent', () => {
    expect(isOptionStale(option('binance', T - 100), T, true)).toBe(true);
    expect(isOptionStale(option('binance', T - 100), T, false)).toBe(false);
  });

  it("greys after its exchange's window of silence: 5 s on Binance, 25 s on OKX", () => {
    expect(isOptionStale(option('binance', T - 5001), T, false)).toBe(true);
    expect(isOptionStale(option('okx', T - 5001), T, false)).toBe(false);
    expect(isOptionStale(option('okx', T - 25_001), T, false)).toBe(true);
  });

  it('never greys an option that has had no update yet while the link is live', () => {
    expect(isOptionStale(option('okx', 0), T, false)).toBe(false);
  });
});
