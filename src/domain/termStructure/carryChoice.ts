import type { ExchangeId } from '../exchange';

/** A perpetual's funding, annualised (fractions a year): its current rate and its 7-day median. */
export interface PerpCarryQuote {
  kind: 'perp';
  exchange: ExchangeId;
  symbol: string;
  current: number | null;
  median7d: number | null;
  stale: boolean;
}

/** A dated future's annualised basis (a fraction a year). */
export interface FutureCarryQuote {
  kind: 'future';
  exchange: ExchangeId;
  symbol: string;
  expiry: number;
  basis: number | null;
  stale: boolean;
}

export type CarryQuote = PerpCarryQuote | FutureCarryQuote;

/** Long spot and short the derivative (earns a positive basis or funding), or the reverse (earns a negative one). */
export type CarrySide = 'short-derivative' | 'long-derivative';

export interface CarryCandidate {
  side: CarrySide;
  quote: CarryQuote;
  /** What holding it earns a year, as counted. */
  earns: number;
}

export interface CarryChoice {
  best: CarryCandidate;
  /** The best of the other kind on the same side (a future when a perp wins, a perp when a future does); null when there is none. */
  rival: CarryCandidate | null;
}

/**
 * What one quote earns on one side. A future's basis is locked to delivery; a perpetual's funding
 * floats, so it counts at whichever of its current rate and 7-day median is worse for the holder
 * (the current one alone while the median is not known).
 */
function earnsOn(side: CarrySide, quote: CarryQuote): number | null {
  const sign = side === 'short-derivative' ? 1 : -1;
  if (quote.kind === 'future') return quote.basis === null ? null : sign * quote.basis;
  if (quote.current === null) return null;
  const rates = quote.median7d === null ? [quote.current] : [quote.current, quote.median7d];
  return Math.min(...rates.map((rate) => sign * rate));
}

const SIDES: readonly CarrySide[] = ['short-derivative', 'long-derivative'];

function candidates(quotes: readonly CarryQuote[]): CarryCandidate[] {
  const out: CarryCandidate[] = [];
  for (const quote of quotes) {
    if (quote.stale) continue;
    for (const side of SIDES) {
      const earns = earnsOn(side, quote);
      if (earns !== null) out.push({ side, quote, earns });
    }
  }
  return out;
}

function bestOf(list: readonly CarryCandidate[]): CarryCandidate | null {
  return list.reduce<CarryCandidate | null>((best, candidate) => (best === null || candidate.earns > best.earns ? candidate : best), null);
}

/**
 * The cheapest way to hold a coin's carry at the current numbers: of every fresh quote on either
 * side, the one that earns most a year. Stale quotes are never chosen; null without a fresh one.
 */
export function cheapestCarry(quotes: readonly CarryQuote[]): CarryChoice | null {
  const all = candidates(quotes);
  const best = bestOf(all);
  if (best === null) return null;
  const rival = bestOf(all.filter((candidate) => candidate.side === best.side && candidate.quote.kind !== best.quote.kind));
  return { best, rival };
}
