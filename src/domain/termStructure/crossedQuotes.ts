import type { CallPut, OptionRow } from '../option';

/** One side of a crossed pair: the quote, the IV it bids or offers, and how long ago it was last updated. */
export interface CrossedSide {
  quote: OptionRow;
  iv: number;
  ageMs: number;
}

/** A strike and side listed on both venues where one venue's bid IV is above the other's ask IV. */
export interface CrossedQuote {
  expiry: number;
  strike: number;
  callPut: CallPut;
  bid: CrossedSide;
  ask: CrossedSide;
}

/** How far the bid IV is above the ask IV, as an IV fraction. */
export function crossWidth(pair: CrossedQuote): number {
  return pair.bid.iv - pair.ask.iv;
}

const contractKey = (option: OptionRow): string => `${option.expiry}|${option.strike}|${option.callPut}`;

function side(quote: OptionRow, iv: number | null, now: number): CrossedSide | null {
  return iv !== null && iv > 0 ? { quote, iv, ageMs: Math.max(0, now - quote.appliedAt) } : null;
}

/** `bidder`'s bid IV above `offerer`'s ask IV, or null. */
function crossing(bidder: OptionRow, offerer: OptionRow, now: number): CrossedQuote | null {
  const bid = side(bidder, bidder.bidIv, now);
  const ask = side(offerer, offerer.askIv, now);
  if (!bid || !ask || !(bid.iv > ask.iv)) return null;
  return { expiry: bidder.expiry, strike: bidder.strike, callPut: bidder.callPut, bid, ask };
}

/**
 * Every crossed pair between two venues' options: same expiry, strike and side, one venue's bid
 * IV above the other's ask IV (IVs compare across venues whatever currency each prices in). A
 * stale quote never raises one. Ages are `now` less each quote's `appliedAt`, on the local clock.
 * Widest first (bid IV less ask IV): the edge a trader would take first; then by expiry and strike.
 */
export function crossedQuotes(
  left: Iterable<OptionRow>,
  right: Iterable<OptionRow>,
  now: number,
  isStale: (quote: OptionRow) => boolean,
): CrossedQuote[] {
  const rightByContract = new Map<string, OptionRow>();
  for (const option of right) if (!isStale(option)) rightByContract.set(contractKey(option), option);
  const crossed: CrossedQuote[] = [];
  for (const option of left) {
    const other = rightByContract.get(contractKey(option));
    if (!other || isStale(option)) continue;
    for (const pair of [crossing(option, other, now), crossing(other, option, now)]) if (pair) crossed.push(pair);
  }
  return crossed.sort((a, b) => crossWidth(b) - crossWidth(a) || a.expiry - b.expiry || a.strike - b.strike);
}
