import { describe, expect, it } from 'vitest';
import { defaultUnderlying, optionsSearch, parseOptionsParams } from './optionsParams';

describe('options URL', () => {
  it('round-trips exchange, underlying and expiry', () => {
    const params = { exchange: 'okx' as const, underlying: 'ETH-USD', expiry: '2025-12-26' };
    expect(parseOptionsParams(optionsSearch(params))).toEqual(params);
  });

  it('falls back to Binance and the defaults for anything malformed', () => {
    expect(parseOptionsParams(new URLSearchParams('exchange=ftx&underlying=<script>&expiry=soon'))).toEqual({
      exchange: 'binance', underlying: null, expiry: null,
    });
    expect(parseOptionsParams(new URLSearchParams('underlying=btcusdt')).underlying).toBe('BTCUSDT');
  });

  it('opens BTC first, else the first chain listed', () => {
    expect(defaultUnderlying(['DOGEUSDT', 'BTCUSDT', 'ETHUSDT'])).toBe('BTCUSDT');
    expect(defaultUnderlying(['ETH-USD'])).toBe('ETH-USD');
    expect(defaultUnderlying([])).toBeNull();
  });
});
