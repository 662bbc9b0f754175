import { describe, expect, it } from 'vitest';
import type { OptionQuote } from '../../domain/option';
import { CHAIN_COLUMNS, formatDelta, formatGreek, formatIv, formatOptionPrice, sideColumns, type ChainColumnId } from './chainColumns';

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

describe('column widths', () => {
  const quote = (fields: Partial<OptionQuote>) => ({ priceCurrency: 'USDT', ...fields }) as OptionQuote;
  const widest: Record<ChainColumnId, OptionQuote[]> = {
    bid: [quote({ bid: 98_765.43 }), quote({ bid: 0.012345 })],
    ask: [quote({ ask: 98_765.43 }), quote({ ask: 0.0123 }), quote({ ask: 0.0123, priceCurrency: 'BTC' })],
    mark: [quote({ mark: 98_765.43 }), quote({ mark: 0.01031562, priceCurrency: 'BTC' })],
    bidIv: [quote({ bidIv: 9.999 })],
    markIv: [quote({ markIv: 9.999 })],
    askIv: [quote({ askIv: 9.999 })],
    delta: [quote({ delta: -0.999 })],
    gamma: [quote({ gamma: 0.00000001234 }), quote({ gamma: -12_345 })],
    theta: [quote({ theta: -0.00001234 }), quote({ theta: -98_765 })],
    vega: [quote({ vega: 0.00001234 }), quote({ vega: 98_765 })],
  };

  it('fits the widest value each column shows, so a contained cell never cuts digits off', () => {
    for (const column of CHAIN_COLUMNS) {
      for (const sample of widest[column.id]) expect(column.format(sample).length, `${column.id}: ${column.format(sample)}`).toBeLessThanOrEqual(column.widthCh);
    }
  });
});

describe('sideColumns', () => {
  it('mirrors the call side around the strike and hides chosen columns on both sides', () => {
    const { calls, puts } = sideColumns(new Set(['gamma', 'askIv']));
    expect(puts.map((column) => column.id)).toEqual(['bid', 'ask', 'mark', 'bidIv', 'markIv', 'delta', 'theta', 'vega']);
    expect(calls.map((column) => column.id)).toEqual(['vega', 'theta', 'delta', 'bidIv', 'markIv', 'bid', 'ask', 'mark']);
  });
});
