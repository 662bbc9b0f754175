import { BinanceOptionVenue } from './options/binanceVenue.ts';
import { OptionChain, type ChainSpec, type PinnedVols } from './options/chain.ts';
import type { PinnedBook } from './options/quote.ts';
import { OkxOptionVenue } from './options/okxVenue.ts';
import { hashText, mulberry32 } from './options/random.ts';
import { BINANCE_RATE_CURVE, rateAt, type RateCurve } from './options/riskFreeRate.ts';
import {
  BINANCE_UNDERLYINGS,
  OKX_FAMILIES,
  OPTION_BASES,
  okxTick,
  SMILES,
  type OptionBase,
} from './options/underlyings.ts';
import { VolSurface, type SmileShape } from './options/volSurface.ts';

/**
 * The fake exchange's option markets: Binance European options on six coins and OKX inverse
 * options on BTC-USD and ETH-USD, deterministic from a seed and priced with Black-Scholes at the
 * mark IV of a per-coin smile (src/math/blackScholes.ts), at Binance's `rf` or OKX's basis. Pure: no I/O, no timers; the server
 * moves it with `step(now)` and serialises what the methods return.
 */
export interface OptionMarket {
  /** Moves the market to `now` (never backwards): settles expired options, lists successors, reprices. */
  step(now: number): void;
  /**
   * Pins one expiry of a chain (Binance underlying `BTCUSDT`, OKX family `BTC-USD`) at a flat mark
   * IV for its calls and another for its puts, priced and greeked from them; null unpins. False
   * when the chain lists no such expiry.
   */
  pinVols(exchange: 'binance' | 'okx', underlying: string, expiry: number, vols: PinnedVols | null): boolean;
  /**
   * Pins one option's best bid and ask at these IVs (on the tick, as the venue prices them; null
   * unpins); false when neither venue lists it. Binance symbols `BTC-261225-100000-C`, OKX `BTC-USD-…`.
   */
  pinBook(exchange: 'binance' | 'okx', symbol: string, book: PinnedBook | null): boolean;
  /** Holds one option's quote and stops the venue publishing it (or lets it go on); false when not listed. */
  freeze(exchange: 'binance' | 'okx', symbol: string, frozen: boolean): boolean;
  /** One option's best bid and ask as now quoted, in the venue's price currency, with the IVs that reprice them; null when not listed. */
  bookOf(exchange: 'binance' | 'okx', symbol: string): { bid: number | null; ask: number | null; bidVol: number | null; askVol: number | null } | null;
  /** Every chain back to its surface, its drawn books, and publishing every option. */
  clearPins(): void;
  binance: {
    /** ['BTCUSDT', 'ETHUSDT', 'BNBUSDT', 'SOLUSDT', 'XRPUSDT', 'DOGEUSDT'] */
    underlyings(): string[];
    /** Body of GET /eapi/v1/exchangeInfo. */
    exchangeInfo(now: number): unknown;
    /** Payload of `<underlying lowercase>@optionMarkPrice`, one markPriceUpdate per listed option; null if unknown. */
    markPriceStream(underlying: string, now: number): unknown[] | null;
    /** Body of GET /eapi/v1/mark (all options, or one); null for an unknown symbol. */
    markRest(symbol?: string): unknown[] | null;
    /** Body of GET /eapi/v1/ticker (all options, or one); null for an unknown symbol. */
    tickerRest(symbol?: string): unknown[] | null;
    /** Body of GET /eapi/v1/index?underlying=; null if unknown. */
    indexRest(underlying: string, now: number): unknown | null;
  };
  okx: {
    /** ['BTC-USD', 'ETH-USD'] */
    families(): string[];
    /** OKX OPTION instrument objects (all families, or one). */
    instruments(family?: string): unknown[];
    hasInstrument(instId: string): boolean;
    /** opt-summary data array (REST and channel); null for an unknown family. */
    optSummary(family: string, now: number): unknown[] | null;
    /** mark-price channel data item {instType: 'OPTION', instId, markPx, ts}; null if unknown. */
    markPrice(instId: string, now: number): unknown | null;
    /** tickers channel data item; null if unknown. */
    ticker(instId: string, now: number): unknown | null;
  };
}

export interface OptionMarketOptions {
  seed: number;
  /** Market time at creation (ms). */
  now: number;
  /** Spot (index) of a coin in USD, e.g. spot('BTC'); read once per coin per step. */
  spot: (base: string) => number;
  /** Binance's risk-free rate `rf` by time to expiry; the live term structure by default. */
  binanceRates?: RateCurve;
}

/** The fake's Binance option marks: the mark IV to 0.001, as `vo` is sent live ("0.387"). */
const BINANCE_MARK_VOL_STEP = 0.001;

export function createOptionMarket({ seed, now, spot, binanceRates = BINANCE_RATE_CURVE }: OptionMarketOptions): OptionMarket {
  let clock = now;
  const spotOf = (base: OptionBase) => {
    const price = spot(base);
    if (price > 0 && Number.isFinite(price)) return price;
    throw new Error(`options: spot('${base}') is ${price}, need a positive price`);
  };
  const spots = new Map(OPTION_BASES.map((base) => [base, spotOf(base)]));
  const surfaces = new Map(OPTION_BASES.map((base) => [base, drawSurface(seed, base)]));
  type VenueSpec = Pick<ChainSpec, 'symbolPrefix' | 'expiries' | 'carryRate' | 'convention'>;
  const chainFor = (base: OptionBase, venue: VenueSpec) => {
    const spec = { ...venue, seed, surface: surfaces.get(base)!, gridScale: gridScaleOf(SMILES[base]) };
    return new OptionChain(spec, clock, spots.get(base)!);
  };

  const binanceChains = BINANCE_UNDERLYINGS.map((spec) => ({
    spec,
    chain: chainFor(spec.base, {
      symbolPrefix: spec.base,
      expiries: spec.expiries,
      carryRate: (years) => rateAt(binanceRates, years),
      convention: { inCoin: false, tickAt: () => spec.tick, lotSize: spec.quantityStep, maxLots: 500, markVolStep: BINANCE_MARK_VOL_STEP },
    }),
  }));
  const okxChains = OKX_FAMILIES.map((family) => ({
    family,
    chain: chainFor(family.base, {
      symbolPrefix: `${family.base}-USD`,
      expiries: family.expiries,
      carryRate: () => family.basisRate,
      convention: { inCoin: true, tickAt: okxTick, lotSize: 1, maxLots: 300, markVolStep: null },
    }),
  }));
  const allChains = [
    ...binanceChains.map(({ spec, chain }) => ({ base: spec.base, chain })),
    ...okxChains.map(({ family, chain }) => ({ base: family.base, chain })),
  ];

  const step = (next: number) => {
    if (next <= clock) return;
    clock = next;
    for (const base of OPTION_BASES) spots.set(base, spotOf(base));
    for (const { base, chain } of allChains) chain.advance(clock, spots.get(base)!);
  };

  const binance = new BinanceOptionVenue(binanceChains, step);
  const okx = new OkxOptionVenue(okxChains, step);
  const chainOf = (exchange: 'binance' | 'okx', underlying: string): OptionChain | undefined =>
    exchange === 'binance'
      ? binanceChains.find(({ spec }) => `${spec.base}USDT` === underlying)?.chain
      : okxChains.find(({ family }) => `${family.base}-USD` === underlying)?.chain;
  const chainOfSymbol = (exchange: 'binance' | 'okx', symbol: string): OptionChain | undefined => {
    const parts = symbol.split('-');
    return chainOf(exchange, exchange === 'binance' ? `${parts[0]}USDT` : `${parts[0]}-${parts[1]}`);
  };
  // Plain functions, so callers may pass them around without binding.
  return {
    step,
    pinVols: (exchange, underlying, expiry, vols) => chainOf(exchange, underlying)?.pinVols(expiry, vols) ?? false,
    pinBook: (exchange, symbol, book) => chainOfSymbol(exchange, symbol)?.pinBook(symbol, book) ?? false,
    freeze: (exchange, symbol, frozen) => chainOfSymbol(exchange, symbol)?.freeze(symbol, frozen) ?? false,
    bookOf: (exchange, symbol) => {
      const quote = chainOfSymbol(exchange, symbol)?.find(symbol)?.quote;
      return quote ? { bid: quote.bid, ask: quote.ask, bidVol: quote.bidVol, askVol: quote.askVol } : null;
    },
    clearPins: () => allChains.forEach(({ chain }) => chain.clearPins()),
    binance: {
      underlyings: () => binance.underlyings(),
      exchangeInfo: (at) => binance.exchangeInfo(at),
      markPriceStream: (underlying, at) => binance.markPriceStream(underlying, at),
      markRest: (symbol) => binance.markRest(symbol),
      tickerRest: (symbol) => binance.tickerRest(symbol),
      indexRest: (underlying, at) => binance.indexRest(underlying, at),
    },
    okx: {
      families: () => okx.families(),
      instruments: (family) => okx.instruments(family),
      hasInstrument: (instId) => okx.hasInstrument(instId),
      optSummary: (family, at) => okx.optSummary(family, at),
      markPrice: (instId, at) => okx.markPrice(instId, at),
      ticker: (instId, at) => okx.ticker(instId, at),
    },
  };
}

/** The coin's smile, jittered by the seed so different seeds give different (still plausible) markets. */
function drawSurface(seed: number, base: OptionBase): VolSurface {
  const random = mulberry32(hashText(seed, `options:${base}`));
  const typical = SMILES[base];
  const shape: SmileShape = {
    shortVol: typical.shortVol * (0.92 + 0.16 * random()),
    longVol: typical.longVol * (0.92 + 0.16 * random()),
    skew: typical.skew + 0.02 * (random() - 0.5),
    curvature: typical.curvature * (0.85 + 0.3 * random()),
  };
  return new VolSurface(shape, random);
}

/** Grids are sized for a 50 % vol coin; a 95 % vol coin lists strikes further out. */
function gridScaleOf(shape: SmileShape): number {
  return Math.min(1.6, Math.max(0.8, shape.shortVol / 0.5));
}
