import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { EXCHANGE_LABEL, type ExchangeId } from '../../domain/exchange';
import { chainKey, type OptionRow } from '../../domain/option';
import { crossedQuotes, type CrossedQuote, type CrossedSide } from '../../domain/termStructure/crossedQuotes';
import { chainExpiryVols, type ExpiryVols } from '../../domain/termStructure/expiryVols';
import { atmSpreads, moneynessSmile, type AtmSpread, type MoneynessPoint } from '../../domain/termStructure/venueComparison';
import { useConnectionStatusStore } from '../../store/connectionStatusStore';
import { useOptionStore } from '../../store/optionStore';
import { ChartAttribution } from '../charts/ChartAttribution';
import { formatPrice } from '../format/numbers';
import { formatTime } from '../format/times';
import { volPoints } from '../format/volPoints';
import { isStreamSilent } from '../screener/staleness';
import { isOptionStale } from './staleness';
import type { TermVenue } from './TermPanel';
import { VenueSmileChart } from './venueSmileChart';
import './venueComparison.css';

/** Worked out again at most this often, as the term structure is: each pass reads every option of both chains. */
const RECOMPUTE_EVERY_MS = 1000;
/** The spread reads Binance less OKX. */
const LEFT: ExchangeId = 'binance';
const RIGHT: ExchangeId = 'okx';

const expiryDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: '2-digit', timeZone: 'UTC' });
const dateOf = (expiry: number) => formatTime(expiry, (date) => expiryDate.format(date));

interface VenueChain {
  venue: TermVenue;
  options: OptionRow[];
  expiries: ExpiryVols[];
}

interface Comparison {
  left: VenueChain;
  right: VenueChain;
  spreads: AtmSpread[];
  crossed: CrossedQuote[];
}

function chainOf(venue: TermVenue, venueNow: number): VenueChain {
  const rows = useOptionStore.getState().chains[chainKey(venue.exchange, venue.underlying)];
  const options = rows ? Object.values(rows) : [];
  return { venue, options, expiries: chainExpiryVols(options, venueNow) };
}

/** Expiries count on the venue's clock; quote ages and staleness on the local one. */
function compare(left: TermVenue, right: TermVenue, venueNow: number): Comparison {
  const now = Date.now();
  const links = useConnectionStatusStore.getState().byExchange;
  const isStale = (quote: OptionRow) => isOptionStale(quote, now, isStreamSilent(links[quote.exchange].state));
  const [leftChain, rightChain] = [chainOf(left, venueNow), chainOf(right, venueNow)];
  return {
    left: leftChain,
    right: rightChain,
    spreads: atmSpreads(leftChain.expiries, rightChain.expiries),
    crossed: crossedQuotes(leftChain.options, rightChain.options, now, isStale),
  };
}

/** Both chains compared once a second; the Term panel around this keeps them streaming. */
function useComparison(left: TermVenue, right: TermVenue, venueNow: () => number): Comparison {
  const [comparison, setComparison] = useState(() => compare(left, right, venueNow()));
  const clock = useRef(venueNow);
  clock.current = venueNow;
  const key = `${chainKey(left.exchange, left.underlying)},${chainKey(right.exchange, right.underlying)}`;
  useEffect(() => {
    const recompute = () => setComparison(compare(left, right, clock.current()));
    recompute();
    const timer = window.setInterval(recompute, RECOMPUTE_EVERY_MS);
    return () => window.clearInterval(timer);
    // The venues are named by `key`.
  }, [key]);
  return comparison;
}

function smileOfExpiry(chain: VenueChain, expiry: number | null): MoneynessPoint[] {
  const vols = chain.expiries.find((entry) => entry.expiry === expiry);
  return vols ? moneynessSmile(chain.options.filter((option) => option.expiry === expiry), vols.forward) : [];
}

/** ln(K/F) to three decimals, with the minus sign the vol points use. */
function moneynessText(value: number): string {
  const text = Math.abs(value).toFixed(3);
  return value < 0 && Number(text) !== 0 ? `−${text}` : text;
}

const seconds = (ms: number) => `${Math.floor(ms / 1000)} s old`;

function quoteText({ quote, iv, ageMs }: CrossedSide, side: 'bid' | 'ask'): string {
  return `${EXCHANGE_LABEL[quote.exchange]} ${quote.symbol} ${side} IV ${volPoints(iv)} (${seconds(ageMs)})`;
}

/**
 * Binance against OKX for a coin both list: ATM IV per expiry both venues list and the spread
 * between them, the two smiles of one such expiry against log-moneyness, and every strike where
 * one venue's bid IV is above the other's ask IV. Shown only when both venues are among `venues`.
 */
export function VenueComparison({ coin, venues, venueNow }: { coin: string; venues: readonly TermVenue[]; venueNow: () => number }) {
  const left = venues.find((venue) => venue.exchange === LEFT);
  const right = venues.find((venue) => venue.exchange === RIGHT);
  return left && right ? <VenuePair coin={coin} left={left} right={right} venueNow={venueNow} /> : null;
}

function VenuePair({ coin, left, right, venueNow }: { coin: string; left: TermVenue; right: TermVenue; venueNow: () => number }) {
  const comparison = useComparison(left, right, venueNow);
  const { spreads, crossed } = comparison;
  const [picked, setPicked] = useState<number | null>(null);
  const chosen = spreads.some((spread) => spread.expiry === picked) ? picked : (spreads[0]?.expiry ?? null);
  const [leftLabel, rightLabel] = [EXCHANGE_LABEL[left.exchange], EXCHANGE_LABEL[right.exchange]];
  const name = useId();

  return (
    <div className="venue-comparison">
      <h3 id={`${name}-title`}>
        {leftLabel} against {rightLabel}
      </h3>
      <table className="term-table" aria-label={`${coin} ATM IV, ${leftLabel} against ${rightLabel}`}>
        <thead>
          <tr>
            <th scope="col">Expiry</th>
            <th scope="col">Days</th>
            <th scope="col">{leftLabel} ATM</th>
            <th scope="col">{rightLabel} ATM</th>
            <th scope="col">
              Spread ({leftLabel} − {rightLabel})
            </th>
          </tr>
        </thead>
        <tbody>
          {spreads.length === 0 ? (
            <tr>
              <td colSpan={5}>No expiry listed on both venues yet…</td>
            </tr>
          ) : (
            spreads.map((spread) => (
              <tr key={spread.expiry}>
                <th scope="row">{dateOf(spread.expiry)}</th>
                <td>{(spread.years * 365).toFixed(1)}</td>
                <td>{volPoints(spread.left)}</td>
                <td>{volPoints(spread.right)}</td>
                <td>{volPoints(spread.spread, true)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <SmilesFigure comparison={comparison} expiries={spreads.map((spread) => spread.expiry)} chosen={chosen} onPick={setPicked} />
      <CrossedQuotes crossed={crossed} matched={spreads.length > 0} />
    </div>
  );
}

interface SmilesFigureProps {
  comparison: Comparison;
  expiries: readonly number[];
  chosen: number | null;
  onPick: (expiry: number) => void;
}

function SmilesFigure({ comparison, expiries, chosen, onPick }: SmilesFigureProps) {
  const { left, right } = comparison;
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<VenueSmileChart | null>(null);
  const name = useId();
  const smiles = useMemo(
    () => new Map([left, right].map((chain) => [chain.venue.exchange, smileOfExpiry(chain, chosen)] as const)),
    [left, right, chosen],
  );

  useEffect(() => {
    const chart = new VenueSmileChart(containerRef.current!, [left.venue.exchange, right.venue.exchange]);
    chartRef.current = chart;
    return () => {
      chart.remove();
      chartRef.current = null;
    };
    // Created once per mount: new points go through setSmiles.
  }, []);
  useEffect(() => chartRef.current?.setSmiles(smiles), [smiles]);

  const label = chosen === null ? 'no expiry' : dateOf(chosen);
  const venues = [left, right];
  return (
    <figure className="smile venue-smiles" aria-labelledby={`${name}-title`}>
      <div className="smile-head">
        <h4 id={`${name}-title`} className="smile-title">
          Smiles · {label}
        </h4>
        <label>
          Matched expiry{' '}
          <select value={chosen ?? ''} onChange={(event) => onPick(Number(event.target.value))} disabled={expiries.length === 0}>
            {expiries.map((expiry) => (
              <option key={expiry} value={expiry}>
                {dateOf(expiry)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div
        className="smile-chart"
        ref={containerRef}
        role="img"
        aria-label={`Mark IV smiles of ${EXCHANGE_LABEL[left.venue.exchange]} and ${EXCHANGE_LABEL[right.venue.exchange]} for ${label}, against log-moneyness`}
      />
      <figcaption>
        <ul className="smile-caption" aria-label="Smile summary">
          {venues.map((chain) => {
            const points = smiles.get(chain.venue.exchange) ?? [];
            const vols = chain.expiries.find((entry) => entry.expiry === chosen);
            return (
              <li key={chain.venue.exchange}>
                {EXCHANGE_LABEL[chain.venue.exchange]}:{' '}
                {points.length === 0
                  ? 'no mark IVs yet.'
                  : `${points.length} strikes, ln(K/F) ${moneynessText(points[0]!.moneyness)} to ${moneynessText(points.at(-1)!.moneyness)} against its forward ${formatPrice(vols?.forward ?? null)}; ATM ${volPoints(vols?.atm ?? null)}.`}
              </li>
            );
          })}
        </ul>
        <details>
          <summary>Smile points</summary>
          <table className="term-table" aria-label={`Smile points for ${label}`}>
            <thead>
              <tr>
                <th scope="col">Venue</th>
                <th scope="col">Strike</th>
                <th scope="col">ln(K/F)</th>
                <th scope="col">Mark IV</th>
              </tr>
            </thead>
            <tbody>
              {venues.flatMap((chain) =>
                (smiles.get(chain.venue.exchange) ?? []).map((point) => (
                  <tr key={`${chain.venue.exchange}-${point.strike}`}>
                    <th scope="row">{EXCHANGE_LABEL[chain.venue.exchange]}</th>
                    <td>{formatPrice(point.strike, Number.isInteger(point.strike) ? 0 : undefined)}</td>
                    <td>{moneynessText(point.moneyness)}</td>
                    <td>{volPoints(point.iv)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </details>
        <ChartAttribution />
      </figcaption>
    </figure>
  );
}

function CrossedQuotes({ crossed, matched }: { crossed: readonly CrossedQuote[]; matched: boolean }) {
  const name = useId();
  return (
    <section aria-labelledby={`${name}-title`}>
      <h4 id={`${name}-title`}>Crossed quotes</h4>
      <p className="chain-legend">
        On each strike and side listed on both venues for one expiry: one venue's bid IV above the other's ask IV. A stale quote
        (its venue silent, or no update for longer than its venue's limit) never raises one.
      </p>
      {crossed.length === 0 ? (
        <p className="empty-state">
          {matched
            ? "No crossed quotes: on every strike listed on both venues, each bid IV is at or below the other venue's ask IV."
            : 'No crossed quotes: no expiry is listed on both venues yet.'}
        </p>
      ) : (
        <ul className="crossed-quotes" aria-labelledby={`${name}-title`}>
          {crossed.map((pair) => (
            <li key={`${pair.bid.quote.key}|${pair.ask.quote.key}`}>
              {dateOf(pair.expiry)} {formatPrice(pair.strike, Number.isInteger(pair.strike) ? 0 : undefined)} {pair.callPut}: {quoteText(pair.bid, 'bid')} above{' '}
              {quoteText(pair.ask, 'ask')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
