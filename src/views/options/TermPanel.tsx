import { useEffect, useRef, useState } from 'react';
import { acquireOptionChain } from '../../app/options';
import { EXCHANGE_LABEL, type ExchangeId } from '../../domain/exchange';
import { chainKey } from '../../domain/option';
import { chainExpiryVols, type ExpiryVols } from '../../domain/termStructure/expiryVols';
import { tenorVols, type TenorVols } from '../../domain/termStructure/tenors';
import { useOptionStore } from '../../store/optionStore';
import { formatTime } from '../format/times';
import { volPoints } from '../format/volPoints';
import { VenueComparison } from './VenueComparison';

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
}

const expiryDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' });

function termOf(venue: TermVenue, now: number): VenueTerm {
  const rows = useOptionStore.getState().chains[chainKey(venue.exchange, venue.underlying)];
  const expiries = rows ? chainExpiryVols(Object.values(rows), now) : [];
  return { venue, expiries, tenors: tenorVols(expiries) };
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
      <VenueComparison coin={coin} venues={venues} venueNow={venueNow} />
    </section>
  );
}
