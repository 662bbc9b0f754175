/** A value and how much it counts: funding statistics weigh each value by the hours it stands for. */
export interface Weighted {
  value: number;
  weight: number;
}

function totalWeight(sample: readonly Weighted[]): number {
  let total = 0;
  for (const { weight } of sample) total += weight;
  return total;
}

/** Null for an empty sample or one that weighs nothing. */
export function weightedMean(sample: readonly Weighted[]): number | null {
  const total = totalWeight(sample);
  if (!(total > 0)) return null;
  let sum = 0;
  for (const { value, weight } of sample) sum += value * weight;
  return sum / total;
}

/** The value at half the weight; where the halfway mark falls between two values, their midpoint (as an even count's median). */
export function weightedMedian(sample: readonly Weighted[]): number | null {
  const total = totalWeight(sample);
  if (!(total > 0)) return null;
  const sorted = sample.filter(({ weight }) => weight > 0).sort((a, b) => a.value - b.value);
  let below = 0;
  for (let i = 0; i < sorted.length; i++) {
    const { value, weight } = sorted[i]!;
    below += weight;
    if (below * 2 === total) return (value + sorted[i + 1]!.value) / 2;
    if (below * 2 > total) return value;
  }
  return null;
}

/** Population standard deviation about the weighted mean. */
export function weightedStdDev(sample: readonly Weighted[]): number | null {
  const mean = weightedMean(sample);
  if (mean === null) return null;
  let sum = 0;
  for (const { value, weight } of sample) sum += (value - mean) ** 2 * weight;
  return Math.sqrt(sum / totalWeight(sample));
}

/** Share of the weight below `value`, counting weight equal to it as half below (mid-rank), 0–100. */
export function weightedPercentile(sample: readonly Weighted[], value: number): number | null {
  const total = totalWeight(sample);
  if (!(total > 0)) return null;
  let below = 0;
  for (const item of sample) {
    if (item.value < value) below += item.weight;
    else if (item.value === value) below += item.weight / 2;
  }
  return (below / total) * 100;
}
