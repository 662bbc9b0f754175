import { DAYS_PER_YEAR } from '../../../../src/math/blackScholes.ts';
import type { Random } from './random.ts';

/** The shape of one coin's implied vols; drawn once per coin from the seed. */
export interface SmileShape {
  /** ATM vol of the shortest expiries and the long end; the term structure decays between them. */
  shortVol: number;
  longVol: number;
  /** Slope per standard deviation of moneyness: negative = puts richer (BTC), positive = calls richer. */
  skew: number;
  /** Smile convexity per standard deviation squared: wings richer than ATM. */
  curvature: number;
}

/** Days over which the short end relaxes to the long end. */
const TERM_DAYS = 30;
/** Moneyness beyond this many standard deviations gets the edge vol (keeps far strikes sane). */
const MAX_STANDARD_DEVIATIONS = 4;
/** Slow swings of the whole surface, so IVs drift while the app is open (periods in hours). */
const LEVEL_SWINGS = [
  { amplitude: 0.06, periodHours: 7 },
  { amplitude: 0.04, periodHours: 53 },
];

/**
 * IV(k, T) = atm(T) · (1 + skew·x + curvature·x²), with x = k / (atm(T)·√T) the log-moneyness
 * k = ln(K/F) in standard deviations, and atm(T) decaying from `shortVol` to `longVol`.
 * Measured in standard deviations, one shape fits a 1-day and a 1-year expiry alike.
 */
export class VolSurface {
  private readonly phases: number[];

  constructor(
    private readonly shape: SmileShape,
    random: Random,
  ) {
    this.phases = LEVEL_SWINGS.map(() => 2 * Math.PI * random());
  }

  /** Multiplier of the whole surface at `now` (about 0.9 … 1.1). */
  levelAt(now: number): number {
    let level = 1;
    for (let i = 0; i < LEVEL_SWINGS.length; i++) {
      const { amplitude, periodHours } = LEVEL_SWINGS[i]!;
      level += amplitude * Math.sin((2 * Math.PI * now) / (periodHours * 3_600_000) + this.phases[i]!);
    }
    return level;
  }

  atmVol(years: number, level: number): number {
    const { shortVol, longVol } = this.shape;
    return (longVol + (shortVol - longVol) * Math.exp((-years * DAYS_PER_YEAR) / TERM_DAYS)) * level;
  }

  /** Mark IV of a strike at log-moneyness `k` = ln(K/F) on an expiry whose ATM vol is `atmVol`. */
  smileVol(k: number, years: number, atmVol: number): number {
    const raw = k / (atmVol * Math.sqrt(years));
    const x = Math.max(-MAX_STANDARD_DEVIATIONS, Math.min(MAX_STANDARD_DEVIATIONS, raw));
    return atmVol * (1 + this.shape.skew * x + this.shape.curvature * x * x);
  }
}
