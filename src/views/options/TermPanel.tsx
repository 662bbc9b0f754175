import { useEffect, useRef, useState } from 'react';
import { acquireOptionChain } from '../../app/options';
import { EXCHANGE_LABEL, type ExchangeId } from '../../domain/exchange';
import { chainKey } from '../../domain/option';
import { chainExpiryVols, type ExpiryVols } from '../../domain/termStructure/expiryVols';
import { tenorVols, type TenorVols } from '../../domain/termStructure/tenors';
import { useConnectionStatusStore } from '../../store/connectionStatusStore';
import { useOptionStore } from '../../store/optionStore';
import { STALE_AFTER_MS } from '../screener/staleness';
import { chainState } from './chainState';
import { NO_VALUE } from '../format/numbers';
import { formatTime } from '../format/times';
import { ChartAttribution } from '../charts/ChartAttribution';
import { TermChart, type TermCurve } from './termChart';

/** The term structure is worked out again at most this often: it moves slowly, and each pass reads every option of both chains. */
const RECOMPUTE_EVERY_MS = 1000;

/** A coin's option chain on each venue that lists it: Binance `BTCUSDT`, OKX `BTC-USD`. */
export interface TermVenue {
  exchange: ExchangeId;
  underlying: string;
}

interface VenueTerm {
  venue: TermVenue;
  expiries: ExpiryVols[];
  tenors: TenorVols[];
  /** Local ms of the chain's newest applied update, 0 before any; and when this was worked out. */
  newestUpdate: number;
  computedAt: number;
}

const expiryDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' });

/** In vol points to a hundredth, signed where a spread can go either way; a spread that rounds to zero reads 0.00, never −0.00. */
function volPoints(value: number | null, signed = false): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  const hundredths = Math.round(value * 10_000);
  const text = (Math.abs(hundredths) / 100).toFixed(2);
  if (hundredths === 0) return text;
  return hundredths < 0 ? `−${text}` : signed ? `+${text}` : text;
}

function termOf(venue: TermVenue, venueNow: number): VenueTerm {
  const rows = Object.values(useOptionStore.getState().chains[chainKey(venue.exchange, venue.underlying)] ?? {});
  const expiries = chainExpiryVols(rows, venueNow);
  const newestUpdate = rows.reduce((newest, row) => Math.max(newest, row.appliedAt), 0);
  return { venue, expiries, tenors: tenorVols(expiries), newestUpdate, computedAt: Date.now() };
}

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

/** Keeps both venues' chains streaming while the panel is open, and their term structures worked out once a second. */
function useTerms(venues: readonly TermVenue[], venueNow: () => number): VenueTerm[] {
  const [terms, setTerms] = useState<VenueTerm[]>(() => venues.map((venue) => termOf(venue, venueNow())));
  const clock = useRef(venueNow);
  clock.current = venueNow;
  const key = venues.map((venue) => chainKey(venue.exchange, venue.underlying)).join(',');
  useEffect(() => {
    const releases = venues.map((venue) => acquireOptionChain(venue.exchange, venue.underlying));
    const recompute = () => setTerms(venues.map((venue) => termOf(venue, clock.current())));
    recompute();
    const timer = window.setInterval(recompute, RECOMPUTE_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      releases.forEach((release) => release());
    };
    // The venues are named by `key`; a new array of the same chains is no change.
  }, [key]);
  return terms;
}

function curveOf({ venue, expiries }: VenueTerm): TermCurve {
  const points = expiries.flatMap((vols) => (vols.atm === null ? [] : [{ days: vols.years * 365, atm: vols.atm }]));
  return { exchange: venue.exchange, points };
}

/** ATM IV against days to expiry, both venues on one chart; the tables below are its figures in text. */
function TermFigure({ coin, terms }: { coin: string; terms: readonly VenueTerm[] }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<TermChart | null>(null);
  useEffect(() => {
    const chart = new TermChart(containerRef.current!);
    chartRef.current = chart;
    return () => {
      chart.remove();
      chartRef.current = null;
    };
  }, []);
  useEffect(() => chartRef.current?.setCurves(terms.map(curveOf)), [terms]);
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
  const terms = useTerms(venues, venueNow);
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
                  <th scope="row">{formatTime(vols.expiry, (date) => expiryDate.format(date))}</th>
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
    </section>
  );
}
