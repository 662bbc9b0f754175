import { hashSeed, mulberry32, unitAt } from '../core/prng.ts';

/** Premium memory per minute in the past: decays to its level over a few hours. */
const DECAY_PER_MINUTE = 0.995;
/** Typical wander of the premium around its level (2 bps). */
const WANDER = 0.0002;
const PERIODS_MINUTES = [47, 311, 1433];

/**
 * The past premium (mark/index − 1) of one instrument, computed for any minute without storage:
 * a level set by where funding points, slow waves and minute noise, pinned so the minute before
 * the start equals the live premium at the start.
 */
export class PremiumHistory {
  private readonly phases: number[];
  private readonly startOffset: number;
  private readonly noiseRoot: number;

  constructor(
    seed: number,
    symbol: string,
    private readonly level: number,
    private readonly startPremium: number,
  ) {
    this.noiseRoot = hashSeed(seed, symbol, 'premium-noise');
    const random = mulberry32(hashSeed(seed, symbol, 'premium-phases'));
    this.phases = PERIODS_MINUTES.map(() => random() * 2 * Math.PI);
    this.startOffset = this.wave(1);
  }

  /** Premium `age` minutes before the start (age ≥ 1). */
  at(age: number): number {
    const memory = DECAY_PER_MINUTE ** (age - 1); // 1 at age 1: the last past minute closes at the start premium
    return this.level + (this.startPremium - this.level) * memory + WANDER * (this.wave(age) - this.startOffset * memory);
  }

  private wave(age: number): number {
    let sum = 0;
    for (let i = 0; i < PERIODS_MINUTES.length; i++) sum += Math.sin((2 * Math.PI * age) / PERIODS_MINUTES[i]! + this.phases[i]!);
    return sum / Math.sqrt(PERIODS_MINUTES.length) + (unitAt(this.noiseRoot, age, 0) - 0.5) * 0.6;
  }
}
