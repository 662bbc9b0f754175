import type { ExpiryChain } from './chainRows';

export type SmileAxis = 'strike' | 'delta';

export interface SmilePoint {
  /** Strike, or the call-equivalent delta in % (0-100) of the option plotted. */
  x: number;
  markIv: number;
  bidIv: number | null;
  askIv: number | null;
}

/**
 * The smile of one expiry from out-of-the-money options (puts below the underlying price, calls
 * at and above it), where the vols carry the information; IVs in %. Against delta the x value is
 * the call-equivalent delta (a put's delta + 1), so the axis runs 0-100 % from high to low strikes
 * and points are sorted ascending as the chart needs them.
 */
export function smilePoints(chain: ExpiryChain, axis: SmileAxis): SmilePoint[] {
  const { underlyingPrice } = chain;
  const points: SmilePoint[] = [];
  for (const row of chain.rows) {
    const usePut = underlyingPrice !== null && row.strike < underlyingPrice;
    const quote = (usePut ? row.put : row.call) ?? (usePut ? row.call : row.put);
    if (!quote || quote.markIv === null) continue;
    let x = row.strike;
    if (axis === 'delta') {
      if (quote.delta === null) continue;
      x = (quote.callPut === 'put' ? quote.delta + 1 : quote.delta) * 100;
    }
    points.push({
      x,
      markIv: quote.markIv * 100,
      bidIv: quote.bidIv === null ? null : quote.bidIv * 100,
      askIv: quote.askIv === null ? null : quote.askIv * 100,
    });
  }
  points.sort((a, b) => a.x - b.x);
  // The chart needs strictly increasing x: far wings can round to the same delta.
  return points.filter((point, index) => index === 0 || point.x > points[index - 1]!.x);
}
