import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { EXCHANGE_LABEL, type ExchangeId } from '../../domain/exchange';
import type { ExchangeLinkStatus } from '../../domain/connectionState';
import type { OptionRow } from '../../domain/option';
import { crossedQuotes, crossWidth, type CrossedQuote, type CrossedSide } from '../../domain/termStructure/crossedQuotes';
import { atmSpreads, moneynessSmile, type AtmSpread, type MoneynessPoint } from '../../domain/termStructure/venueComparison';
import { useConnectionStatusStore } from '../../store/connectionStatusStore';
import { ChartAttribution } from '../charts/ChartAttribution';
import { formatPrice } from '../format/numbers';
import { formatExpiryDate } from '../format/times';
import { volPoints } from '../format/volPoints';
import { isStreamSilent } from '../screener/staleness';
import { isOptionStale } from './staleness';
import type { VenueTerm } from './useTermStructure';
import { VenueLinesChart } from './venueLinesChart';
import './venueComparison.css';

/** The widest crossed quotes shown; past a handful, a list is no longer read. */
const CROSSED_SHOWN = 12;
/** The spread reads Binance less OKX. */
const LEFT: ExchangeId = 'binance';
const RIGHT: ExchangeId = 'okx';


interface Comparison {
  left: VenueTerm;
  right: VenueTerm;
  spreads: AtmSpread[];
  crossed: CrossedQuote[];
}

/** Quote ages and staleness count to when the chains were read, on the local clock. */
function compare(left: VenueTerm, right: VenueTerm, links: Readonly<Record<ExchangeId, ExchangeLinkStatus>>): Comparison {
  const now = left.computedAt;
  const isStale = (quote: OptionRow) => isOptionStale(quote, now, isStreamSilent(links[quote.exchange].state));
  return { left, right, spreads: atmSpreads(left.expiries, right.expiries), crossed: crossedQuotes(left.options, right.options, now, isStale) };
}

function smileOfExpiry(chain: VenueTerm, expiry: number | null): MoneynessPoint[] {
  const vols = chain.expiries.find((entry) => entry.expiry === expiry);
  return vols ? moneynessSmile(chain.options.filter((option) => option.expiry === expiry), vols.forward) : [];
}

/** ln(K/F) to three decimals tells strikes 0.1 % apart. */
const MONEYNESS_DECIMALS = 3;

/** ln(K/F) to three decimals, with the minus sign the vol points use. */
function moneynessText(value: number): string {
  const text = Math.abs(value).toFixed(MONEYNESS_DECIMALS);
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
export function VenueComparison({ coin, terms }: { coin: string; terms: readonly VenueTerm[] }) {
  const left = terms.find((term) => term.venue.exchange === LEFT);
  const right = terms.find((term) => term.venue.exchange === RIGHT);
  return left && right ? <VenuePair coin={coin} left={left} right={right} /> : null;
}

function VenuePair({ coin, left, right }: { coin: string; left: VenueTerm; right: VenueTerm }) {
  const links = useConnectionStatusStore((state) => state.byExchange);
  const comparison = useMemo(() => compare(left, right, links), [left, right, links]);
  const { spreads, crossed } = comparison;
  const [picked, setPicked] = useState<number | null>(null);
  const chosen = spreads.some((spread) => spread.expiry === picked) ? picked : (spreads[0]?.expiry ?? null);
  const [leftLabel, rightLabel] = [EXCHANGE_LABEL[left.venue.exchange], EXCHANGE_LABEL[right.venue.exchange]];
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
                <th scope="row">{formatExpiryDate(spread.expiry)}</th>
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
  const chartRef = useRef<VenueLinesChart | null>(null);
  const name = useId();
  // The points table is a text alternative a reader opens: kept out of the once-a-second render while closed.
  const [pointsOpen, setPointsOpen] = useState(false);
  const smiles = useMemo(
    () => new Map([left, right].map((chain) => [chain.venue.exchange, smileOfExpiry(chain, chosen)] as const)),
    [left, right, chosen],
  );

  useEffect(() => {
    const chart = new VenueLinesChart(containerRef.current!, MONEYNESS_DECIMALS, moneynessText);
    chartRef.current = chart;
    return () => {
      chart.remove();
      chartRef.current = null;
    };
    // Created once per mount: new points go through setLines.
  }, []);
  useEffect(() => {
    const lines = [...smiles].map(([exchange, points]) => ({ exchange, points: points.map(({ moneyness, iv }) => ({ x: moneyness, iv })) }));
    chartRef.current?.setLines(lines);
  }, [smiles]);

  const label = chosen === null ? 'no expiry' : formatExpiryDate(chosen);
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
                {formatExpiryDate(expiry)}
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
        <details onToggle={(event) => setPointsOpen(event.currentTarget.open)}>
          <summary>Smile points</summary>
          {pointsOpen && (
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
          )}
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
        On each strike and side listed on both venues for one expiry: one venue's bid IV above the other's ask IV, widest first. A stale quote
        (its venue silent, or no update for longer than its venue's limit) never raises one.
      </p>
      {crossed.length === 0 ? (
        <p className="empty-state">
          {matched
            ? "No crossed quotes: on every strike listed on both venues, each bid IV is at or below the other venue's ask IV."
            : 'No crossed quotes: no expiry is listed on both venues yet.'}
        </p>
      ) : (
        <>
          <ul className="crossed-quotes" aria-labelledby={`${name}-title`}>
            {crossed.slice(0, CROSSED_SHOWN).map((pair) => (
              <li key={`${pair.bid.quote.key}|${pair.ask.quote.key}`}>
                {formatExpiryDate(pair.expiry)} {formatPrice(pair.strike, Number.isInteger(pair.strike) ? 0 : undefined)} {pair.callPut}: {quoteText(pair.bid, 'bid')} above{' '}
                {quoteText(pair.ask, 'ask')} by {volPoints(crossWidth(pair))}
              </li>
            ))}
          </ul>
          {crossed.length > CROSSED_SHOWN && <p className="chain-legend">{`${crossed.length - CROSSED_SHOWN} narrower crossed quotes not shown.`}</p>}
        </>
      )}
    </section>
  );
}
