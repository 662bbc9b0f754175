import { MS_PER_DAY, yearsBetween } from '../../../../src/math/blackScholes.ts';
import { scheduledExpiries, yymmdd, type ExpiryCounts, type Tenor } from './calendar.ts';
import {
  quoteOption,
  type OptionQuote,
  type PinnedBook,
  type PricingPoint,
  type QuoteConvention,
  type QuotedContract,
} from './quote.ts';
import { hashText } from './random.ts';
import { decimalsOf, indicesCovering, niceStep, strikeAt, strikeText } from './strikes.ts';
import { GRID_BY_TENOR } from './underlyings.ts';
import type { VolSurface } from './volSurface.ts';

/** One venue's options on one coin: what it needs to list and price them. */
export interface ChainSpec {
  seed: number;
  /** Text before the date in symbols: 'BTC' (Binance) or 'BTC-USD' (OKX). */
  symbolPrefix: string;
  expiries: ExpiryCounts;
  /** Annualised carry from spot to the forward of an expiry `years` away: Binance's `rf`, OKX's basis. */
  carryRate: (years: number) => number;
  surface: VolSurface;
  convention: QuoteConvention;
  /** Grid width multiplier: wilder coins list strikes further out. */
  gridScale: number;
}

export interface ListedOption extends QuotedContract {
  readonly symbol: string;
  readonly strikeText: string;
  readonly expiry: number;
  readonly tenor: Tenor;
  readonly listTime: number;
  /** The latest quote; replaced (not mutated) each time the chain is repriced. */
  quote: OptionQuote;
}

/** One expiry's strike grid: strikes are index × step for index in [first, last]. */
interface ExpiryGrid {
  time: number;
  tenor: Tenor;
  step: number;
  decimals: number;
  halfWidth: number;
  first: number;
  last: number;
}

/** How long before expiry each kind is typically listed, to backdate the options found at start. */
const LISTING_LEAD_DAYS: Readonly<Record<Tenor, number>> = { daily: 3, weekly: 28, monthly: 91, quarterly: 182 };
/** Books reshuffle (sizes, one-sided quotes, spread noise) every 15 s of market time. */
const QUOTE_BUCKET_MS = 15_000;

/** One mark IV for every call and one for every put of an expiry. */
export interface PinnedVols {
  call: number;
  put: number;
}

/**
 * Listed options of one venue and coin. `advance` moves it in time: expiries at or before `now`
 * settle and disappear, the schedule lists their successors, and grids gain strikes when spot nears
 * an edge. Quotes are computed lazily, once per advance, for whoever reads first.
 */
export class OptionChain {
  /** By expiry, then strike, call before put. */
  private options: ListedOption[] = [];
  private readonly bySymbol = new Map<string, ListedOption>();
  private readonly grids = new Map<number, ExpiryGrid>();
  private quotesFresh = true;
  private currentNow: number;
  private currentSpot: number;
  private listings = 0;
  private repricings = 0;
  /** Flat mark IVs per side that a test pinned on an expiry, in place of the surface's smile. */
  private readonly pinnedVols = new Map<number, PinnedVols>();
  /** Best bid and ask IVs a test pinned on single options, by symbol. */
  private readonly pinnedBooks = new Map<string, PinnedBook>();
  /** Options a test froze: their quotes are held and the venue publishes nothing new for them. */
  private readonly frozen = new Set<string>();

  constructor(
    private readonly spec: ChainSpec,
    now: number,
    spot: number,
  ) {
    this.currentNow = now;
    this.currentSpot = spot;
    this.listScheduled(true);
  }

  /** Market time the chain was last advanced to. */
  get now(): number {
    return this.currentNow;
  }

  /** Spot (index) of the coin at `now`. */
  get spot(): number {
    return this.currentSpot;
  }

  /** Changes when options are listed or settled: static views (exchangeInfo, instruments) cache on it. */
  get listingVersion(): number {
    return this.listings;
  }

  /** Changes each time the quotes are recomputed: per-tick views cache on it. */
  get quoteVersion(): number {
    return this.repricings;
  }

  advance(now: number, spot: number): void {
    this.currentNow = now;
    this.currentSpot = spot;
    this.quotesFresh = false;
    const firstExpiry = this.options[0]?.expiry ?? Number.POSITIVE_INFINITY;
    if (firstExpiry <= now) this.settleThrough(now);
    this.extendGrids();
  }

  /** Pins every call and every put of `expiry` at one mark IV each (null: back to the surface); false when no option expires then. */
  pinVols(expiry: number, vols: PinnedVols | null): boolean {
    if (!this.options.some((option) => option.expiry === expiry)) return false;
    if (vols) this.pinnedVols.set(expiry, vols);
    else this.pinnedVols.delete(expiry);
    this.quotesFresh = false;
    return true;
  }

  /** Pins one option's best bid and ask at these IVs (null: back to its drawn book); false when no such option is listed. */
  pinBook(symbol: string, book: PinnedBook | null): boolean {
    if (!this.bySymbol.has(symbol)) return false;
    if (book) this.pinnedBooks.set(symbol, book);
    else this.pinnedBooks.delete(symbol);
    this.quotesFresh = false;
    return true;
  }

  /** Holds one option's quote as it stands (or lets it move again); false when no such option is listed. */
  freeze(symbol: string, frozen: boolean): boolean {
    if (!this.bySymbol.has(symbol)) return false;
    if (frozen) {
      // The quote held is the current one, pins included.
      this.quoted();
      this.frozen.add(symbol);
    } else this.frozen.delete(symbol);
    this.quotesFresh = false;
    return true;
  }

  isFrozen(symbol: string): boolean {
    return this.frozen.has(symbol);
  }

  /** Every vol pin, book pin and freeze lifted. */
  clearPins(): void {
    if (this.pinnedVols.size === 0 && this.pinnedBooks.size === 0 && this.frozen.size === 0) return;
    this.pinnedVols.clear();
    this.pinnedBooks.clear();
    this.frozen.clear();
    this.quotesFresh = false;
  }

  /** Listed options, for their static data (quotes may be from an earlier tick). */
  listed(): readonly ListedOption[] {
    return this.options;
  }

  /** Listed options with quotes for the current time and spot. */
  quoted(): readonly ListedOption[] {
    if (!this.quotesFresh) this.reprice();
    return this.options;
  }

  isListed(symbol: string): boolean {
    return this.bySymbol.has(symbol);
  }

  /** The option with a quote for the current time and spot. */
  find(symbol: string): ListedOption | undefined {
    if (!this.bySymbol.has(symbol)) return undefined;
    this.quoted();
    return this.bySymbol.get(symbol);
  }

  private settleThrough(now: number): void {
    for (const option of this.options) if (option.expiry <= now) this.bySymbol.delete(option.symbol);
    for (const time of this.grids.keys()) if (time <= now) this.grids.delete(time);
    this.options = this.options.filter((option) => option.expiry > now);
    this.listScheduled(false);
    this.listings++;
  }

  private listScheduled(atStart: boolean): void {
    for (const { time, tenor } of scheduledExpiries(this.now, this.spec.expiries)) {
      if (this.grids.has(time)) continue;
      const { stepFraction, halfWidth } = GRID_BY_TENOR[tenor];
      const step = niceStep(this.spot * stepFraction * this.spec.gridScale);
      const grid: ExpiryGrid = {
        time, tenor, step, decimals: decimalsOf(step), halfWidth: halfWidth * this.spec.gridScale,
        first: Number.POSITIVE_INFINITY, last: Number.NEGATIVE_INFINITY,
      };
      this.grids.set(time, grid);
      const listTime = atStart ? Math.min(this.now, time - LISTING_LEAD_DAYS[tenor] * MS_PER_DAY) : this.now;
      this.cover(grid, listTime);
    }
    this.sortOptions();
  }

  private extendGrids(): void {
    let grew = false;
    for (const grid of this.grids.values()) grew = this.cover(grid, this.now) || grew;
    if (grew) {
      this.sortOptions();
      this.listings++;
    }
  }

  /** Lists the strikes missing between spot ± half-width; true when any were added. */
  private cover(grid: ExpiryGrid, listTime: number): boolean {
    const wanted = indicesCovering(this.spot * (1 - grid.halfWidth), this.spot * (1 + grid.halfWidth), grid.step);
    if (wanted.first >= grid.first && wanted.last <= grid.last) return false;
    const point = this.pricingPoint(grid.time);
    for (let index = wanted.first; index <= wanted.last; index++) {
      if (index >= grid.first && index <= grid.last) continue;
      const strike = strikeAt(index, grid.step, grid.decimals);
      const text = strikeText(strike, grid.decimals);
      this.list(grid, point, strike, text, 'call', listTime);
      this.list(grid, point, strike, text, 'put', listTime);
    }
    grid.first = Math.min(grid.first, wanted.first);
    grid.last = Math.max(grid.last, wanted.last);
    return true;
  }

  private list(
    grid: ExpiryGrid,
    point: PricingPoint,
    strike: number,
    text: string,
    kind: 'call' | 'put',
    listTime: number,
  ): void {
    const symbol = `${this.spec.symbolPrefix}-${yymmdd(grid.time)}-${text}-${kind === 'call' ? 'C' : 'P'}`;
    const contract = { kind, strike, hash: hashText(this.spec.seed, symbol) };
    const option: ListedOption = {
      ...contract, symbol, strikeText: text, expiry: grid.time, tenor: grid.tenor, listTime,
      quote: this.quote(contract, point, symbol),
    };
    this.options.push(option);
    this.bySymbol.set(symbol, option);
  }

  private sortOptions(): void {
    this.options.sort((a, b) => a.expiry - b.expiry || a.strike - b.strike || (a.kind === 'call' ? -1 : 1));
  }

  private reprice(): void {
    let point: PricingPoint | undefined;
    for (const option of this.options) {
      if (this.frozen.has(option.symbol)) continue;
      if (point?.expiry !== option.expiry) point = this.pricingPoint(option.expiry);
      option.quote = this.quote(option, point, option.symbol);
    }
    this.quotesFresh = true;
    this.repricings++;
  }

  private pricingPoint(expiry: number): PricingPoint {
    const { surface } = this.spec;
    const years = yearsBetween(this.now, expiry);
    const carryRate = this.spec.carryRate(years);
    return {
      expiry,
      spot: this.spot,
      years,
      carryRate,
      forward: this.spot * Math.exp(carryRate * years),
      atmVol: surface.atmVol(years, surface.levelAt(this.now)),
      bucket: Math.floor(this.now / QUOTE_BUCKET_MS),
    };
  }

  private quote(contract: QuotedContract, point: PricingPoint, symbol: string): OptionQuote {
    const pinned = this.pinnedVols.get(point.expiry);
    const vol = pinned ? pinned[contract.kind] : this.spec.surface.smileVol(Math.log(contract.strike / point.forward), point.years, point.atmVol);
    return quoteOption(contract, point, vol, this.spec.convention, this.pinnedBooks.get(symbol) ?? null);
  }
}
