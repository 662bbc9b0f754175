import { walkBook, type OrderBook, type TradeSide } from './bookWalk';
import type { CarrySettings } from './carrySettings';
import type { ExchangeId } from './exchange';
import type { PerpRow } from './perp';

const HOURS_PER_YEAR = 24 * 365;

/** One side of a carry: its venue's current rate over its own interval, its prices and (for the pair inspected) its book. */
export interface CarryLeg {
  exchange: ExchangeId;
  symbol: string;
  /** Fraction per interval. */
  fundingRate: number;
  intervalHours: number;
  mark: number | null;
  bid: number | null;
  ask: number | null;
  /** Fetched on demand for the pair inspected; null elsewhere, which leaves taker slippage unknown. */
  book: OrderBook | null;
}

export interface CarryLegs {
  long: CarryLeg;
  short: CarryLeg;
}

/** A leg as the carry maths takes it; null while its rate or interval is unknown. */
export function carryLegOf(row: PerpRow): CarryLeg | null {
  if (row.fundingRate === null || row.intervalHours === null) return null;
  return { exchange: row.exchange, symbol: row.symbol, fundingRate: row.fundingRate, intervalHours: row.intervalHours, mark: row.mark, bid: row.bid, ask: row.ask, book: null };
}

export function hourlyRate(leg: CarryLeg): number {
  return leg.fundingRate / leg.intervalHours;
}

/** Smaller than any difference of rates published to 8 decimals (1e-8 over 8 h): float noise. */
const SAME_HOURLY_RATE = 1e-12;

/** Long the leg that pays less an hour, short the one that pays more; null when they pay the same. */
export function pickLegs(a: CarryLeg, b: CarryLeg): CarryLegs | null {
  const difference = hourlyRate(a) - hourlyRate(b);
  if (Math.abs(difference) <= SAME_HOURLY_RATE) return null;
  return difference < 0 ? { long: a, short: b } : { long: b, short: a };
}

/** One of the round trip's four fills and what it costs, in USD; null where an input is missing. */
export interface CarryFillCost {
  leg: 'long' | 'short';
  stage: 'open' | 'close';
  side: TradeSide;
  exchange: ExchangeId;
  feeUsd: number;
  halfSpreadUsd: number | null;
  slippageUsd: number | null;
}

export interface CarryQuote {
  long: CarryLeg;
  short: CarryLeg;
  /** Fraction per hour each leg's rate stands for; null where a revert median is not known. */
  longHourlyRate: number | null;
  shortHourlyRate: number | null;
  /** Short's hourly rate less long's: what the pair earns an hour per unit of notional. */
  hourlySpread: number | null;
  grossApr: number | null;
  grossUsd: number | null;
  fills: CarryFillCost[];
  feesUsd: number;
  halfSpreadUsd: number | null;
  slippageUsd: number | null;
  /** Margin both legs tie up: 2 × notional / leverage. */
  capitalUsd: number;
  /** After every cost: fees, half spreads and slippage through the books. */
  net: CarryOutcome;
  /** After fees and half spreads only: what a pair whose books were not fetched can be judged by. */
  beforeSlippage: CarryOutcome;
  /** Short mark / long mark − 1, at entry: shown as it stands, never assumed to converge. */
  entryBasis: number | null;
}

/** What the round trip leaves after a set of costs; every figure null when a cost in the set is unknown. */
export interface CarryOutcome {
  costsUsd: number | null;
  netUsd: number | null;
  netAprOnNotional: number | null;
  netAprOnCapital: number | null;
  /** Hours of the gross to pay the costs; null when the gross never does (≤ 0 an hour) or the costs are unknown. */
  breakEvenHours: number | null;
}

/** A two-sided quote's spread over its mid, (ask − bid) / ((ask + bid) / 2); null without one, or crossed. */
export function quotedSpread({ bid, ask }: { bid: number | null; ask: number | null }): number | null {
  if (bid === null || ask === null || !(bid > 0) || !(ask >= bid)) return null;
  return (ask - bid) / ((ask + bid) / 2);
}

/** Half the quoted spread: what a taker fill crosses, as a fraction of the mid. */
function halfSpreadFraction(leg: CarryLeg): number | null {
  const spread = quotedSpread(leg);
  return spread === null ? null : spread / 2;
}

/**
 * A fill's cost at the notional. A taker pays the venue's taker fee, crosses half the spread and
 * walks the book beyond the best price; a maker pays its maker fee and crosses no spread and walks
 * no book. The close is costed on today's book and notional.
 */
function fillCost(leg: CarryLeg, role: 'long' | 'short', stage: 'open' | 'close', settings: CarrySettings): CarryFillCost {
  // The long opens by buying and closes by selling; the short the other way round.
  const side: TradeSide = (role === 'long') === (stage === 'open') ? 'buy' : 'sell';
  const { notionalUsd, fill } = settings;
  const feeUsd = notionalUsd * settings.fees[leg.exchange][fill];
  if (fill === 'maker') return { leg: role, stage, side, exchange: leg.exchange, feeUsd, halfSpreadUsd: 0, slippageUsd: 0 };
  const halfSpread = halfSpreadFraction(leg);
  const slippage = leg.book ? walkBook(side === 'buy' ? leg.book.asks : leg.book.bids, notionalUsd, side).slippage : null;
  return {
    leg: role,
    stage,
    side,
    exchange: leg.exchange,
    feeUsd,
    halfSpreadUsd: halfSpread === null ? null : halfSpread * notionalUsd,
    slippageUsd: slippage === null ? null : slippage * notionalUsd,
  };
}

/** The sum, or null when any part is unknown: a missing part never counts as 0. */
function sumOfKnown(values: readonly (number | null)[]): number | null {
  let sum = 0;
  for (const value of values) {
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

function entryBasisOf({ long, short }: CarryLegs): number | null {
  if (long.mark === null || short.mark === null || !(long.mark > 0) || !(short.mark > 0)) return null;
  return short.mark / long.mark - 1;
}

function quoteAt(legs: CarryLegs, longHourlyRate: number | null, shortHourlyRate: number | null, settings: CarrySettings): CarryQuote {
  const { notionalUsd, holdingHours, leverage } = settings;
  const hourlySpread = longHourlyRate === null || shortHourlyRate === null ? null : shortHourlyRate - longHourlyRate;
  const grossUsd = hourlySpread === null ? null : hourlySpread * holdingHours * notionalUsd;
  const fills = [
    fillCost(legs.long, 'long', 'open', settings),
    fillCost(legs.short, 'short', 'open', settings),
    fillCost(legs.long, 'long', 'close', settings),
    fillCost(legs.short, 'short', 'close', settings),
  ];
  const feesUsd = fills.reduce((sum, fill) => sum + fill.feeUsd, 0);
  const halfSpreadUsd = sumOfKnown(fills.map((fill) => fill.halfSpreadUsd));
  const slippageUsd = sumOfKnown(fills.map((fill) => fill.slippageUsd));
  const capitalUsd = (2 * notionalUsd) / leverage;
  const grossPerHourUsd = hourlySpread === null ? null : hourlySpread * notionalUsd;
  const outcome = (costsUsd: number | null): CarryOutcome => {
    const netUsd = grossUsd === null || costsUsd === null ? null : grossUsd - costsUsd;
    const perYear = HOURS_PER_YEAR / holdingHours;
    return {
      costsUsd,
      netUsd,
      netAprOnNotional: netUsd === null ? null : (netUsd / notionalUsd) * perYear,
      netAprOnCapital: netUsd === null ? null : (netUsd / capitalUsd) * perYear,
      // Costs at or below zero (maker rebates) are even at entry.
      breakEvenHours: costsUsd === null || grossPerHourUsd === null || grossPerHourUsd <= 0 ? null : Math.max(0, costsUsd / grossPerHourUsd),
    };
  };
  return {
    long: legs.long,
    short: legs.short,
    longHourlyRate,
    shortHourlyRate,
    hourlySpread,
    grossApr: hourlySpread === null ? null : hourlySpread * HOURS_PER_YEAR,
    grossUsd,
    fills,
    feesUsd,
    halfSpreadUsd,
    slippageUsd,
    capitalUsd,
    net: outcome(sumOfKnown([feesUsd, halfSpreadUsd, slippageUsd])),
    beforeSlippage: outcome(sumOfKnown([feesUsd, halfSpreadUsd])),
    entryBasis: entryBasisOf(legs),
  };
}

/** The round trip at today's rates, each leg's rate over its own interval. */
export function carryQuote(long: CarryLeg, short: CarryLeg, settings: CarrySettings): CarryQuote {
  return quoteAt({ long, short }, hourlyRate(long), hourlyRate(short), settings);
}

/** Each leg's median over a window, annualised (as fundingStats gives it); null where its history falls short. */
export interface RevertMedians {
  long: number | null;
  short: number | null;
}

/**
 * "If funding reverts": the same round trip earning each leg's median instead of today's rate, the
 * legs kept as today's rates chose them, so a spread that has flipped shows a negative gross.
 */
export function revertQuote(long: CarryLeg, short: CarryLeg, medians: RevertMedians, settings: CarrySettings): CarryQuote {
  const hourly = (annualised: number | null) => (annualised === null ? null : annualised / HOURS_PER_YEAR);
  return quoteAt({ long, short }, hourly(medians.long), hourly(medians.short), settings);
}
