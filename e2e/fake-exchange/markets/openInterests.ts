import { unitAt } from '../core/prng.ts';
import type { Instrument } from './instrument.ts';

/** Draws of open interest, apart from the instrument's other draws (markets/instrument.ts DRAW, orderBooks.ts). */
const OI_DRAW = { share: 90, wander: 91 } as const;
const MINUTE_MS = 60_000;

/**
 * Every instrument's open interest, in its base asset (Binance: the symbol's unit, 1000PEPE; OKX:
 * the coin): 0.3 to 1.2 days of its volume (BTCUSDT about 100k BTC, as live), wandering ±2 % from
 * minute to minute, drawn from the seed; or pinned by the control API. None before trading opens.
 */
export class OpenInterests {
  private readonly pinned = new Map<Instrument, number>();

  constructor(private readonly now: () => number) {}

  baseUnits(instrument: Instrument): number {
    const pinned = this.pinned.get(instrument);
    if (pinned !== undefined) return pinned;
    if (instrument.status === 'PENDING_TRADING') return 0;
    const share = 0.3 + 0.9 * unitAt(instrument.noiseRoot, 0, OI_DRAW.share);
    const wander = 1 + 0.04 * (unitAt(instrument.noiseRoot, Math.floor(this.now() / MINUTE_MS), OI_DRAW.wander) - 0.5);
    return (instrument.quoteVolume * share * wander) / (instrument.coin.price * instrument.multiplier);
  }

  /** Holds this open interest until `clearPins` (control API `/open-interest`). */
  pin(instrument: Instrument, baseUnits: number): void {
    this.pinned.set(instrument, baseUnits);
  }

  clearPins(): void {
    this.pinned.clear();
  }
}
