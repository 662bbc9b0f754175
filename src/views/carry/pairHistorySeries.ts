import type { LineData, UTCTimestamp } from 'lightweight-charts';
import { spreadSeries, type PairSpreadStats } from '../../domain/fundingSpread';
import type { ContractFunding } from '../../domain/fundingStats';
import { formatPercent } from '../format/numbers';

const DAY_MS = 86_400_000;

/** Each leg's settled rates and the spread (short − long), annualised fractions at whole UTC seconds. */
export interface PairHistorySeries {
  long: LineData<UTCTimestamp>[];
  short: LineData<UTCTimestamp>[];
  spread: LineData<UTCTimestamp>[];
}

/**
 * Points at whole seconds, the chart's unit: of points in one second (the legs settle a few ms
 * apart on Binance), the newest holds, as the chart needs one point per time.
 */
function pointsOf<T>(items: readonly T[], time: (item: T) => number, value: (item: T) => number): LineData<UTCTimestamp>[] {
  const points: LineData<UTCTimestamp>[] = [];
  for (const item of items) {
    const point = { time: Math.floor(time(item) / 1000) as UTCTimestamp, value: value(item) };
    if (points.at(-1)?.time === point.time) points[points.length - 1] = point;
    else points.push(point);
  }
  return points;
}

/** A leg not held yet draws nothing, and neither does the spread, which needs both. */
export function pairHistorySeries(long: ContractFunding | null, short: ContractFunding | null): PairHistorySeries {
  const legPoints = (funding: ContractFunding | null) =>
    pointsOf(
      funding?.settlements ?? [],
      (settlement) => settlement.time,
      (settlement) => settlement.annualised,
    );
  const spread = long && short ? spreadSeries(long, short) : [];
  return {
    long: legPoints(long),
    short: legPoints(short),
    spread: pointsOf(
      spread,
      (point) => point.time,
      (point) => point.spread,
    ),
  };
}

/** A leg as the summary names it: "long Binance BTCUSDT", and what of its history is held. */
export interface SummaryLeg {
  name: string;
  funding: ContractFunding | null;
}

/** "135 settlements over 45 days": the days since the history covers, whole ones, at least "less than a day". */
function legText({ name, funding }: SummaryLeg, now: number): string {
  const count = funding?.settlements.length ?? 0;
  if (!funding || count === 0) return `${name}: no settlements held`;
  const days = Math.floor((now - funding.coveredFrom) / DAY_MS);
  const over = days < 1 ? 'less than a day' : days === 1 ? '1 day' : `${days} days`;
  return `${name}: ${count} ${count === 1 ? 'settlement' : 'settlements'} over ${over}`;
}

/** The chart in words, for screen readers: each leg's settlements, the newest settled spread and its 7-day median. */
export function pairHistorySummary(long: SummaryLeg, short: SummaryLeg, stats: PairSpreadStats | null, now: number): string {
  const spread = `annualised spread now ${formatPercent(stats?.latest ?? null, 2)}, 7-day median ${formatPercent(stats?.median7d ?? null, 2)}`;
  return `${legText(long, now)}; ${legText(short, now)}; ${spread}`;
}
