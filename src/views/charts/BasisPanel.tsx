import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { EXCHANGE_LABEL } from '../../domain/exchange';
import { DEFAULT_FUNDING_INTERVAL_HOURS } from '../../domain/funding';
import { fundingWindows } from '../../domain/fundingStats';
import type { PerpRow } from '../../domain/perp';
import { cheapestCarry } from '../../domain/termStructure/carryChoice';
import { useDatedFutures } from '../../hooks/useDatedFutures';
import { useContractFunding, useFundingHistories } from '../../hooks/useFundingHistories';
import { useNow } from '../../hooks/useNow';
import { useVenueOffset } from '../../hooks/useVenueNow';
import { useConnectionStatusStore } from '../../store/connectionStatusStore';
import { formatPercent, formatPrice, NO_VALUE, signClass } from '../format/numbers';
import { formatExpiryDate } from '../format/times';
import { isStreamSilent } from '../screener/staleness';
import { formatAge } from '../shell/formatAge';
import { BasisCurveChart } from './basisCurveChart';
import { basisFigures, carryQuotes } from './basisFigures';
import { carryVerdictText } from './carryVerdict';
import { useChartInstance } from './useChartInstance';

const MEDIAN_DAYS = 7;

/** A perpetual's 7-day median annualised funding, from the page's history cache; null until the history covers the week. */
function useMedianFunding(quote: PerpRow | undefined, now: number): number | null {
  const offset = useVenueOffset(quote?.exchange ?? 'binance');
  const funding = useContractFunding(quote?.key ?? '', quote?.intervalHours ?? DEFAULT_FUNDING_INTERVAL_HOURS);
  // No quote asks the key '', which holds no history. Settlement times are the venue's: the window ends at its now;
  // worked out once a second, not at each render of the page.
  return useMemo(() => (funding ? fundingWindows(funding, now + offset, [MEDIAN_DAYS])[0]!.median : null), [funding, now, offset]);
}

function ageText(stale: boolean, age: number | null): string {
  if (age === null) return stale ? 'stale' : NO_VALUE;
  return stale ? `stale, ${formatAge(age)}` : formatAge(age);
}

/**
 * The coin's futures basis curve on both venues: each dated future's annualised basis against its
 * days to delivery, from its perpetual's funding at day 0, with the figures in a table and the
 * cheapest way to hold the carry named under it.
 */
export function BasisPanel({ coin, perps }: { coin: string; perps: readonly PerpRow[] }) {
  useFundingHistories(perps);
  // Everything here is read once a second, on the shared clock: each redraw repaints the whole chart (bench/decisions.md).
  const now = useNow();
  const futures = useDatedFutures(coin, now);
  const latestPerps = useRef(perps);
  latestPerps.current = perps;
  // Delivery times are the venues'; both keep a clock close enough for a day axis.
  const venueOffset = useVenueOffset('binance');
  const [first, second] = perps;
  const firstMedian = useMedianFunding(first, now);
  const secondMedian = useMedianFunding(second, now);
  const keys = perps.map((perp) => perp.key).join(',');
  const silent = useConnectionStatusStore(
    useShallow((state) => ({ binance: isStreamSilent(state.byExchange.binance.state), okx: isStreamSilent(state.byExchange.okx.state) })),
  );
  const figures = useMemo(() => {
    const medians = [firstMedian, secondMedian];
    const shown = latestPerps.current.slice(0, 2).map((row, index) => ({ row, median7d: medians[index] ?? null }));
    return basisFigures(futures, shown, now, silent);
    // The perpetuals are named by `keys` and read as they stand at `now`.
  }, [futures, keys, firstMedian, secondMedian, now, silent]);
  const verdict = useMemo(() => carryVerdictText(coin, cheapestCarry(carryQuotes(figures))), [coin, figures]);

  const container = useRef<HTMLDivElement>(null);
  const chart = useChartInstance(container, coin, (element) => new BasisCurveChart(element));
  useEffect(() => chart?.setFigures(figures, now + venueOffset), [chart, figures]);

  return (
    <section className="chart-figure basis-panel" aria-labelledby="basis-title">
      <h2 id="basis-title" className="chart-title">
        {coin} futures basis against funding
      </h2>
      <p className="chart-summary">
        Annualised basis: (future mark / index − 1) × 365 / days to delivery, at the quote's time. At day 0, each venue's perpetual:
        its current annualised funding on the line, its 7-day median as a dot. Dashed: coin-margined.
      </p>
      <div ref={container} className="basis-canvas" role="img" aria-label={`${coin} annualised basis by days to delivery`} />
      <p className="carry-verdict" role="status" aria-label="Cheapest carry">
        {verdict}
      </p>
      <table className="basis-table" aria-label={`${coin} basis and funding`}>
        <thead>
          <tr>
            <th scope="col">Venue</th>
            <th scope="col">Contract</th>
            <th scope="col">Expiry</th>
            <th scope="col">Days</th>
            <th scope="col">Mark</th>
            <th scope="col">Index</th>
            <th scope="col">Annualised</th>
            <th scope="col">Age</th>
          </tr>
        </thead>
        <tbody>
          {figures.perps.map(({ row, median7d, stale, age }) => (
            <tr key={row.key} className={stale ? 'stale' : ''}>
              <td>{EXCHANGE_LABEL[row.exchange]}</td>
              <th scope="row">{row.symbol} perpetual</th>
              <td>{NO_VALUE}</td>
              <td>0</td>
              <td>{formatPrice(row.mark)}</td>
              <td>{formatPrice(row.index)}</td>
              <td className={signClass(row.annualised)}>
                {formatPercent(row.annualised, 2)} funding, 7-day median {median7d === null ? 'loading' : formatPercent(median7d, 2)}
              </td>
              <td>{ageText(stale, age)}</td>
            </tr>
          ))}
          {figures.futures.map(({ row, days, basis, stale, age }) => (
            <tr key={row.key} className={stale ? 'stale' : ''}>
              <td>{EXCHANGE_LABEL[row.exchange]}</td>
              <th scope="row">{row.symbol}</th>
              <td>{formatExpiryDate(row.expiry)}</td>
              <td>{days === null ? NO_VALUE : days.toFixed(1)}</td>
              <td>{formatPrice(row.mark)}</td>
              <td>{formatPrice(row.index)}</td>
              <td className={signClass(basis)}>{formatPercent(basis, 2)}</td>
              <td>{ageText(stale, age)}</td>
            </tr>
          ))}
          {figures.futures.length === 0 && (
            <tr>
              <td colSpan={8}>No {coin} dated future quoted by Binance or OKX yet.</td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
