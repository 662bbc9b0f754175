import { describe, expect, it } from 'vitest';
import { ENDPOINT_NAMES, endpointOrigins, resolveEndpoints } from './endpointSettings.ts';

describe('build-time endpoints', () => {
  it('default to the venues: Binance, and OKX per region (Global, EEA, US/AU) on port 8443 for sockets', () => {
    expect(resolveEndpoints({})).toEqual({
      VITE_BINANCE_FUTURES_WS: 'wss://fstream.binance.com/market',
      VITE_BINANCE_FUTURES_REST: 'https://fapi.binance.com',
      VITE_BINANCE_OPTIONS_WS: 'wss://fstream.binance.com/market',
      VITE_BINANCE_OPTIONS_REST: 'https://eapi.binance.com',
      VITE_OKX_WS: 'wss://ws.okx.com:8443/ws/v5/public',
      VITE_OKX_BUSINESS_WS: 'wss://ws.okx.com:8443/ws/v5/business',
      VITE_OKX_REST: 'https://www.okx.com',
      VITE_OKX_EEA_WS: 'wss://wseea.okx.com:8443/ws/v5/public',
      VITE_OKX_EEA_BUSINESS_WS: 'wss://wseea.okx.com:8443/ws/v5/business',
      VITE_OKX_EEA_REST: 'https://eea.okx.com',
      VITE_OKX_US_WS: 'wss://wsus.okx.com:8443/ws/v5/public',
      VITE_OKX_US_BUSINESS_WS: 'wss://wsus.okx.com:8443/ws/v5/business',
      VITE_OKX_US_REST: 'https://us.okx.com',
    });
  });

  it('take each variable from env over its default, trimmed and without trailing slashes', () => {
    const resolved = resolveEndpoints({
      VITE_OKX_EEA_WS: ' ws://127.0.0.1:4001/ws/v5/public ',
      VITE_OKX_US_REST: 'http://127.0.0.1:4002//',
      VITE_OKX_REST: '',
    });
    expect(resolved.VITE_OKX_EEA_WS).toBe('ws://127.0.0.1:4001/ws/v5/public');
    expect(resolved.VITE_OKX_US_REST).toBe('http://127.0.0.1:4002');
    expect(resolved.VITE_OKX_REST).toBe('https://www.okx.com');
    expect(resolved.VITE_OKX_US_WS).toBe('wss://wsus.okx.com:8443/ws/v5/public');
  });

  it.each([
    ['VITE_OKX_EEA_WS', 'javascript:alert(1)'],
    ['VITE_OKX_US_REST', 'ftp://us.okx.com'],
    ['VITE_OKX_US_WS', 'https://wsus.okx.com:8443/ws/v5/public'],
    ['VITE_OKX_EEA_REST', 'wss://eea.okx.com'],
    ['VITE_OKX_EEA_BUSINESS_WS', 'not a url'],
    ['VITE_BINANCE_FUTURES_REST', 'data:text/plain,hi'],
  ])('reject %s=%s, naming the variable', (name, value) => {
    expect(() => resolveEndpoints({ [name]: value })).toThrow(name);
  });

  it('list every origin of every variable once, sorted', () => {
    const origins = endpointOrigins(resolveEndpoints({}));
    expect(origins).toEqual([
      'https://eapi.binance.com',
      'https://eea.okx.com',
      'https://fapi.binance.com',
      'https://us.okx.com',
      'https://www.okx.com',
      'wss://fstream.binance.com',
      'wss://ws.okx.com:8443',
      'wss://wseea.okx.com:8443',
      'wss://wsus.okx.com:8443',
    ]);
    expect(ENDPOINT_NAMES).toHaveLength(13);
  });
});
