/** One price level of an order book; `size` in base units (OKX contracts already × `ctVal`). */
export interface BookLevel {
  price: number;
  size: number;
}

/** A venue's book, each side best first as both venues send it. */
export interface OrderBook {
  bids: BookLevel[];
  asks: BookLevel[];
}

export type TradeSide = 'buy' | 'sell';

export interface BookWalk {
  /** The notional over the base it buys or sells; null when the book runs out first. */
  averagePrice: number | null;
  /** How far the average fill lies beyond the best price, as a fraction of it (≥ 0); null when the book runs out first. */
  slippage: number | null;
  deep: boolean;
}

/** A remainder this small against the notional is rounding in price × size, not a missing level. */
const FILLED_TOLERANCE = 1e-9;

/**
 * Fills `notionalUsd` level by level: a buy walks the asks, a sell the bids (pass the side's
 * levels). Measured from the best price, not the mid, so it adds to the half spread without
 * counting it twice.
 */
export function walkBook(levels: readonly BookLevel[], notionalUsd: number, side: TradeSide): BookWalk {
  let best: number | undefined;
  let remainingUsd = notionalUsd;
  let base = 0;
  for (const { price, size } of levels) {
    if (remainingUsd <= 0) break;
    if (!(price > 0) || !(size > 0)) continue;
    best ??= price;
    const takenUsd = Math.min(remainingUsd, price * size);
    base += takenUsd / price;
    remainingUsd -= takenUsd;
  }
  if (best === undefined || remainingUsd > notionalUsd * FILLED_TOLERANCE || !(base > 0)) {
    return { averagePrice: null, slippage: null, deep: false };
  }
  const averagePrice = notionalUsd / base;
  const slippage = side === 'buy' ? averagePrice / best - 1 : 1 - averagePrice / best;
  // A fill inside the best level can land a rounding hair below zero.
  return { averagePrice, slippage: Math.max(0, slippage), deep: true };
}
