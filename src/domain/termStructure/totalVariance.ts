/**
 * Linear interpolation of total variance (σ²·t) between two points at `x1` and `x2` (x1 < x2),
 * read back as a volatility at `x` over `t`. Null outside [x1, x2]: a curve is never extrapolated.
 */
export function interpolateTotalVariance(
  at: { x: number; t: number },
  low: { x: number; vol: number; t: number },
  high: { x: number; vol: number; t: number },
): number | null {
  if (!(low.x <= at.x && at.x <= high.x) || at.t <= 0) return null;
  const lowVariance = low.vol * low.vol * low.t;
  const highVariance = high.vol * high.vol * high.t;
  const weight = high.x === low.x ? 0 : (at.x - low.x) / (high.x - low.x);
  const variance = lowVariance + (highVariance - lowVariance) * weight;
  return variance < 0 ? null : Math.sqrt(variance / at.t);
}

/** The last index whose `x` is at or below `x`, and the next one, in a list sorted by `x`; null when `x` is outside it. */
export function bracket<Point extends { x: number }>(points: readonly Point[], x: number): [Point, Point] | null {
  for (let index = 0; index < points.length; index++) {
    const point = points[index]!;
    if (point.x === x) return [point, point];
    const next = points[index + 1];
    if (next && point.x < x && x < next.x) return [point, next];
  }
  return null;
}
