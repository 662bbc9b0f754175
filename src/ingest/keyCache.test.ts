import { describe, expect, it } from 'vitest';
import { KeyCache } from './keyCache';

describe('KeyCache', () => {
  it('makes each key once per exchange and name, and again after it is deleted', () => {
    let made = 0;
    const keys = new KeyCache((exchange, name) => (made++, `${exchange}:${name}`));
    expect(keys.peek('okx', 'BTC-USDT-SWAP')).toBeUndefined();
    const first = keys.of('okx', 'BTC-USDT-SWAP');
    expect(first).toBe('okx:BTC-USDT-SWAP');
    expect(keys.of('okx', 'BTC-USDT-SWAP')).toBe(first);
    expect(keys.peek('okx', 'BTC-USDT-SWAP')).toBe(first);
    expect(keys.of('binance', 'BTC-USDT-SWAP')).toBe('binance:BTC-USDT-SWAP');
    expect(made).toBe(2);

    keys.delete('okx', 'BTC-USDT-SWAP');
    expect(keys.peek('okx', 'BTC-USDT-SWAP')).toBeUndefined();
    keys.of('okx', 'BTC-USDT-SWAP');
    expect(made).toBe(3);
  });
});
