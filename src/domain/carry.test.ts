import { describe, expect, it } from 'vitest';
import type { OrderBook } from './bookWalk';
import { carryQuote, pickLegs, revertQuote, type CarryLeg } from './carry';
import { DEFAULT_CARRY_SETTINGS, type CarrySettings } from './carrySettings';

/** Base units no test's notional reaches past. */
const DEEP = 1e9;

function deepBook(bid: number, ask: number): OrderBook {
  return { bids: [{ price: bid, size: DEEP }], asks: [{ price: ask, size: DEEP }] };
}

/**
 * 5,000 USD at the best price, then 0.02 % beyond it. Buying 10,000 USD averages
 * 2 × 1.0002 / 2.0002 of the best ask: 0.0002 / 2.0002 = 1/10001 beyond it, 0.99990001 USD;
 * selling averages 2 × 0.9998 / 1.9998 of the best bid: 1/9999 below it, 1.00010001 USD.
 */
function steppedBook(bid: number, ask: number): OrderBook {
  return {
    bids: [
      { price: bid, size: 5_000 / bid },
      { price: bid * 0.9998, size: DEEP },
    ],
    asks: [
      { price: ask, size: 5_000 / ask },
      { price: ask * 1.0002, size: DEEP },
    ],
  };
}

function binance(fundingRate: number, intervalHours: number, changes: Partial<CarryLeg> = {}): CarryLeg {
  return { exchange: 'binance', symbol: 'BTCUSDT', fundingRate, intervalHours, mark: 100, bid: 99.99, ask: 100.01, book: deepBook(99.99, 100.01), ...changes };
}

function okx(fundingRate: number, intervalHours: number, changes: Partial<CarryLeg> = {}): CarryLeg {
  return { exchange: 'okx', symbol: 'BTC-USDT-SWAP', fundingRate, intervalHours, mark: 100, bid: 99.99, ask: 100.01, book: deepBook(99.99, 100.01), ...changes };
}

const TAKER: CarrySettings = DEFAULT_CARRY_SETTINGS;
const MAKER: CarrySettings = { ...DEFAULT_CARRY_SETTINGS, fill: 'maker' };

describe('pickLegs', () => {
  it('compares rates an hour: a 1 h leg paying less a period can pay more an hour', () => {
    // Binance 0.01 % / 8 h = 0.00125 % an hour; OKX 0.005 % / 1 h = 0.005 % an hour: short OKX.
    const legs = pickLegs(okx(0.00005, 1), binance(0.0001, 8));
    expect(legs?.long.exchange).toBe('binance');
    expect(legs?.short.exchange).toBe('okx');
  });

  it('no trade when both pay the same an hour', () => {
    // 0.01 % / 8 h and 0.00125 % / 1 h are both 0.00125 % an hour.
    expect(pickLegs(binance(0.0001, 8), okx(0.0000125, 1))).toBeNull();
  });
});

describe('carryQuote', () => {
  it('a 1 h leg against an 8 h leg, every line of the round trip at taker fills', () => {
    const long = binance(0.0001, 8);
    const short = okx(0.00005, 1, { mark: 100.05, bid: 99.98, ask: 100.02, book: steppedBook(99.98, 100.02) });
    const quote = carryQuote(long, short, TAKER);
    // Hourly: 0.0001 / 8 = 0.0000125 and 0.00005 / 1 = 0.00005; spread 0.0000375 an hour.
    expect(quote.longHourlyRate).toBeCloseTo(0.0000125, 15);
    expect(quote.shortHourlyRate).toBeCloseTo(0.00005, 15);
    expect(quote.hourlySpread).toBeCloseTo(0.0000375, 15);
    // 0.0000375 × 8,760 = 0.3285; 0.0000375 × 168 h × 10,000 USD = 63 USD.
    expect(quote.grossApr).toBeCloseTo(0.3285, 12);
    expect(quote.grossUsd).toBeCloseTo(63, 9);
    // Each fill: 0.05 % × 10,000 = 5 USD fee. Half spread: Binance 0.02 / 200 = 0.01 % = 1 USD,
    // OKX 0.04 / 200 = 0.02 % = 2 USD. Slippage: Binance's book is deep (0); OKX sells at open
    // (1.00010001 USD) and buys at close (0.99990001 USD).
    expect(quote.fills.map(({ leg, stage, side }) => `${leg} ${stage} ${side}`)).toEqual(['long open buy', 'short open sell', 'long close sell', 'short close buy']);
    expect(quote.fills.map((fill) => fill.feeUsd)).toEqual([5, 5, 5, 5]);
    const [longOpen, shortOpen, longClose, shortClose] = quote.fills;
    expect(longOpen!.halfSpreadUsd).toBeCloseTo(1, 9);
    expect(shortOpen!.halfSpreadUsd).toBeCloseTo(2, 9);
    expect(longClose!.slippageUsd).toBeCloseTo(0, 9);
    expect(shortOpen!.slippageUsd).toBeCloseTo(1.00010001, 8);
    expect(shortClose!.slippageUsd).toBeCloseTo(0.99990001, 8);
    // Fees 20, half spreads 1 + 1 + 2 + 2 = 6, slippage 2.00000002: costs 28.00000002, net 34.99999998.
    expect(quote.feesUsd).toBeCloseTo(20, 12);
    expect(quote.halfSpreadUsd).toBeCloseTo(6, 9);
    expect(quote.slippageUsd).toBeCloseTo(2.00000002, 8);
    expect(quote.net.costsUsd).toBeCloseTo(28.00000002, 8);
    expect(quote.net.netUsd).toBeCloseTo(34.99999998, 8);
    // 35 / 10,000 × 8,760 / 168 = 0.1825 on notional; on 2 × 10,000 / 1 = 20,000 of capital, 0.09125.
    expect(quote.net.netAprOnNotional).toBeCloseTo(0.1825, 8);
    expect(quote.capitalUsd).toBe(20_000);
    expect(quote.net.netAprOnCapital).toBeCloseTo(0.09125, 8);
    // 28.00000002 USD / (0.0000375 × 10,000 = 0.375 USD an hour) = 74.6666667 h.
    expect(quote.net.breakEvenHours).toBeCloseTo(74.6666667, 6);
    // 100.05 / 100 − 1.
    expect(quote.entryBasis).toBeCloseTo(0.0005, 12);
  });

  it('costs larger than the gross: a negative net and a break-even beyond the period', () => {
    const quote = carryQuote(binance(0.0001, 8), okx(0.00011, 8), TAKER);
    // 0.00001 / 8 = 0.00000125 an hour × 168 × 10,000 = 2.1 USD gross.
    expect(quote.grossUsd).toBeCloseTo(2.1, 9);
    // Fees 4 × 5 = 20, half spreads 4 × 1 = 4, deep books: costs 24, net −21.9.
    expect(quote.net.costsUsd).toBeCloseTo(24, 9);
    expect(quote.net.netUsd).toBeCloseTo(-21.9, 9);
    // −21.9 / 10,000 × 8,760 / 168 = −0.11419285714.
    expect(quote.net.netAprOnNotional).toBeCloseTo(-0.1141928571, 9);
    // 24 / (0.00000125 × 10,000 = 0.0125 USD an hour) = 1,920 h, beyond the 168 h held.
    expect(quote.net.breakEvenHours).toBeCloseTo(1920, 6);
  });

  it('maker fills pay the maker fee and cross no spread, even with no bid and no book', () => {
    const long = binance(0.0001, 8, { bid: null, book: null });
    const short = okx(0.00005, 1, { book: null });
    const maker = carryQuote(long, short, MAKER);
    // 4 × 0.02 % × 10,000 = 8 USD; gross 63 (as at taker); net 55; 55 / 10,000 × 8,760 / 168 = 0.28678571.
    expect(maker.feesUsd).toBeCloseTo(8, 12);
    expect(maker.halfSpreadUsd).toBe(0);
    expect(maker.slippageUsd).toBe(0);
    expect(maker.net.netUsd).toBeCloseTo(55, 9);
    expect(maker.net.netAprOnNotional).toBeCloseTo(0.2867857143, 9);
    // 8 / 0.375 = 21.3333 h.
    expect(maker.net.breakEvenHours).toBeCloseTo(21.3333333, 6);
    // The same legs at taker fills: the missing bid and books leave the costs unknown.
    expect(carryQuote(long, short, TAKER).net.costsUsd).toBeNull();
  });

  it('judges a pair whose books were not fetched by fees and half spreads, and leaves its full net unknown', () => {
    const long = binance(0.0001, 8, { book: null });
    const short = okx(0.0003, 8, { bid: 99.98, ask: 100.02, book: null });
    const quote = carryQuote(long, short, TAKER);
    // Gross: (0.0003 − 0.0001) / 8 = 0.000025 an hour × 168 h × 10,000 = 42 USD.
    // Fees 4 × 0.05 % × 10,000 = 20; half spreads: Binance 0.02 / 200 = 1 bp → 1 USD × 2 fills,
    // OKX 0.04 / 200 = 2 bp → 2 USD × 2 fills: 6. Costs 26, net 16, 16 / 10,000 × 8,760 / 168 = 0.08342857.
    expect(quote.beforeSlippage.costsUsd).toBeCloseTo(26, 9);
    expect(quote.beforeSlippage.netUsd).toBeCloseTo(16, 9);
    expect(quote.beforeSlippage.netAprOnNotional).toBeCloseTo(0.0834285714, 9);
    // 26 USD / 0.25 USD an hour = 104 h.
    expect(quote.beforeSlippage.breakEvenHours).toBeCloseTo(104, 9);
    expect(quote.net).toEqual({ costsUsd: null, netUsd: null, netAprOnNotional: null, netAprOnCapital: null, breakEvenHours: null });
  });

  it('charges each fill its own venue’s fee', () => {
    const fees = { binance: { maker: 0.0002, taker: 0.0004 }, okx: { maker: 0.0002, taker: 0.0005 } };
    const quote = carryQuote(binance(0.0001, 8), okx(0.00005, 1), { ...TAKER, fees });
    // Binance 0.04 % × 10,000 = 4 USD, OKX 0.05 % = 5 USD, twice each: 18 USD.
    expect(quote.fills.map((fill) => `${fill.exchange} ${fill.feeUsd}`)).toEqual(['binance 4', 'okx 5', 'binance 4', 'okx 5']);
    expect(quote.feesUsd).toBeCloseTo(18, 12);
  });

  it('maker rebates above every other cost are even at entry', () => {
    const rebate: CarrySettings = { ...MAKER, fees: { binance: { maker: -0.0001, taker: 0.0005 }, okx: { maker: -0.0001, taker: 0.0005 } } };
    const quote = carryQuote(binance(0.0001, 8), okx(0.00005, 1), rebate);
    // 4 × −0.01 % × 10,000 = −4 USD: net 63 + 4 = 67; break-even 0 h.
    expect(quote.net.costsUsd).toBeCloseTo(-4, 12);
    expect(quote.net.netUsd).toBeCloseTo(67, 9);
    expect(quote.net.breakEvenHours).toBe(0);
  });

  it('a book too thin at the notional leaves its fill, the slippage and every total after them unknown', () => {
    // Short's bids hold 6,000 USD, the short opens by selling 10,000 into them.
    const thin: OrderBook = { bids: [{ price: 99.99, size: 6_000 / 99.99 }], asks: [{ price: 100.01, size: DEEP }] };
    const quote = carryQuote(binance(0.0001, 8), okx(0.00011, 8, { book: thin }), TAKER);
    const shortOpen = quote.fills.find((fill) => fill.leg === 'short' && fill.stage === 'open')!;
    const shortClose = quote.fills.find((fill) => fill.leg === 'short' && fill.stage === 'close')!;
    expect(shortOpen.slippageUsd).toBeNull();
    expect(shortClose.slippageUsd).toBeCloseTo(0, 9);
    expect(quote.slippageUsd).toBeNull();
    expect(quote.net.costsUsd).toBeNull();
    expect(quote.net.netUsd).toBeNull();
    expect(quote.net.netAprOnNotional).toBeNull();
    expect(quote.net.netAprOnCapital).toBeNull();
    expect(quote.net.breakEvenHours).toBeNull();
    // What does not depend on the book stands: gross 2.1, fees 20, half spreads 4.
    expect(quote.grossUsd).toBeCloseTo(2.1, 9);
    expect(quote.feesUsd).toBeCloseTo(20, 12);
    expect(quote.halfSpreadUsd).toBeCloseTo(4, 9);
  });

  it('at 3× leverage the capital is a third and its APR three times, the notional APR unchanged', () => {
    const short = okx(0.00005, 1, { mark: 100.05, bid: 99.98, ask: 100.02, book: steppedBook(99.98, 100.02) });
    const quote = carryQuote(binance(0.0001, 8), short, { ...TAKER, leverage: 3 });
    // 2 × 10,000 / 3 = 6,666.67 USD; 34.99999998 / 6,666.67 × 8,760 / 168 = 0.1825 × 1.5 = 0.27375.
    expect(quote.capitalUsd).toBeCloseTo(6666.6666667, 6);
    expect(quote.net.netAprOnCapital).toBeCloseTo(0.27375, 8);
    expect(quote.net.netAprOnNotional).toBeCloseTo(0.1825, 8);
  });

  it('a missing bid leaves that leg’s half spread unknown and the totals after it, not 0', () => {
    const quote = carryQuote(binance(0.0001, 8, { bid: null }), okx(0.00011, 8), TAKER);
    const longFills = quote.fills.filter((fill) => fill.leg === 'long');
    const shortFills = quote.fills.filter((fill) => fill.leg === 'short');
    expect(longFills.map((fill) => fill.halfSpreadUsd)).toEqual([null, null]);
    for (const fill of shortFills) expect(fill.halfSpreadUsd).toBeCloseTo(1, 9);
    expect(quote.halfSpreadUsd).toBeNull();
    expect(quote.net.costsUsd).toBeNull();
    expect(quote.net.netUsd).toBeNull();
    expect(quote.net.breakEvenHours).toBeNull();
    expect(quote.slippageUsd).toBeCloseTo(0, 9);
    expect(quote.grossUsd).toBeCloseTo(2.1, 9);
    expect(quote.entryBasis).toBe(0);
  });
});

describe('revertQuote', () => {
  it('a spread that just flipped: the legs stay as today chose them and the revert case loses', () => {
    const legs = pickLegs(binance(0.0001, 8), okx(0.0002, 8))!;
    // Today: (0.0002 − 0.0001) / 8 = 0.0000125 an hour × 1,680,000 = 21 USD gross, long Binance.
    expect(carryQuote(legs.long, legs.short, TAKER).grossUsd).toBeCloseTo(21, 9);
    // Medians the other way round: Binance 21.9 % a year (0.219 / 8,760 = 0.000025 an hour),
    // OKX 10.95 % (0.0000125 an hour): spread −0.0000125 an hour, gross −21 USD.
    const revert = revertQuote(legs.long, legs.short, { long: 0.219, short: 0.1095 }, TAKER);
    expect(revert.long.exchange).toBe('binance');
    expect(revert.hourlySpread).toBeCloseTo(-0.0000125, 15);
    expect(revert.grossUsd).toBeCloseTo(-21, 9);
    // Costs 24 (20 fees + 4 half spreads): net −45; −45 / 10,000 × 8,760 / 168 = −0.23464286; never breaks even.
    expect(revert.net.netUsd).toBeCloseTo(-45, 9);
    expect(revert.net.netAprOnNotional).toBeCloseTo(-0.2346428571, 9);
    expect(revert.net.breakEvenHours).toBeNull();
  });

  it('a leg without a median leaves the gross and the net unknown, the costs known', () => {
    const revert = revertQuote(binance(0.0001, 8), okx(0.0002, 8), { long: 0.1095, short: null }, TAKER);
    expect(revert.grossUsd).toBeNull();
    expect(revert.net.netUsd).toBeNull();
    expect(revert.net.breakEvenHours).toBeNull();
    expect(revert.net.costsUsd).toBeCloseTo(24, 9);
  });
});
