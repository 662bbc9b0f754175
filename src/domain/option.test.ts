import { describe, expect, it } from 'vitest';
import { atmStrike, daysToExpiry, expiryFromDatePart, isInTheMoney, parseOptionSymbol } from './option';

describe('parseOptionSymbol', () => {
  it('reads the Binance form', () => {
    expect(parseOptionSymbol('BTC-251120-126000-C')).toEqual({
      base: 'BTC', quote: null, expiry: Date.UTC(2025, 10, 20, 8), strike: 126_000, callPut: 'call',
    });
  });

  it('reads the OKX form', () => {
    expect(parseOptionSymbol('BTC-USD-251226-100000-C')).toEqual({
      base: 'BTC', quote: 'USD', expiry: Date.UTC(2025, 11, 26, 8), strike: 100_000, callPut: 'call',
    });
    expect(parseOptionSymbol('ETH-USD-260327-2500-P')).toMatchObject({ strike: 2500, callPut: 'put' });
  });

  it('keeps fractional strikes of cheap coins', () => {
    expect(parseOptionSymbol('XRP-251121-2.35-P')).toMatchObject({ strike: 2.35, callPut: 'put' });
  });

  it.each([
    'BTCUSDT', 'BTC-USDT-SWAP', 'BTC-251120-126000-X', 'BTC-251320-126000-C', 'BTC-250230-126000-C',
    'BTC-2511200-126000-C', 'BTC-251120-0-C', 'BTC-251120-1e5-C', 'btc-251120-126000-C', 'BTC-USD-251226-100000',
  ])('refuses %s', (symbol) => {
    expect(parseOptionSymbol(symbol)).toBeNull();
  });

  it('puts the expiry at 08:00 UTC on the date', () => {
    expect(new Date(expiryFromDatePart('260102')!).toISOString()).toBe('2026-01-02T08:00:00.000Z');
  });
});

describe('atmStrike', () => {
  const strikes = [90_000, 95_000, 100_000, 105_000];

  it('picks the strike nearest the underlying price', () => {
    expect(atmStrike(strikes, 101_000)).toBe(100_000);
    expect(atmStrike(strikes, 103_000)).toBe(105_000);
    expect(atmStrike(strikes, 10)).toBe(90_000);
    expect(atmStrike(strikes, 1e9)).toBe(105_000);
  });

  it('takes the lower strike on an exact tie, whatever the order', () => {
    expect(atmStrike(strikes, 97_500)).toBe(95_000);
    expect(atmStrike([...strikes].reverse(), 97_500)).toBe(95_000);
  });

  it('has no ATM without strikes or a price', () => {
    expect(atmStrike([], 100_000)).toBeNull();
    expect(atmStrike(strikes, null)).toBeNull();
    expect(atmStrike(strikes, 0)).toBeNull();
  });
});

describe('moneyness and time', () => {
  it('calls are in the money below the price, puts above', () => {
    expect(isInTheMoney('call', 90, 100)).toBe(true);
    expect(isInTheMoney('call', 110, 100)).toBe(false);
    expect(isInTheMoney('put', 110, 100)).toBe(true);
    expect(isInTheMoney('put', 100, 100)).toBe(false);
    expect(isInTheMoney('put', 110, null)).toBe(false);
  });

  it('counts calendar days to expiry', () => {
    expect(daysToExpiry(Date.UTC(2025, 10, 20, 8), Date.UTC(2025, 10, 18, 20))).toBe(1.5);
  });
});
