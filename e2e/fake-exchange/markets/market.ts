import { hashSeed, mulberry32, type Random } from '../core/prng.ts';
import type { Coin } from './coins.ts';
import { baselineRate, nextFundingTime } from './fundingTerms.ts';
import type { ExchangeId, Instrument, IntervalChange } from './instrument.ts';
import { isStreaming } from './instrument.ts';
import { drawIntervalChanges } from './intervalChanges.ts';
import { stepInstrument, stepSpot, type SpotState } from './liveWalk.ts';
import { buildUniverse } from './universe.ts';

export interface Settlement {
  time: number;
  rate: number;
  /** Mark at settlement; generated history leaves it to be read from the price history. */
  mark?: number;
}

/**
 * The whole generated market: both exchanges' instruments over one set of coin spots.
 * `step()` advances it by one market step; payload builders read instruments' state directly.
 */
export class Market {
  readonly binance: Instrument[];
  readonly okx: Instrument[];
  readonly coins: Coin[];
  readonly startTime: number;
  private readonly bySymbol: Record<ExchangeId, Map<string, Instrument>>;
  private readonly spots = new Map<string, SpotState>();
  private readonly random: Random;
  private readonly stepListeners: Array<(now: number) => void> = [];
  private readonly settlementListeners: Array<(instrument: Instrument, settlement: Settlement) => void> = [];
  /** Instruments relisted under another symbol (control API), with the symbol they were generated with. */
  private readonly generatedSymbols = new Map<Instrument, string>();

  constructor(
    readonly seed: number,
    private readonly now: () => number,
  ) {
    this.startTime = now();
    const universe = buildUniverse(seed, this.startTime);
    this.binance = universe.binance;
    this.okx = universe.okx;
    this.coins = universe.coins;
    drawIntervalChanges([...this.binance, ...this.okx], seed, this.startTime);
    for (const coin of universe.coins) this.spots.set(coin.name, { coin, price: coin.price });
    this.bySymbol = {
      binance: new Map(this.binance.map((instrument) => [instrument.symbol, instrument])),
      okx: new Map(this.okx.map((instrument) => [instrument.symbol, instrument])),
    };
    this.random = mulberry32(hashSeed(seed, 'live'));
  }

  instruments(exchange: ExchangeId): Instrument[] {
    return exchange === 'binance' ? this.binance : this.okx;
  }

  find(exchange: ExchangeId, symbol: string): Instrument | undefined {
    return this.bySymbol[exchange].get(symbol);
  }

  /** The coin's spot in USD (what BTCUSDT's index tracks for base 'BTC'); the options model prices off it. */
  spot(base: string): number | undefined {
    return this.spots.get(base)?.price;
  }

  onStep(listener: (now: number) => void): void {
    this.stepListeners.push(listener);
  }

  onSettlement(listener: (instrument: Instrument, settlement: Settlement) => void): void {
    this.settlementListeners.push(listener);
  }

  step(): void {
    const now = this.now();
    for (const spot of this.spots.values()) stepSpot(spot, this.random);
    for (const instrument of this.binance) this.stepOne(instrument, now);
    for (const instrument of this.okx) this.stepOne(instrument, now);
    for (const listener of this.stepListeners) listener(now);
  }

  /** Lists an instrument under a new symbol, as a rebrand does (control API); its history and state carry over. */
  relist(instrument: Instrument, symbol: string): void {
    if (this.bySymbol[instrument.exchange].has(symbol)) throw new Error(`${symbol} is already listed`);
    if (!this.generatedSymbols.has(instrument)) this.generatedSymbols.set(instrument, instrument.symbol);
    this.bySymbol[instrument.exchange].delete(instrument.symbol);
    instrument.symbol = symbol;
    this.bySymbol[instrument.exchange].set(symbol, instrument);
  }

  /** Every relisted instrument back under the symbol it was generated with. */
  restoreSymbols(): void {
    for (const [instrument, symbol] of this.generatedSymbols) {
      this.bySymbol[instrument.exchange].delete(instrument.symbol);
      instrument.symbol = symbol;
      this.bySymbol[instrument.exchange].set(symbol, instrument);
    }
    this.generatedSymbols.clear();
  }

  /** Holds a perpetual's rate and interval still (control API), so tests can assert annualisation. */
  pinFunding(instrument: Instrument, rate: number, intervalHours: number): void {
    const { funding, state } = instrument;
    if (!funding) throw new Error(`${instrument.symbol} has no funding`);
    funding.pinned = true;
    funding.intervalHours = intervalHours;
    // TradFi perpetuals have no interest part at any interval.
    funding.baseline = instrument.kind === 'tradfi' ? 0 : baselineRate(intervalHours);
    funding.regime = rate;
    funding.adjusted = funding.adjusted || intervalHours !== 8;
    state.fundingRate = rate;
    state.nextFundingTime = nextFundingTime(this.now(), intervalHours);
  }

  /** Holds a delivery contract's annualised basis at `basis` with no premium (control API); null lets the drawn one walk again. */
  pinBasis(instrument: Instrument, basis: number | null): void {
    if (instrument.kind !== 'delivery') throw new Error(`${instrument.symbol} is not a delivery contract`);
    instrument.basisPin = basis;
  }

  clearBasisPins(): void {
    for (const instrument of this.binance) instrument.basisPin = null;
  }

  /**
   * Moves a perpetual to `change.toHours` as of `change.at` (control API): its next settlement on
   * the new grid, and a rate sitting on the old interval's interest baseline onto the new one's.
   */
  changeInterval(instrument: Instrument, change: IntervalChange): void {
    const { funding, state } = instrument;
    if (!funding) throw new Error(`${instrument.symbol} has no funding`);
    const oldBaseline = funding.baseline;
    funding.intervalHours = change.toHours;
    funding.baseline = instrument.kind === 'tradfi' ? 0 : baselineRate(change.toHours);
    if (funding.regime === oldBaseline) funding.regime = funding.baseline;
    if (state.fundingRate === oldBaseline && !funding.pinned) state.fundingRate = funding.baseline;
    funding.adjusted = true;
    funding.intervalChange = change;
    state.nextFundingTime = nextFundingTime(this.now(), change.toHours);
  }

  private stepOne(instrument: Instrument, now: number): void {
    if (!isStreaming(instrument)) return;
    stepInstrument(instrument, this.spots.get(instrument.coin.name)!.price, this.random, now);
    const { state, funding } = instrument;
    if (funding && now >= state.nextFundingTime) {
      const settlement = { time: state.nextFundingTime, rate: state.fundingRate, mark: state.mark };
      state.lastSettledRate = state.fundingRate;
      state.nextFundingTime = nextFundingTime(now, funding.intervalHours);
      for (const listener of this.settlementListeners) listener(instrument, settlement);
    }
  }
}
