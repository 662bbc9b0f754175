import { gaussian, type Random } from '../core/prng.ts';
import type { Coin } from './coins.ts';
import type { Instrument } from './instrument.ts';
import { basisAt, quoteFactor } from './universe.ts';

/** One market step stands for this much market time; `rate` only changes how often steps run. */
export const STEP_MS = 200;
const YEAR_MS = 365 * 86_400_000;
/** Premium relaxes toward where funding points within ~10 s, wandering about 1.5 bps around it. */
const PREMIUM_PULL = 0.02;
const PREMIUM_NOISE = 0.00003;
/** Funding rates drift on a scale of minutes, not seconds. */
const RATE_MOVE_CHANCE = 0.02;
const RATE_PULL = 0.05;
/** The estimated settle price is a slow average of the index. */
const SETTLE_SMOOTHING = 0.01;

export interface SpotState {
  coin: Coin;
  price: number;
}

/** Geometric random walk of one coin's spot; thin coins move less often but by more. */
export function stepSpot(spot: SpotState, random: Random): boolean {
  const { activity, volatility } = spot.coin;
  if (random() >= activity) return false;
  const sigma = volatility * Math.sqrt(STEP_MS / YEAR_MS / activity);
  spot.price *= Math.exp(sigma * gaussian(random));
  return true;
}

/**
 * Moves one instrument for one step: index follows its coin, premium mean-reverts toward the
 * funding it implies, funding drifts toward its regime, trades print near the mark.
 */
export function stepInstrument(instrument: Instrument, spotPrice: number, random: Random, now: number): void {
  const { state, funding } = instrument;
  state.index = spotPrice * instrument.multiplier * quoteFactor(instrument.quote);
  state.estimatedSettle += (state.index - state.estimatedSettle) * SETTLE_SMOOTHING;
  const active = random() < instrument.coin.activity;
  if (funding && !funding.pinned && funding.regime !== funding.baseline && random() < RATE_MOVE_CHANCE) {
    const noise = gaussian(random) * Math.max(0.00001, Math.abs(funding.regime) * 0.05);
    const drifted = state.fundingRate + (funding.regime - state.fundingRate) * RATE_PULL + noise;
    state.fundingRate = Math.max(funding.floor, Math.min(funding.cap, drifted));
  }
  if (instrument.basisPin !== null) state.premium = 0;
  else if (active) {
    const target = funding ? state.fundingRate - funding.baseline : 0;
    state.premium += (target - state.premium) * PREMIUM_PULL + gaussian(random) * PREMIUM_NOISE;
  }
  const tick = 10 ** -instrument.priceDecimals;
  const basis = basisAt(instrument.basisPin ?? instrument.annualBasis, instrument.deliveryTime, now);
  const mark = Math.round((state.index * (1 + state.premium + basis)) / tick) * tick;
  if (mark !== state.mark) {
    state.mark = mark;
    state.markChangedAt = now;
  }
  if (active && random() < 0.8) {
    const spread = (random() - 0.5) * 0.0003;
    state.last = Math.round((state.mark * (1 + spread)) / tick) * tick;
    state.lastQty = Math.max(1, Math.round((instrument.quoteVolume / 86_400 / state.last) * (0.2 + random() * 2)));
    state.tradedAt = now;
  }
}
