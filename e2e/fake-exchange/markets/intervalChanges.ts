import { hashSeed } from '../core/prng.ts';
import type { ExchangeId, Instrument, IntervalChange } from './instrument.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** The changes the venues make to hot contracts, and how far back they are drawn: inside the app's 30-day window. */
const DRAWN_CHANGES = [
  { fromHours: 8, toHours: 4 },
  { fromHours: 4, toHours: 1 },
] as const;
const DRAWN_DAYS_AGO = { min: 5, max: 25 } as const;

/** When a change from one interval to another `daysAgo` before `now` lands: a settlement on both grids. */
export function changeTime(now: number, daysAgo: number, fromHours: number, toHours: number): number {
  const grid = lcm(fromHours, toHours) * HOUR_MS;
  return Math.floor((now - daysAgo * DAY_MS) / grid) * grid;
}

/**
 * Gives a few small-cap USDT perpetuals per venue a recent change of interval, as the venues make
 * on contracts whose funding runs hot: one went 8 h → 4 h, one 4 h → 1 h, 5 to 25 days before the
 * start, each chosen and dated from the seed among those now at the new interval.
 */
export function drawIntervalChanges(instruments: readonly Instrument[], seed: number, startTime: number): void {
  for (const exchange of ['binance', 'okx'] as const satisfies readonly ExchangeId[]) {
    const taken = new Set<Instrument>();
    for (const { fromHours, toHours } of DRAWN_CHANGES) {
      const rank = (instrument: Instrument) => hashSeed(seed, 'interval change', instrument.symbol);
      const [chosen] = instruments
        .filter((instrument) => instrument.exchange === exchange && eligible(instrument, toHours) && !taken.has(instrument))
        .sort((a, b) => rank(a) - rank(b));
      if (!chosen) continue;
      taken.add(chosen);
      const draw = hashSeed(seed, 'interval change date', chosen.symbol) / 4294967296;
      const daysAgo = DRAWN_DAYS_AGO.min + draw * (DRAWN_DAYS_AGO.max - DRAWN_DAYS_AGO.min);
      chosen.funding!.intervalChange = { at: changeTime(startTime, daysAgo, fromHours, toHours), fromHours, toHours } satisfies IntervalChange;
    }
  }
}

function eligible(instrument: Instrument, toHours: number): boolean {
  const { funding } = instrument;
  return (
    funding !== null &&
    instrument.kind === 'perpetual' &&
    instrument.status === 'TRADING' &&
    instrument.quote === 'USDT' &&
    instrument.coin.quoteVolume < 1e8 &&
    funding.intervalHours === toHours
  );
}

function lcm(a: number, b: number): number {
  const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y));
  return (a * b) / gcd(a, b);
}
