import { gaussian, hashSeed, mulberry32, unitAt } from '../core/prng.ts';
import { HISTORY_DAYS, MINUTES_PER_DAY, HISTORY_MINUTES, minuteSigma } from './bars.ts';
import type { Coin } from './coins.ts';

/** Generated days kept (~12 KB each): every coin's recent days plus a working set of deep requests. */
const CHUNK_CACHE_LIMIT = 2500;

/**
 * Generated past of each coin's spot: 1-minute closes for HISTORY_DAYS ending exactly at the
 * server's start price. Daily anchors are a seeded reverse walk from the start; each day between
 * two anchors is a seeded Brownian bridge, so any day can be generated alone, lazily, and always
 * comes out the same.
 */
export class SpotHistory {
  private readonly anchors = new Map<Coin, Float64Array>();
  private readonly wickRoots = new Map<Coin, number>();
  /** Generated days per coin (index = day), and the order they were made in, for eviction. */
  private readonly days = new Map<Coin, Array<Float64Array | undefined>>();
  private readonly madeOrder: Array<[Coin, number]> = [];

  constructor(
    private readonly seed: number,
    /** The minute the server started in; history covers the minutes before it. */
    private readonly startMinute: number,
  ) {}

  /** How far above max(open, close) a past minute's high reached, as a fraction (low: `down`). */
  wick(coin: Coin, minute: number, down: boolean): number {
    let root = this.wickRoots.get(coin);
    if (root === undefined) this.wickRoots.set(coin, (root = hashSeed(this.seed, coin.name, 'wick')));
    return minuteSigma(coin.volatility) * 0.6 * unitAt(root, minute, down ? 1 : 0);
  }

  close(coin: Coin, minute: number): number | undefined {
    const age = this.startMinute - minute; // 1 = the minute just before the start
    if (age < 1 || age > HISTORY_MINUTES) return undefined;
    const day = Math.floor((age - 1) / MINUTES_PER_DAY);
    return this.chunk(coin, day)[(age - 1) % MINUTES_PER_DAY];
  }

  /** Anchor d is the close d days before the start (anchor 0 = start price). */
  private anchorsOf(coin: Coin): Float64Array {
    let anchors = this.anchors.get(coin);
    if (!anchors) {
      const random = mulberry32(hashSeed(this.seed, coin.name, 'anchors'));
      const daySigma = minuteSigma(coin.volatility) * Math.sqrt(MINUTES_PER_DAY);
      anchors = new Float64Array(HISTORY_DAYS + 1);
      anchors[0] = coin.price;
      for (let day = 1; day <= HISTORY_DAYS; day++) anchors[day] = anchors[day - 1]! * Math.exp(daySigma * gaussian(random));
      this.anchors.set(coin, anchors);
    }
    return anchors;
  }

  /** Closes of one day, newest first: entry i is the close i minutes before the day's anchor. */
  private chunk(coin: Coin, day: number): Float64Array {
    let days = this.days.get(coin);
    if (!days) this.days.set(coin, (days = []));
    const cached = days[day];
    if (cached) return cached;
    const closes = this.generateDay(coin, day);
    days[day] = closes;
    this.madeOrder.push([coin, day]);
    if (this.madeOrder.length > CHUNK_CACHE_LIMIT) {
      const [oldCoin, oldDay] = this.madeOrder.shift()!;
      this.days.get(oldCoin)![oldDay] = undefined;
    }
    return closes;
  }

  private generateDay(coin: Coin, day: number): Float64Array {
    const anchors = this.anchorsOf(coin);
    const from = Math.log(anchors[day]!);
    const to = Math.log(anchors[day + 1]!);
    const random = mulberry32(hashSeed(this.seed, coin.name, 'day', day));
    const sigma = minuteSigma(coin.volatility);
    const walk = new Float64Array(MINUTES_PER_DAY + 1);
    for (let i = 1; i <= MINUTES_PER_DAY; i++) walk[i] = walk[i - 1]! + sigma * gaussian(random);
    const drift = walk[MINUTES_PER_DAY]! - (to - from);
    const closes = new Float64Array(MINUTES_PER_DAY);
    for (let i = 0; i < MINUTES_PER_DAY; i++) closes[i] = Math.exp(from + walk[i]! - (drift * i) / MINUTES_PER_DAY);
    return closes;
  }
}
