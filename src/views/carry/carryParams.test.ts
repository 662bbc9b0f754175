import { describe, expect, it } from 'vitest';
import { carrySearch, DEFAULT_CARRY_SORT, parseCarryParams } from './carryParams';

const parse = (query: string) => parseCarryParams(new URLSearchParams(query));

describe('Carry params', () => {
  it('reads a shared link back as it was written', () => {
    const params = {
      sort: [{ id: 'gross', desc: false }],
      market: 'crypto' as const,
      minOpenInterest: 5_000_000,
      minVolume: 1_000_000,
      maxSpreadBps: 2.5,
      search: 'PEPE',
      pair: 'PEPE:linear',
    };
    expect(parse(carrySearch(params).toString())).toEqual(params);
  });

  it('leaves defaults out of the link', () => {
    expect(carrySearch(parse('')).toString()).toBe('');
    expect(parse('').sort).toEqual(DEFAULT_CARRY_SORT);
  });

  it('refuses what a hand-edited link gets wrong, keeping the defaults', () => {
    expect(parse('minOi=-5&minVol=abc&maxSpread=-1&market=stocks&pair=<b>:linear&q=<img>')).toMatchObject({
      minOpenInterest: 0,
      minVolume: 0,
      maxSpreadBps: null,
      market: 'all',
      pair: null,
      search: 'IMG',
    });
    expect(parse('maxSpread=0').maxSpreadBps).toBe(0);
  });
});
