import { describe, expect, it } from 'vitest';
import { cheapestCarry, type FutureCarryQuote, type PerpCarryQuote } from './carryChoice';

const perp = (exchange: 'binance' | 'okx', current: number | null, median7d: number | null, stale = false): PerpCarryQuote => ({
  kind: 'perp', exchange, symbol: exchange === 'binance' ? 'BTCUSDT' : 'BTC-USDT-SWAP', current, median7d, stale,
});
const future = (exchange: 'binance' | 'okx', symbol: string, basis: number | null, stale = false): FutureCarryQuote => ({
  kind: 'future', exchange, symbol, expiry: 0, basis, stale,
});

describe('cheapest carry', () => {
  it('takes the highest yield for long spot / short derivative: here a future over a perp', () => {
    // Binance perp: current 12 %, median 8 % → counted at 8 %; OKX future 9 % beats it and Binance's 7 %.
    const choice = cheapestCarry([perp('binance', 0.12, 0.08), future('okx', 'BTC-USD-261225', 0.09), future('binance', 'BTCUSDT_261225', 0.07)]);
    expect(choice?.best).toMatchObject({ side: 'short-derivative', quote: { symbol: 'BTC-USD-261225' }, earns: 0.09 });
    expect(choice?.rival).toMatchObject({ quote: { kind: 'perp', exchange: 'binance' }, earns: 0.08 });
  });

  it('counts a perp at the lower of current and median: a perp wins only when both beat the futures', () => {
    const choice = cheapestCarry([perp('okx', 0.1, 0.11), future('binance', 'BTCUSDT_261225', 0.095)]);
    expect(choice?.best).toMatchObject({ quote: { kind: 'perp', exchange: 'okx' }, earns: 0.1 });
    expect(choice?.rival?.earns).toBeCloseTo(0.095, 12);
  });

  it('counts a perp at its current rate while its median is not known', () => {
    expect(cheapestCarry([perp('okx', 0.2, null), future('okx', 'BTC-USD-261225', 0.1)])?.best.earns).toBe(0.2);
  });

  it('turns to long derivative / short spot when everything is negative, counting a perp at its higher rate', () => {
    // Perp: current −6 %, median −2 % → paying the long 2 %; the future at −5 % pays the long 5 %.
    const choice = cheapestCarry([perp('binance', -0.06, -0.02), future('okx', 'BTC-USD-261225', -0.05)]);
    expect(choice?.best).toMatchObject({ side: 'long-derivative', quote: { kind: 'future' }, earns: 0.05 });
    expect(choice?.rival).toMatchObject({ side: 'long-derivative', earns: 0.02 });
  });

  it('never chooses a stale quote, and names none when all are stale or unpriced', () => {
    const choice = cheapestCarry([future('okx', 'BTC-USD-261225', 0.4, true), future('binance', 'BTCUSDT_261225', 0.06)]);
    expect(choice?.best.quote.symbol).toBe('BTCUSDT_261225');
    expect(choice?.rival).toBeNull();
    expect(cheapestCarry([future('okx', 'BTC-USD-261225', 0.4, true), perp('binance', null, 0.1)])).toBeNull();
  });
});
