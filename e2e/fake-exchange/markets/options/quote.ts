import {
  impliedVol,
  optionPrice,
  optionValuation,
  type OptionInputs,
  type OptionKind,
  type OptionValuation,
} from '../../../../src/math/blackScholes.ts';
import { unitAt } from './random.ts';

/** How a venue quotes: in USDT (Binance) or in the coin (OKX, inverse), on which tick, in what lots. */
export interface QuoteConvention {
  /** Prices in the coin: a quote of p is worth p × spot USD. */
  inCoin: boolean;
  tickAt(price: number): number;
  /** Size of one lot in the venue's size unit (coins on Binance, contracts on OKX). */
  lotSize: number;
  maxLots: number;
  /** Binance sends its mark IV to three decimals and prices at the value sent; null to keep it exact (OKX). */
  markVolStep: number | null;
}

export interface QuotedContract {
  readonly kind: OptionKind;
  readonly strike: number;
  /** Root of this option's random draws. */
  readonly hash: number;
}

/** Where one expiry is priced at one instant; shared by all of its strikes. */
export interface PricingPoint {
  expiry: number;
  spot: number;
  years: number;
  /** Rate that carries spot to the forward, F = spot · e^{carryRate · years}: Binance's `rf`, OKX's basis. */
  carryRate: number;
  forward: number;
  atmVol: number;
  /** Time bucket of the book's noise: sizes and one-sided quotes change per bucket, not per tick. */
  bucket: number;
}

export interface OptionQuote {
  point: PricingPoint;
  /** Mark IV. */
  vol: number;
  /** Black-Scholes on spot at the mark IV with rate = carryRate, in USD. */
  usd: OptionValuation;
  /** Mark in the venue's quote currency (USDT, or coin on OKX), unrounded. */
  mark: number;
  /** Best bid/ask on the tick, in the quote currency; null when that side is empty. */
  bid: number | null;
  ask: number | null;
  /** IVs that reprice bid/ask exactly (null with their side). */
  bidVol: number | null;
  askVol: number | null;
  /** In the venue's size unit; 0 when the side is empty. */
  bidSize: number;
  askSize: number;
}

/** A book a test pinned on one option: the IVs its best bid and ask are quoted at. */
export interface PinnedBook {
  bidVol: number;
  askVol: number;
}

/** Which random draw of a bucket is which, so adding a draw never shifts the others. */
const DRAW = { spread: 1, bidGone: 2, askGone: 3, bidSize: 4, askSize: 5 } as const;

export function quoteOption(
  contract: QuotedContract,
  point: PricingPoint,
  smileVol: number,
  convention: QuoteConvention,
  pinnedBook: PinnedBook | null = null,
): OptionQuote {
  const vol = convention.markVolStep === null ? smileVol : Math.round(smileVol / convention.markVolStep) * convention.markVolStep;
  // Built once and re-priced by changing `vol`: object spreads are slow on this hot path.
  const inputs: OptionInputs = {
    kind: contract.kind, underlying: point.spot, strike: contract.strike, years: point.years, vol, rate: point.carryRate,
  };
  const usd = optionValuation(inputs);
  const unitValue = convention.inCoin ? point.spot : 1;
  const quote: OptionQuote = {
    point, vol, usd, mark: usd.price / unitValue,
    bid: null, ask: null, bidVol: null, askVol: null, bidSize: 0, askSize: 0,
  };

  const { hash } = contract;
  const absDelta = Math.abs(usd.delta);
  // Market makers widen in vol terms away from the money; the noise makes books breathe.
  const standardDeviations =
    Math.abs(Math.log(contract.strike / point.forward)) / (point.atmVol * Math.sqrt(point.years));
  const noise = 0.7 + 0.6 * unitAt(hash, point.bucket, DRAW.spread);
  const halfSpread = vol * (0.012 + 0.03 * Math.min(1, standardDeviations / 3)) * noise;
  // Thin far strikes: nobody bids lottery tickets, nobody offers deep in-the-money options.
  const bidGoneChance = absDelta < 0.03 ? 0.55 : absDelta < 0.1 ? 0.2 : 0.03;
  const askGoneChance = absDelta > 0.97 ? 0.35 : 0.03;
  // ATM books are deepest: 4·|Δ|·(1 − |Δ|) is 1 at 50 delta and falls to 0 in the wings.
  const maxLots = convention.maxLots * (0.15 + 0.85 * 4 * absDelta * (1 - absDelta));

  // A pinned book is quoted on both sides at its IVs, on the tick as the venue prices them.
  if (pinnedBook || unitAt(hash, point.bucket, DRAW.bidGone) >= bidGoneChance) {
    const bid = bookSide('bid', inputs, pinnedBook?.bidVol ?? vol - halfSpread, unitValue, convention.tickAt);
    if (bid) {
      quote.bid = bid.price;
      quote.bidVol = bid.vol;
      quote.bidSize = lots(convention, unitAt(hash, point.bucket, DRAW.bidSize) * maxLots);
    }
  }
  if (pinnedBook || unitAt(hash, point.bucket, DRAW.askGone) >= askGoneChance) {
    const ask = bookSide('ask', inputs, pinnedBook?.askVol ?? vol + halfSpread, unitValue, convention.tickAt);
    if (ask) {
      quote.ask = ask.price;
      quote.askVol = ask.vol;
      quote.askSize = lots(convention, unitAt(hash, point.bucket, DRAW.askSize) * maxLots);
    }
  }
  return quote;
}

/**
 * One side of the book: the price at `targetVol`, moved onto the tick away from the mark (down for
 * bids, up for asks), and the IV that reprices it exactly; null when no tick price is left.
 * `inputs` is reused as scratch (its vol is overwritten).
 */
function bookSide(
  side: 'bid' | 'ask',
  inputs: OptionInputs,
  targetVol: number,
  unitValue: number,
  tickAt: (price: number) => number,
): { price: number; vol: number } | null {
  inputs.vol = targetVol;
  const raw = optionPrice(inputs) / unitValue;
  const tick = tickAt(raw);
  // The nudges keep a price already on the tick (up to float noise) where it is.
  const ticks = side === 'bid' ? Math.floor(raw / tick + 1e-9) : Math.ceil(raw / tick - 1e-9);
  const price = ticks * tick;
  if (price < tick) return null;
  const vol = impliedVol(price * unitValue, inputs, targetVol);
  return vol === null ? null : { price, vol };
}

/** A displayed size: at least one lot. */
function lots(convention: QuoteConvention, scaledDraw: number): number {
  return convention.lotSize * (1 + Math.floor(scaledDraw));
}
