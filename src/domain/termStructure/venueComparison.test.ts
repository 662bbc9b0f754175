import { describe, expect, it } from 'vitest';
import type { CallPut, OptionRow } from '../option';
import type { ExchangeId } from '../exchange';
import { crossedQuotes, crossWidth } from './crossedQuotes';
import type { ExpiryVols } from './expiryVols';
import { atmSpreads, moneynessSmile } from './venueComparison';

const DAY = 86_400_000;
const NOW = 1_000_000;

function option(exchange: ExchangeId, strike: number, callPut: CallPut, values: Partial<OptionRow> = {}): OptionRow {
  const expiry = values.expiry ?? 30 * DAY;
  const symbol = exchange === 'binance' ? `BTC-30-${strike}-${callPut}` : `BTC-USD-30-${strike}-${callPut}`;
  return {
    exchange, symbol, underlying: exchange === 'binance' ? 'BTCUSDT' : 'BTC-USD', base: 'BTC', expiry, strike, callPut,
    priceCurrency: exchange === 'binance' ? 'USDT' : 'BTC', key: `${exchange}:${symbol}`, mark: null, bid: null, ask: null,
    bidSize: null, askSize: null, markIv: null, bidIv: null, askIv: null, delta: null, gamma: null, theta: null, vega: null,
    underlyingPrice: null, highLimit: null, lowLimit: null, greeksTime: 0, markTime: 0, bookTime: 0, appliedAt: NOW,
    ...values,
  };
}

function vols(days: number, atm: number | null): ExpiryVols {
  return { expiry: days * DAY, years: days / 365, forward: 100, atm, call25: null, put25: null, riskReversal: null, butterfly: null };
}

const fresh = () => false;

describe('ATM spreads between venues', () => {
  it('pairs only the expiries both list, nearest first, and spreads left less right', () => {
    const spreads = atmSpreads([vols(30, 0.52), vols(7, 0.5), vols(14, null)], [vols(7, 0.4875), vols(14, 0.6), vols(60, 0.55)]);
    expect(spreads.map((spread) => spread.expiry)).toEqual([7 * DAY, 14 * DAY]);
    // 0.5 − 0.4875 = 0.0125: 1.25 vol points.
    expect(spreads[0]!.spread).toBeCloseTo(0.0125, 12);
    expect(spreads[0]).toMatchObject({ left: 0.5, right: 0.4875 });
    // Without Binance's ATM there is no spread, though OKX's is shown.
    expect(spreads[1]).toMatchObject({ left: null, right: 0.6, spread: null });
  });
});

describe('a smile against log-moneyness', () => {
  it('places each strike at ln(K/F) against the venue’s own forward', () => {
    const smile = moneynessSmile(
      [option('okx', 90, 'put', { markIv: 0.6 }), option('okx', 90, 'call', { markIv: 0.9 }), option('okx', 110, 'call', { markIv: 0.5 })],
      100,
    );
    expect(smile.map((point) => point.iv)).toEqual([0.6, 0.5]);
    // ln(0.9) = −0.10536, ln(1.1) = 0.09531.
    expect(smile[0]!.moneyness).toBeCloseTo(-0.105361, 6);
    expect(smile[1]!.moneyness).toBeCloseTo(0.09531, 5);
    expect(moneynessSmile([option('okx', 90, 'put', { markIv: 0.6 })], 0)).toEqual([]);
  });
});

describe('crossed quotes', () => {
  it('flags one venue’s bid IV above the other’s ask IV on the same strike and side, naming both with their ages', () => {
    const binance = [option('binance', 100, 'call', { bidIv: 0.6, askIv: 0.62, appliedAt: NOW - 2_000 })];
    const okx = [option('okx', 100, 'call', { bidIv: 0.5, askIv: 0.52, appliedAt: NOW - 500 })];
    const [flag, ...rest] = crossedQuotes(binance, okx, NOW, fresh);
    expect(rest).toEqual([]);
    expect(flag).toMatchObject({ strike: 100, callPut: 'call', bid: { iv: 0.6, ageMs: 2_000 }, ask: { iv: 0.52, ageMs: 500 } });
    expect(flag!.bid.quote.symbol).toBe('BTC-30-100-call');
    expect(flag!.ask.quote.symbol).toBe('BTC-USD-30-100-call');
    // The other way round: OKX bidding above Binance's ask.
    expect(crossedQuotes(okx, binance, NOW, fresh)[0]).toMatchObject({ bid: { quote: { exchange: 'binance' } }, ask: { quote: { exchange: 'okx' } } });
  });

  it('puts the widest cross first', () => {
    const binance = [option('binance', 100, 'call', { bidIv: 0.6, askIv: 0.62 }), option('binance', 110, 'call', { bidIv: 0.7, askIv: 0.72 })];
    const okx = [option('okx', 100, 'call', { bidIv: 0.5, askIv: 0.52 }), option('okx', 110, 'call', { bidIv: 0.5, askIv: 0.52 })];
    const crossed = crossedQuotes(binance, okx, NOW, fresh);
    expect(crossed.map((pair) => [pair.strike, crossWidth(pair)])).toEqual([
      [110, expect.closeTo(0.18, 12)],
      [100, expect.closeTo(0.08, 12)],
    ]);
  });

  it('leaves overlapping books, and a bid merely equal to the other ask, unflagged', () => {
    const binance = [option('binance', 100, 'call', { bidIv: 0.5, askIv: 0.53 }), option('binance', 110, 'call', { bidIv: 0.52, askIv: 0.54 })];
    const okx = [option('okx', 100, 'call', { bidIv: 0.51, askIv: 0.52 }), option('okx', 110, 'call', { bidIv: 0.5, askIv: 0.52 })];
    expect(crossedQuotes(binance, okx, NOW, fresh)).toEqual([]);
  });

  it('never flags with a stale quote on either side', () => {
    const binance = [option('binance', 100, 'call', { bidIv: 0.6, askIv: 0.62 })];
    const okx = [option('okx', 100, 'call', { bidIv: 0.5, askIv: 0.52 })];
    expect(crossedQuotes(binance, okx, NOW, (quote) => quote.exchange === 'binance')).toEqual([]);
    expect(crossedQuotes(binance, okx, NOW, (quote) => quote.exchange === 'okx')).toEqual([]);
  });

  it('needs both IVs it compares: a missing or zero bid or ask raises nothing', () => {
    // Read as zero, each missing or zero ask would be "crossed" by the other venue's bid.
    const binance = [option('binance', 100, 'call', { bidIv: 0.6, askIv: null }), option('binance', 110, 'call', { bidIv: 0.6, askIv: 0.62 })];
    const okx = [option('okx', 100, 'call', { bidIv: 0.5, askIv: null }), option('okx', 110, 'call', { bidIv: 0.5, askIv: 0 })];
    expect(crossedQuotes(binance, okx, NOW, fresh)).toEqual([]);
  });

  it('compares only strikes, sides and expiries listed on both venues', () => {
    const binance = [
      option('binance', 100, 'call', { bidIv: 0.6, askIv: 0.62 }),
      option('binance', 105, 'put', { bidIv: 0.6, askIv: 0.62 }),
      option('binance', 110, 'call', { bidIv: 0.6, askIv: 0.62, expiry: 7 * DAY }),
    ];
    const okx = [
      option('okx', 100, 'put', { bidIv: 0.5, askIv: 0.52 }),
      option('okx', 95, 'put', { bidIv: 0.5, askIv: 0.52 }),
      option('okx', 110, 'call', { bidIv: 0.5, askIv: 0.52 }),
    ];
    expect(crossedQuotes(binance, okx, NOW, fresh)).toEqual([]);
  });
});
