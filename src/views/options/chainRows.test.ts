import { describe, expect, it } from 'vitest';
import { optionKey, type OptionRow } from '../../domain/option';
import { binanceOptionInstrument } from '../../feeds/binance/optionParse';
import { expiriesOf, expiryChain, resolveExpiry } from './chainRows';
import { smilePoints } from './smilePoints';

const NOV20 = Date.UTC(2025, 10, 20, 8);
const NOV21 = Date.UTC(2025, 10, 21, 8);

function quote(symbol: string, fields: Partial<OptionRow> = {}): OptionRow {
  const instrument = binanceOptionInstrument(symbol)!;
  return {
    ...instrument, key: optionKey('binance', symbol),
    mark: null, bid: null, ask: null, bidSize: null, askSize: null, markIv: null, bidIv: null, askIv: null,
    delta: null, gamma: null, theta: null, vega: null, underlyingPrice: null, highLimit: null, lowLimit: null,
    greeksTime: 0, markTime: 0, bookTime: 0, appliedAt: 0, ...fields,
  };
}

function chainOf(...quotes: OptionRow[]) {
  return Object.fromEntries(quotes.map((q) => [q.key, q]));
}

describe('expiries', () => {
  const chain = chainOf(quote('BTC-251121-100000-C'), quote('BTC-251120-100000-C'), quote('BTC-251120-100000-P'));

  it('are ordered by date, with their option counts, settled ones left out', () => {
    expect(expiriesOf(chain, NOV20 - 1)).toEqual([
      { expiry: NOV20, date: '2025-11-20', options: 2 },
      { expiry: NOV21, date: '2025-11-21', options: 1 },
    ]);
    expect(expiriesOf(chain, NOV20).map((tab) => tab.date)).toEqual(['2025-11-21']);
  });

  it('resolve a settled or unknown date to the next later expiry', () => {
    const tabs = expiriesOf(chain, NOV20 - 1);
    expect(resolveExpiry(tabs, null)?.date).toBe('2025-11-20');
    expect(resolveExpiry(tabs, '2025-11-21')?.date).toBe('2025-11-21');
    expect(resolveExpiry(tabs, '2025-11-19')?.date).toBe('2025-11-20');
    expect(resolveExpiry(tabs, '2030-01-01')?.date).toBe('2025-11-21');
    expect(resolveExpiry([], '2025-11-21')).toBeNull();
  });
});

describe('expiryChain', () => {
  it('pairs calls and puts per strike, ascending, and marks the strike nearest the newest underlying price', () => {
    const chain = chainOf(
      quote('BTC-251120-105000-C', { underlyingPrice: 99_000, greeksTime: 1 }),
      quote('BTC-251120-95000-P', { underlyingPrice: 102_400, greeksTime: 2 }),
      quote('BTC-251120-100000-C'),
      quote('BTC-251120-100000-P'),
      quote('BTC-251121-90000-C', { underlyingPrice: 90_000, greeksTime: 3 }),
    );
    const result = expiryChain(chain, NOV20);
    expect(result.rows.map((row) => [row.strike, row.call?.symbol ?? null, row.put?.symbol ?? null])).toEqual([
      [95_000, null, 'BTC-251120-95000-P'],
      [100_000, 'BTC-251120-100000-C', 'BTC-251120-100000-P'],
      [105_000, 'BTC-251120-105000-C', null],
    ]);
    expect(result.underlyingPrice).toBe(102_400);
    expect(result.atmStrike).toBe(100_000);
  });

  it('has no ATM before any underlying price arrived', () => {
    expect(expiryChain(chainOf(quote('BTC-251120-100000-C')), NOV20).atmStrike).toBeNull();
  });
});

describe('smilePoints', () => {
  const iv = (markIv: number, delta: number) => ({ markIv, bidIv: markIv - 0.01, askIv: null, delta, underlyingPrice: 100_000, greeksTime: 1 });
  const chain = expiryChain(
    chainOf(
      quote('BTC-251120-95000-C', iv(0.6, 0.8)),
      quote('BTC-251120-95000-P', iv(0.55, -0.2)),
      quote('BTC-251120-100000-C', iv(0.5, 0.52)),
      quote('BTC-251120-100000-P', iv(0.51, -0.48)),
      quote('BTC-251120-110000-C', iv(0.58, 0.2)),
    ),
    NOV20,
  );

  it('plots out-of-the-money IVs in % against strike', () => {
    const rounded = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);
    const points = smilePoints(chain, 'strike').map((point) => [point.x, rounded(point.markIv), rounded(point.bidIv), point.askIv]);
    expect(points).toEqual([
      [95_000, 55, 54, null],
      [100_000, 50, 49, null],
      [110_000, 58, 57, null],
    ]);
  });

  it('plots against call-equivalent delta, ascending', () => {
    expect(smilePoints(chain, 'delta').map((point) => point.x)).toEqual([
      expect.closeTo(20, 9), expect.closeTo(52, 9), expect.closeTo(80, 9),
    ]);
  });
});
