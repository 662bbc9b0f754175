import { trimmed } from '../core/format.ts';
import { hashSeed } from '../core/prng.ts';
import type { Market } from '../markets/market.ts';
import { basisAt } from '../markets/universe.ts';
import { futuresInstruments } from './futuresInstruments.ts';
import type { OkxIndexes } from './indexes.ts';

/** A quiet-period basis a year, drawn per future from the seed in this range, as Binance's quarterlies have. */
const BASIS_MIN = 0.05;
const BASIS_SPREAD = 0.05;

/**
 * OKX's dated futures (instType FUTURES) as they stream: each one's mark is its index (`uly`,
 * `BTC-USD`) grown by its annualised basis over the days left, on the tick, so it moves with the
 * index it is priced against and its basis decays to nothing at delivery. The control API can pin a
 * future's basis; `/reset` unpins them.
 */
export class OkxFutures {
  private readonly pins = new Map<string, number>();

  constructor(
    private readonly market: Market,
    private readonly indexes: OkxIndexes,
    private readonly now: () => number,
  ) {}

  /** The instrument records `GET /api/v5/public/instruments?instType=FUTURES` lists now. */
  records(): Record<string, unknown>[] {
    return futuresInstruments(this.now(), (coin) => this.market.okx.find((instrument) => instrument.coin.name === coin && instrument.quote === 'USDT'));
  }

  private record(instId: string): Record<string, unknown> | undefined {
    return this.records().find((record) => record['instId'] === instId);
  }

  has(instId: string): boolean {
    return this.record(instId) !== undefined;
  }

  /** Pins (basis a year) or unpins (null) a listed future's basis; false when no such future is listed. */
  pin(instId: string, basis: number | null): boolean {
    if (!this.has(instId)) return false;
    if (basis === null) this.pins.delete(instId);
    else this.pins.set(instId, basis);
    return true;
  }

  clearPins(): void {
    this.pins.clear();
  }

  /** The future's mark now, or undefined when it is not listed. */
  markPrice(instId: string): number | undefined {
    const record = this.record(instId);
    const index = record && this.indexes.find(String(record['uly']));
    if (!record || !index) return undefined;
    const decimals = String(record['tickSz']).split('.')[1]?.length ?? 0;
    const basis = this.pins.get(instId) ?? BASIS_MIN + (hashSeed(this.market.seed, 'okx-basis', instId) / 4294967296) * BASIS_SPREAD;
    const mark = this.indexes.price(index) * (1 + basisAt(basis, Number(record['expTime']), this.now()));
    return Number(mark.toFixed(decimals));
  }

  /** A `mark-price` item in OKX's shape (real-payloads/okx-mark-price-push.json), or null when the future is not listed. */
  markPricePayload(instId: string, ts: number): Record<string, string> | null {
    const mark = this.markPrice(instId);
    if (mark === undefined) return null;
    const decimals = String(this.record(instId)!['tickSz']).split('.')[1]?.length ?? 0;
    return { instId, instType: 'FUTURES', markPx: trimmed(mark, decimals), ts: String(ts) };
  }

  /** Every listed future's mark-price item. */
  allMarkPrices(ts: number): Record<string, string>[] {
    return this.records()
      .map((record) => this.markPricePayload(String(record['instId']), ts))
      .filter((item) => item !== null);
  }
}
