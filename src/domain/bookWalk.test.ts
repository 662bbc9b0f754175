import { describe, expect, it } from 'vitest';
import { walkBook } from './bookWalk';

describe('walkBook', () => {
  it('fills inside the best level at the best price', () => {
    // 10,000 USD of a 100 × 500 = 50,000 USD level.
    const walk = walkBook([{ price: 100, size: 500 }], 10_000, 'buy');
    expect(walk.deep).toBe(true);
    expect(walk.averagePrice).toBeCloseTo(100, 9);
    expect(walk.slippage).toBeCloseTo(0, 12);
  });

  it('a buy walks up the asks: the average is notional over the base it gets', () => {
    // 5,000 USD at 100 buys 50; 5,000 USD at 125 buys 40: 10,000 / 90 = 111.11…, 11.11… % beyond 100.
    const walk = walkBook(
      [
        { price: 100, size: 50 },
        { price: 125, size: 100 },
      ],
      10_000,
      'buy',
    );
    expect(walk.averagePrice).toBeCloseTo(111.111111, 5);
    expect(walk.slippage).toBeCloseTo(0.111111, 5);
  });

  it('a sell walks down the bids, measured below the best price', () => {
    // 5,000 USD at 100 sells 50; 5,000 USD at 80 sells 62.5: 10,000 / 112.5 = 88.88…, 11.11… % below 100.
    const walk = walkBook(
      [
        { price: 100, size: 50 },
        { price: 80, size: 100 },
      ],
      10_000,
      'sell',
    );
    expect(walk.averagePrice).toBeCloseTo(88.888889, 5);
    expect(walk.slippage).toBeCloseTo(0.111111, 5);
  });

  it('a book too thin for the notional has no slippage, not a guess', () => {
    // 100 × 30 + 101 × 30 = 6,030 USD on the book, 10,000 asked.
    const walk = walkBook(
      [
        { price: 100, size: 30 },
        { price: 101, size: 30 },
      ],
      10_000,
      'buy',
    );
    expect(walk).toEqual({ averagePrice: null, slippage: null, deep: false });
    expect(walkBook([], 10_000, 'sell').deep).toBe(false);
  });

  it('a book exactly as deep as the notional is deep enough', () => {
    // 100 × 40 + 120 × 50 = 10,000 USD: base 90, average 111.11….
    const walk = walkBook(
      [
        { price: 100, size: 40 },
        { price: 120, size: 50 },
      ],
      10_000,
      'buy',
    );
    expect(walk.deep).toBe(true);
    expect(walk.averagePrice).toBeCloseTo(111.111111, 5);
  });
});
