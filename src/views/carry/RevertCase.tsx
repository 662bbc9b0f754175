import { revertQuote, type CarryLeg } from '../../domain/carry';
import type { CarrySettings } from '../../domain/carrySettings';
import { fundingWindows } from '../../domain/fundingStats';
import type { PerpRow } from '../../domain/perp';
import { useContractFunding } from '../../hooks/useFundingHistories';
import { formatHours } from '../format/durations';
import { formatPercent } from '../format/numbers';
import { formatUsd } from './CostBreakdown';

const WINDOWS = [7, 30] as const;

function useMedians(row: PerpRow, now: number): Record<number, number | null> {
  const funding = useContractFunding(row.key, row.intervalHours ?? 8);
  const medians: Record<number, number | null> = {};
  for (const window of funding ? fundingWindows(funding, now, WINDOWS) : []) medians[window.days] = window.median;
  return medians;
}

/** "If funding reverts": the same round trip earning each leg's 7- and 30-day median instead of today's rate. */
export function RevertCase(props: { longRow: PerpRow; shortRow: PerpRow; long: CarryLeg; short: CarryLeg; settings: CarrySettings; now: number }) {
  const longMedians = useMedians(props.longRow, props.now);
  const shortMedians = useMedians(props.shortRow, props.now);
  const quotes = WINDOWS.map((days) => ({
    days,
    quote: revertQuote(props.long, props.short, { long: longMedians[days] ?? null, short: shortMedians[days] ?? null }, props.settings),
  }));
  return (
    <table className="breakdown" aria-label="If funding reverts to its median">
      <thead>
        <tr>
          <th scope="col">If funding reverts to its</th>
          {quotes.map(({ days }) => (
            <th key={days} scope="col">
              {days}-day median
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Gross APR</th>
          {quotes.map(({ days, quote }) => (
            <td key={days}>{formatPercent(quote.grossApr, 2)}</td>
          ))}
        </tr>
        <tr>
          <th scope="row">Net</th>
          {quotes.map(({ days, quote }) => (
            <td key={days}>{formatUsd(quote.net.netUsd)}</td>
          ))}
        </tr>
        <tr>
          <th scope="row">Net APR on notional</th>
          {quotes.map(({ days, quote }) => (
            <td key={days}>{formatPercent(quote.net.netAprOnNotional, 2)}</td>
          ))}
        </tr>
        <tr>
          <th scope="row">Break-even</th>
          {quotes.map(({ days, quote }) => (
            <td key={days}>{quote.net.breakEvenHours === null ? 'never' : formatHours(quote.net.breakEvenHours)}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
