import { describe, expect, it } from 'vitest';
import { parseFundingHistory as binanceFunding } from './binance/history';
import { parseCandleRows } from './candles';
import { okxData } from './okx/envelope';
import { candlesUrl, parseFundingHistory as okxFunding } from './okx/history';

describe('parseCandleRows', () => {
  it('reads Binance mark-price klines (documented shape)', () => {
    const rows = [[1591256400000, '9653.69440000', '9653.69640000', '9651.38600000', '9651.55200000', '0', 1591256459999, '0', 60, '0', '0', '0']];
    expect(parseCandleRows(rows)).toEqual({
      candles: [{ time: 1591256400000, open: 9653.6944, high: 9653.6964, low: 9651.386, close: 9651.552 }],
      rejected: 0,
    });
  });

  it('reads OKX candles and drops broken bars', () => {
    const rows = [
      ['1597026383085', '3.721', '3.743', '3.677', '3.708', '0'],
      ['1597026383085', '3.721', '3.6', '3.7', '3.708', '1'],
      ['x', '1', '1', '1', '1', '1'],
      'nope',
    ];
    expect(parseCandleRows(rows)).toEqual({
      candles: [{ time: 1597026383085, open: 3.721, high: 3.743, low: 3.677, close: 3.708 }],
      rejected: 3,
    });
    expect(parseCandleRows({ code: '51001' })).toBeNull();
  });
});

describe('funding history', () => {
  it('Binance: oldest first, exact rates', () => {
    const body = [
      { symbol: 'BTCUSDT', fundingRate: '-0.03750000', fundingTime: 1570636800000, markPrice: '34287.54619963' },
      { symbol: 'BTCUSDT', fundingRate: '0.00010000', fundingTime: 1570608000000, markPrice: '34287.54619963' },
    ];
    expect(binanceFunding(body)).toEqual({
      events: [
        { time: 1570608000000, rate: 0.0001 },
        { time: 1570636800000, rate: -0.0375 },
      ],
      rejected: 0,
    });
  });

  it('counts a settlement it cannot read, in either venue\'s history', () => {
    expect(binanceFunding([{ fundingRate: '0.0001', fundingTime: 1570608000000 }, { fundingRate: 'x', fundingTime: 1570636800000 }, 3])).toMatchObject({ rejected: 2 });
    expect(okxFunding([{ realizedRate: '0.0001', fundingTime: '1703059200000' }, { fundingRate: '', fundingTime: '' }])).toMatchObject({ rejected: 1 });
  });

  it('OKX: unwraps the envelope and prefers the realised rate', () => {
    const body = {
      code: '0',
      msg: '',
      data: [
        { instId: 'BTC-USDT-SWAP', fundingRate: '0.00011', realizedRate: '0.0001', fundingTime: '1703059200000', method: 'current_period' },
        { instId: 'BTC-USDT-SWAP', fundingRate: '-0.0002', realizedRate: '', fundingTime: '1703030400000', method: 'current_period' },
      ],
    };
    const unwrapped = okxData(body);
    expect(unwrapped.ok && okxFunding(unwrapped.data)).toEqual({
      events: [
        { time: 1703030400000, rate: -0.0002 },
        { time: 1703059200000, rate: 0.0001 },
      ],
      rejected: 0,
    });
    expect(okxData({ code: '51001', msg: 'Instrument ID does not exist', data: [] })).toEqual({
      ok: false,
      detail: 'OKX error 51001: Instrument ID does not exist',
    });
  });

  it('builds OKX candle URLs with its own bar names and paging', () => {
    expect(candlesUrl('https://x', 'index', 'BTC-USDT', '1h', null)).toBe('https://x/api/v5/market/index-candles?instId=BTC-USDT&bar=1H&limit=100');
    expect(candlesUrl('https://x', 'mark-price', 'BTC-USDT-SWAP', '1m', 5)).toBe(
      'https://x/api/v5/market/history-mark-price-candles?instId=BTC-USDT-SWAP&bar=1m&limit=100&after=5',
    );
  });
});
