import { describe, expect, it } from 'vitest';
import { formatDelta, formatGreek, formatIv, formatOptionPrice, sideColumns } from './chainColumns';

describe('chain cell formats', () => {
  it('shows IV fractions as percentages and never a sentinel', () => {
    expect(formatIv(0.9408058)).toBe('94.1%');
    expect(formatIv(0.9408058, 2)).toBe('94.08%');
    expect(formatIv(null)).toBe('—');
  });

  it('shows greeks of every magnitude readably', () => {
    expect(formatDelta(0.11111964)).toBe('0.111');
    expect(formatDelta(-0.01426678984554619)).toBe('−0.014');
    expect(formatGreek(0.00001245)).toBe('0.00001245');
    expect(formatGreek(0.000036)).toBe('0.00003600');
    expect(formatGreek(-164.26702615)).toBe('−164.3');
    expect(formatGreek(30.63855919)).toBe('30.64');
    expect(formatGreek(0.0000000002)).toBe('0.0000000002000');
  });

  it('prices USDT options with price decimals and coin options to the 0.0001 tick', () => {
    expect(formatOptionPrice(770.543, 'USDT')).toBe('770.543');
    expect(formatOptionPrice(40, 'USDT')).toBe('40.000');
    expect(formatOptionPrice(4390, 'USDT')).toBe('4,390.00');
    expect(formatOptionPrice(0.0123, 'USDT')).toBe('0.0123000');
    expect(formatOptionPrice(0.0123, 'BTC')).toBe('0.0123');
    expect(formatOptionPrice(0.01031562, 'BTC', true)).toBe('0.010316');
    expect(formatOptionPrice(null, 'BTC')).toBe('—');
  });
});

describe('sideColumns', () => {
  it('mirrors the call side around the strike and hides chosen columns on both sides', () => {
    const { calls, puts } = sideColumns(new Set(['gamma', 'askIv']));
    expect(puts.map((column) => column.id)).toEqual(['bid', 'ask', 'mark', 'bidIv', 'markIv', 'delta', 'theta', 'vega']);
    expect(calls.map((column) => column.id)).toEqual(['vega', 'theta', 'delta', 'bidIv', 'markIv', 'bid', 'ask', 'mark']);
  });
});
