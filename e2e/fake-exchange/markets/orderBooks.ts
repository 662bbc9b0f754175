import { unitAt } from '../core/prng.ts';
import type { Instrument } from './instrument.ts';
import { sizeForUsd } from './orderUnits.ts';

/** One price level; `size` in the venue's own unit (Binance: base asset, OKX: contracts). */
export interface BookLevel {
  price: number;
  size: number;
}

export interface OrderBook {
  /** Best first. */
  bids: BookLevel[];
  asks: BookLevel[];
  /** When this book was made (ms): the venue's transaction time. */
  time: number;
  /** Grows with every new book, the same on every endpoint that shows it. */
  updateId: number;
}

/** How a book is laid out around a mid: spread and level spacing in ticks, and each level's worth in USD. */
export interface BookShape {
  spreadTicks: number;
  stepTicks: number;
  levelUsd(level: number, side: Side): number;
}

type Side = 'bid' | 'ask';

/** The live book reshapes once a second; requests within the same second see the same book. */
const BOOK_MS = 1000;
/** Draws of the book, apart from the instrument's other draws (markets/instrument.ts DRAW). */
const BOOK_DRAW = { spread: 101, touch: 102, level: 110 } as const;
/** The touch holds about this share of a day's volume; each level further out holds more. */
const TOUCH_SHARE_OF_VOLUME = 1e-5;
const GROWTH_PER_LEVEL = 0.4;

/**
 * Quoted spread in bps for a day's volume: about 0.1 bp for BTC ($14B a day), 0.5 bp at $1B,
 * 2 bp at $100M, 8 bp at $10M, 30 bp at $1M.
 */
function typicalSpreadBps(quoteVolume: number): number {
  const bps = 10 ** (-1 + (10.15 - Math.log10(Math.max(quoteVolume, 1e5))) * 0.6);
  return Math.min(60, Math.max(0.05, bps));
}

/** The ticks `bps` of `price` spans, at least one. */
export function ticksFor(instrument: Instrument, price: number, bps: number): number {
  return Math.max(1, Math.round((price * bps * 1e-4) / tickOf(instrument)));
}

/** `depth` levels a side around `mid`: the best bid at or below it, every price on the tick. */
export function shapedBook(instrument: Instrument, mid: number, shape: BookShape, depth: number): Pick<OrderBook, 'bids' | 'asks'> {
  const tick = tickOf(instrument);
  const bestBid = Math.floor(mid / tick - shape.spreadTicks / 2);
  const side = (which: Side) =>
    Array.from({ length: depth }, (_, level) => {
      const ticks = which === 'bid' ? bestBid - level * shape.stepTicks : bestBid + shape.spreadTicks + level * shape.stepTicks;
      const price = Number((ticks * tick).toFixed(instrument.priceDecimals));
      return { price, size: sizeForUsd(instrument, shape.levelUsd(level, which), price) };
    }).filter((level) => level.price > 0);
  return { bids: side('bid'), asks: side('ask') };
}

/**
 * Every instrument's order book: live around its mark, or pinned by the control API. A live book's
 * spread follows the instrument's volume (typicalSpreadBps, ±20 % from second to second), its touch
 * holds about 1e-5 of a day's volume and each level out 40 % more, with noise; all of it drawn from
 * the seed per second, around the mark seen at that second's first request.
 */
export class OrderBooks {
  private readonly mids = new Map<Instrument, { bucket: number; mid: number }>();
  private readonly pinned = new Map<Instrument, OrderBook>();

  constructor(private readonly now: () => number) {}

  book(instrument: Instrument, depth: number): OrderBook {
    const pinned = this.pinned.get(instrument);
    if (pinned) return { ...pinned, bids: pinned.bids.slice(0, depth), asks: pinned.asks.slice(0, depth) };
    const bucket = Math.floor(this.now() / BOOK_MS);
    const mid = this.midAt(instrument, bucket);
    return { ...shapedBook(instrument, mid, liveShape(instrument, mid, bucket), depth), time: bucket * BOOK_MS, updateId: updateIdAt(instrument, bucket) };
  }

  /** Holds this book until `clearPins` (control API `/book`). */
  pin(instrument: Instrument, book: Pick<OrderBook, 'bids' | 'asks'>): OrderBook {
    const time = this.now();
    const pinned = { ...book, time, updateId: updateIdAt(instrument, Math.floor(time / BOOK_MS)) };
    this.pinned.set(instrument, pinned);
    return pinned;
  }

  clearPins(): void {
    this.pinned.clear();
  }

  private midAt(instrument: Instrument, bucket: number): number {
    const seen = this.mids.get(instrument);
    if (seen?.bucket === bucket) return seen.mid;
    this.mids.set(instrument, { bucket, mid: instrument.state.mark });
    return instrument.state.mark;
  }
}

function liveShape(instrument: Instrument, mid: number, bucket: number): BookShape {
  const draw = (which: number) => unitAt(instrument.noiseRoot, bucket, which);
  const spreadTicks = ticksFor(instrument, mid, typicalSpreadBps(instrument.quoteVolume) * (0.8 + 0.4 * draw(BOOK_DRAW.spread)));
  const touchUsd = instrument.quoteVolume * TOUCH_SHARE_OF_VOLUME * (0.4 + 1.2 * draw(BOOK_DRAW.touch));
  return {
    spreadTicks,
    stepTicks: Math.max(1, Math.round(spreadTicks / 2)),
    levelUsd: (level, side) => touchUsd * (1 + GROWTH_PER_LEVEL * level) * (0.5 + draw(BOOK_DRAW.level + 2 * level + (side === 'bid' ? 0 : 1))),
  };
}

function tickOf(instrument: Instrument): number {
  return 10 ** -instrument.priceDecimals;
}

/** Binance-sized update ids (about 1.8e12 in 2026), rising once a second. */
function updateIdAt(instrument: Instrument, bucket: number): number {
  return bucket * 1000 + (instrument.noiseRoot % 1000);
}
