import { describe, expect, it, vi } from 'vitest';

vi.mock('./workerClient', () => ({ tellWorkersShown: vi.fn() }));
const { shownRowsOf } = await import('./shownRows');

const NOV20 = Date.UTC(2025, 10, 20, 8);

describe('what the views on screen show, as the workers are told', () => {
  it('shows every perpetual while no view speaks for them, or while one shows them all', () => {
    expect(shownRowsOf([])).toEqual({ perps: 'all', expiries: {}, polled: [] });
    expect(shownRowsOf([{ expiries: [{ exchange: 'binance', underlying: 'BTCUSDT', expiry: NOV20 }] }]).perps).toBe('all');
    expect(shownRowsOf([{ perps: 'all' }, { perps: [{ exchange: 'binance', symbol: 'BTCUSDT' }] }]).perps).toBe('all');
  });

  it("joins the views' perpetuals by row key and their expiries by chain", () => {
    const chart = { perps: [{ exchange: 'binance', symbol: 'BTCUSDT' }, { exchange: 'okx', symbol: 'BTC-USDT-SWAP' }] } as const;
    const options = { perps: [], expiries: [{ exchange: 'okx', underlying: 'BTC-USD', expiry: NOV20 }] } as const;
    expect(shownRowsOf([chart, options])).toEqual({
      perps: ['binance:BTCUSDT', 'okx:BTC-USDT-SWAP'],
      expiries: { 'okx:BTC-USD': [NOV20] },
      polled: ['binance:BTCUSDT', 'okx:BTC-USDT-SWAP'],
    });
    expect(shownRowsOf([options]).perps).toEqual([]);
  });

  it("polls the screener's rows in view, not all it shows, with the other views' rows, each once", () => {
    const screener = { perps: 'all' } as const;
    const inView = { polled: [{ exchange: 'binance', symbol: 'ETHUSDT' }, { exchange: 'binance', symbol: 'BTCUSDT' }] } as const;
    const chart = { perps: [{ exchange: 'binance', symbol: 'BTCUSDT' }] } as const;
    expect(shownRowsOf([screener]).polled).toEqual([]);
    expect(shownRowsOf([screener, inView])).toEqual({ perps: 'all', expiries: {}, polled: ['binance:ETHUSDT', 'binance:BTCUSDT'] });
    expect(shownRowsOf([screener, inView, chart]).polled).toEqual(['binance:ETHUSDT', 'binance:BTCUSDT']);
    expect(shownRowsOf([chart, inView]).perps).toEqual(['binance:BTCUSDT']);
  });
});
