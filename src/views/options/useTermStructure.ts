import { useEffect, useRef, useState } from 'react';
import { acquireOptionChain } from '../../app/options';
import type { ExchangeId } from '../../domain/exchange';
import { chainKey, type OptionRow } from '../../domain/option';
import { chainExpiryVols, type ExpiryVols } from '../../domain/termStructure/expiryVols';
import { tenorVols, type TenorVols } from '../../domain/termStructure/tenors';
import { useOptionStore } from '../../store/optionStore';

/** The term structure is worked out again at most this often: it moves slowly, and each pass reads every option of both chains. */
const RECOMPUTE_EVERY_MS = 1000;

/** A coin's option chain on each venue that lists it: Binance `BTCUSDT`, OKX `BTC-USD`. */
export interface TermVenue {
  exchange: ExchangeId;
  underlying: string;
}

/** One venue's chain as the Term panel last read it, and its term structure. */
export interface VenueTerm {
  venue: TermVenue;
  options: OptionRow[];
  expiries: ExpiryVols[];
  tenors: TenorVols[];
  /** Local ms of the chain's newest applied update, 0 before any. */
  newestUpdate: number;
  /** Local ms this was worked out: ages and staleness count to it. */
  computedAt: number;
}

function termOf(venue: TermVenue, venueNow: number): VenueTerm {
  const options = Object.values(useOptionStore.getState().chains[chainKey(venue.exchange, venue.underlying)] ?? {});
  const expiries = chainExpiryVols(options, venueNow);
  const newestUpdate = options.reduce((newest, option) => Math.max(newest, option.appliedAt), 0);
  return { venue, options, expiries, tenors: tenorVols(expiries), newestUpdate, computedAt: Date.now() };
}

/** Keeps both venues' chains streaming while the panel is open, and their term structures worked out once a second. */
export function useTermStructure(venues: readonly TermVenue[], venueNow: () => number): VenueTerm[] {
  const [terms, setTerms] = useState<VenueTerm[]>(() => venues.map((venue) => termOf(venue, venueNow())));
  const clock = useRef(venueNow);
  clock.current = venueNow;
  const key = venues.map((venue) => chainKey(venue.exchange, venue.underlying)).join(',');
  useEffect(() => {
    const releases = venues.map((venue) => acquireOptionChain(venue.exchange, venue.underlying));
    const recompute = () => setTerms(venues.map((venue) => termOf(venue, clock.current())));
    recompute();
    const timer = window.setInterval(recompute, RECOMPUTE_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      releases.forEach((release) => release());
    };
    // The venues are named by `key`; a new array of the same chains is no change.
  }, [key]);
  return terms;
}
