import { describe, expect, it } from 'vitest';
import type { OptionRow } from '../option';
import { atmIv } from './atmIv';

const DAY = 86_400_000;

function option(expiryDay: number, strike: number, callPut: 'call' | 'put', markIv: number | null, underlyingPrice: number | null = null, greeksTime = 0): OptionRow {
  return {
    exchange: 'binance', symbol: `BTC-${expiryDay}-${strike}-${callPut}`, underlying: 'BTCUSDT', base: 'BTC', expiry: expiryDay * DAY, strike, callPut, priceCurrency: 'USDT',
    key: `binance:${expiryDay}:${strike}:${callPut}`, mark: null, bid: null, ask: null, bidSize: null, askSize: null, markIv, bidIv: null, askIv: null,
    delta: null, gamma: null, theta: null, vega: null, underlyingPrice, highLimit: null, lowLimit: null, greeksTime, markTime: 0, bookTime: 0, appliedAt: 0,
  };
}

describe('atmIv', () => {
  it('averages call and put at the strike nearest the forward of the nearest expiry still ahead', () => {
    const chain = [
      // Expired at day 1: left out even though its IV is highest.
      option(1, 100_000, 'call', 2, 100_000, 9),
      option(3, 95_000, 'call', 0.7, 97_000, 1),
      option(3, 100_000, 'call', 0.5, 102_000, 2),
      option(3, 100_000, 'put', 0.54),
      option(3, 105_000, 'put', 0.6),
      // A later expiry: not the nearest.
      option(10, 100_000, 'call', 0.9, 100_000, 5),
    ];
    // Newest forward of day 3 is 102,000 (greeks at 2): ATM 100,000; (0.5 + 0.54) / 2.
    expect(atmIv(chain, 2 * DAY)).toBeCloseTo(0.52, 12);
  });

  it('takes the one side known, and is null without a forward or an IV at the ATM strike', () => {
    expect(atmIv([option(3, 100_000, 'call', null, 100_000), option(3, 100_000, 'put', 0.61)], 0)).toBe(0.61);
    expect(atmIv([option(3, 100_000, 'call', 0.5), option(3, 100_000, 'put', 0.6)], 0)).toBeNull();
    expect(atmIv([option(3, 100_000, 'call', null, 100_000), option(3, 105_000, 'put', 0.6)], 0)).toBeNull();
    expect(atmIv([], 0)).toBeNull();
  });
});
