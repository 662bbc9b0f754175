import { describe, expect, it } from 'vitest';
import type { Instrument } from './markets/instrument.ts';
import { createMarketData } from './markets/marketData.ts';
import type { BookLevel, OrderBook } from './markets/orderBooks.ts';
import { basePerSizeUnit } from './markets/orderUnits.ts';

const START = Date.UTC(2026, 10, 23, 7, 59, 58);

function clock(start: number) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

const spreadBps = ({ bids, asks }: OrderBook) => ((asks[0]!.price - bids[0]!.price) / ((asks[0]!.price + bids[0]!.price) / 2)) * 1e4;
const usdOf = (instrument: Instrument, level: BookLevel) => level.size * basePerSizeUnit(instrument, level.price) * level.price;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('order books', () => {
  const time = clock(START);
  const { market, books } = createMarketData(42, time.now);
  const perpetuals = [...market.binance, ...market.okx].filter((instrument) => instrument.funding && instrument.status === 'TRADING');

  it('quote majors within 0.05-1 bp and small caps wider, from their volume', () => {
    for (const [exchange, symbol] of [['binance', 'BTCUSDT'], ['binance', 'ETHUSDT'], ['okx', 'BTC-USDT-SWAP'], ['okx', 'SOL-USDT-SWAP']] as const) {
      const bps = spreadBps(books.book(market.find(exchange, symbol)!, 1));
      expect(bps, symbol).toBeGreaterThan(0.05);
      expect(bps, symbol).toBeLessThan(1);
    }
    const smallCaps = perpetuals.filter((instrument) => instrument.quoteVolume < 2e7);
    expect(smallCaps.length).toBeGreaterThan(100);
    const smallSpreads = smallCaps.map((instrument) => spreadBps(books.book(instrument, 1)));
    expect(median(smallSpreads)).toBeGreaterThan(3);
    expect(Math.max(...smallSpreads)).toBeLessThan(100);
  });

  it('lay every book out best first on the tick around the mark, the touch inside a spread of it', () => {
    for (const instrument of perpetuals) {
      const { bids, asks } = books.book(instrument, 50);
      expect(bids).toHaveLength(50);
      expect(asks).toHaveLength(50);
      const tick = 10 ** -instrument.priceDecimals;
      for (let level = 1; level < 50; level++) {
        expect(bids[level]!.price).toBeLessThan(bids[level - 1]!.price);
        expect(asks[level]!.price).toBeGreaterThan(asks[level - 1]!.price);
      }
      for (const { price, size } of [...bids, ...asks]) {
        expect(Math.abs(price / tick - Math.round(price / tick))).toBeLessThan(1e-6);
        expect(size).toBeGreaterThan(0);
      }
      const mark = instrument.state.mark;
      expect(bids[0]!.price).toBeLessThanOrEqual(mark);
      expect(asks[0]!.price).toBeGreaterThanOrEqual(mark - tick);
      expect(asks[0]!.price - bids[0]!.price).toBeLessThan(Math.max(mark * 0.01, 2 * tick));
    }
  });

  it('hold more the further a level is from the touch', () => {
    const growing = perpetuals.filter((instrument) => {
      const { bids, asks } = books.book(instrument, 20);
      const near = mean([...bids.slice(0, 5), ...asks.slice(0, 5)].map((level) => usdOf(instrument, level)));
      const far = mean([...bids.slice(10), ...asks.slice(10)].map((level) => usdOf(instrument, level)));
      return far > 2 * near;
    });
    // Lots round the thinnest books' levels to one lot each; every other book grows.
    expect(growing.length / perpetuals.length).toBeGreaterThan(0.9);
    const btc = market.find('binance', 'BTCUSDT')!;
    const touchUsd = usdOf(btc, books.book(btc, 1).bids[0]!);
    expect(touchUsd).toBeGreaterThan(10_000);
    expect(touchUsd).toBeLessThan(1_000_000);
  });

  it('size OKX levels in contracts and Binance ones in the base asset', () => {
    const okx = market.find('okx', 'BTC-USDT-SWAP')!;
    const binance = market.find('binance', 'BTCUSDT')!;
    const okxTouch = books.book(okx, 1).bids[0]!;
    const binanceTouch = books.book(binance, 1).bids[0]!;
    expect(okxTouch.size * 0.01 * okxTouch.price).toBeCloseTo(usdOf(okx, okxTouch), 6);
    expect(okxTouch.size).toBeGreaterThan(1);
    expect(binanceTouch.size).toBeLessThan(20);
    expect(Number.isInteger(Math.round(okxTouch.size * 100))).toBe(true);
  });

  it('keep one book through a second, reshape the next, and are a function of the seed', () => {
    const btc = market.find('binance', 'BTCUSDT')!;
    const first = books.book(btc, 10);
    btc.state.mark *= 1.001;
    expect(books.book(btc, 10)).toEqual(first);
    time.advance(1000);
    const next = books.book(btc, 10);
    expect(next.updateId).toBeGreaterThan(first.updateId);
    expect(next.bids[0]!.price).toBeGreaterThan(first.bids[0]!.price);
    const again = createMarketData(42, clock(START).now);
    const other = createMarketData(7, clock(START).now);
    const bookOf = (data: typeof again) => data.books.book(data.market.find('okx', 'ETH-USDT-SWAP')!, 20);
    expect(bookOf(again)).toEqual(bookOf(createMarketData(42, clock(START).now)));
    expect(bookOf(other).bids.map((level) => level.size)).not.toEqual(bookOf(again).bids.map((level) => level.size));
  });
});
