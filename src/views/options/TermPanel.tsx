import { useEffect, useRef } from 'react';
import { EXCHANGE_LABEL } from '../../domain/exchange';
import { useConnectionStatusStore } from '../../store/connectionStatusStore';
import { STALE_AFTER_MS } from '../screener/staleness';
import { chainState } from './chainState';
import { formatExpiryDate } from '../format/times';
import { volPoints } from '../format/volPoints';
import { ChartAttribution } from '../charts/ChartAttribution';
import { VenueLinesChart, type VenueLine } from './venueLinesChart';
import { VenueComparison } from './VenueComparison';
import { useTermStructure, type TermVenue, type VenueTerm } from './useTermStructure';


/** Each venue's chain in words (live, stale, reconnecting…); its figures stay as last received and say so. */
function VenueStates({ terms }: { terms: readonly VenueTerm[] }) {
  const links = useConnectionStatusStore((state) => state.byExchange);
  return (
    <ul className="term-states" aria-label="Term structure sources">
      {terms.map(({ venue, newestUpdate, computedAt }) => {
        const stale = newestUpdate > 0 && computedAt - newestUpdate > STALE_AFTER_MS[venue.exchange];
        const state = chainState(links[venue.exchange], newestUpdate, stale, computedAt);
        const held = state !== 'live' && newestUpdate > 0 ? '; its figures are as last received' : '';
        return (
          <li key={venue.exchange} className={state === 'live' ? 'state-live' : 'state-warn'}>
            {`${EXCHANGE_LABEL[venue.exchange]} ${venue.underlying}: ${state}${held}`}
          </li>
        );
      })}
    </ul>
  );
}


function atmLineOf({ venue, expiries }: VenueTerm): VenueLine {
  const points = expiries.flatMap((vols) => (vols.atm === null ? [] : [{ x: vols.years * 365, iv: vols.atm }]));
  return { exchange: venue.exchange, points };
}

/** ATM IV against days to expiry, both venues on one chart; the tables below are its figures in text. */
function TermFigure({ coin, terms }: { coin: string; terms: readonly VenueTerm[] }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<VenueLinesChart | null>(null);
  useEffect(() => {
    const chart = new VenueLinesChart(containerRef.current!, 0, (days) => `${days.toFixed(1)} d`, (exchange) => `${EXCHANGE_LABEL[exchange]} ATM`);
    chartRef.current = chart;
    return () => {
      chart.remove();
      chartRef.current = null;
    };
  }, []);
  useEffect(() => chartRef.current?.setLines(terms.map(atmLineOf)), [terms]);
  const venues = terms.map(({ venue }) => EXCHANGE_LABEL[venue.exchange]).join(' and ');
  return (
    <figure className="term-figure">
      <div className="term-chart" ref={containerRef} role="img" aria-label={`${coin} ATM IV against days to expiry, ${venues}`} />
      <figcaption>
        <p className="chain-legend">ATM IV of each listed expiry; expiries are spaced evenly along the axis, not to scale in days.</p>
        <ChartAttribution />
      </figcaption>
    </figure>
  );
}

/**
 * A coin's vol term structure on each venue that lists its options: ATM IV, 25-delta risk reversal
 * and butterfly per constant tenor (both venues side by side) and per listed expiry, in vol points.
 */
export function TermPanel({ coin, venues, venueNow }: { coin: string; venues: readonly TermVenue[]; venueNow: () => number }) {
  const terms = useTermStructure(venues, venueNow);
  return (
    <section className="term-panel" aria-labelledby="term-title">
      <h2 id="term-title">{coin} vol term structure</h2>
      <p className="chain-legend">
        In vol points. ATM: the IV at each expiry's forward, in total variance between the strikes around it; RR: the +25-delta
        call's IV less the −25-delta put's, by each venue's own deltas; BF: their mean less ATM. A tenor between two listed
        expiries is interpolated in total variance; one outside them is not shown.
      </p>
      <VenueStates terms={terms} />
      <TermFigure coin={coin} terms={terms} />
      <table className="term-table" aria-label={`${coin} vol by tenor`}>
        <caption>By constant tenor</caption>
        <thead>
          <tr>
            <th scope="col">Tenor</th>
            {terms.map(({ venue }) => ['ATM', 'RR', 'BF'].map((figure) => <th key={`${venue.exchange}-${figure}`} scope="col">{`${EXCHANGE_LABEL[venue.exchange]} ${figure}`}</th>))}
          </tr>
        </thead>
        <tbody>
          {(terms[0]?.tenors ?? []).map((tenor, index) => (
            <tr key={tenor.days}>
              <th scope="row">{tenor.days} d</th>
              {terms.map(({ venue, tenors }) => {
                const at = tenors[index]!;
                return [
                  <td key={`${venue.exchange}-atm`}>{volPoints(at.atm)}</td>,
                  <td key={`${venue.exchange}-rr`}>{volPoints(at.riskReversal, true)}</td>,
                  <td key={`${venue.exchange}-bf`}>{volPoints(at.butterfly, true)}</td>,
                ];
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {terms.map(({ venue, expiries }) => (
        <table key={venue.exchange} className="term-table" aria-label={`${EXCHANGE_LABEL[venue.exchange]} ${venue.underlying} vol by expiry`}>
          <caption>{`${EXCHANGE_LABEL[venue.exchange]} ${venue.underlying}, by expiry`}</caption>
          <thead>
            <tr>
              <th scope="col">Expiry</th>
              <th scope="col">Days</th>
              <th scope="col">ATM</th>
              <th scope="col">RR</th>
              <th scope="col">BF</th>
            </tr>
          </thead>
          <tbody>
            {expiries.length === 0 ? (
              <tr>
                <td colSpan={5}>Waiting for {EXCHANGE_LABEL[venue.exchange]}'s {venue.underlying} marks…</td>
              </tr>
            ) : (
              expiries.map((vols) => (
                <tr key={vols.expiry}>
                  <th scope="row">{formatExpiryDate(vols.expiry)}</th>
                  <td>{(vols.years * 365).toFixed(1)}</td>
                  <td>{volPoints(vols.atm)}</td>
                  <td>{volPoints(vols.riskReversal, true)}</td>
                  <td>{volPoints(vols.butterfly, true)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      ))}
      <VenueComparison coin={coin} terms={terms} />
    </section>
  );
}
