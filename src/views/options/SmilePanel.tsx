import { useEffect, useId, useRef, useState } from 'react';
import type { ExchangeId } from '../../domain/exchange';
import { chainKey, UNDERLYING_PRICE_LABEL } from '../../domain/option';
import { useOptionStore } from '../../store/optionStore';
import type { OptionChainRows } from '../../store/optionStore';
import { expiryChain } from './chainRows';
import { formatIv } from './chainColumns';
import { SmileChart } from './smileChart';
import { smilePoints, type SmileAxis } from './smilePoints';
import { ChartAttribution } from '../charts/ChartAttribution';

/** The smile redraws at most this often: its shape moves slowly, and each redraw repaints the whole canvas (bench/decisions.md). */
const REDRAW_EVERY_MS = 1000;

interface SmilePanelProps {
  exchange: ExchangeId;
  underlying: string;
  expiry: number;
  expiryLabel: string;
}

/**
 * The selected expiry's IV smile. The chart lives outside React: this panel subscribes to the
 * option store itself and pushes each change of the chain to the chart and to the caption.
 */
export function SmilePanel({ exchange, underlying, expiry, expiryLabel }: SmilePanelProps) {
  const [axis, setAxis] = useState<SmileAxis>('strike');
  const containerRef = useRef<HTMLDivElement>(null);
  const captionRef = useRef<HTMLParagraphElement>(null);
  const chartRef = useRef<SmileChart | null>(null);
  const name = useId();

  useEffect(() => {
    const chart = new SmileChart(containerRef.current!, axis);
    chartRef.current = chart;
    return () => {
      chart.remove();
      chartRef.current = null;
    };
    // Created once per mount: axis and data changes go through setPoints, not a new chart.
  }, []);

  useEffect(() => {
    const key = chainKey(exchange, underlying);
    let drawn: OptionChainRows | undefined;
    const draw = (rows: OptionChainRows | undefined) => {
      drawn = rows;
      const chain = expiryChain(rows, expiry);
      const points = smilePoints(chain, axis);
      chartRef.current?.setPoints(points, axis);
      const atm = chain.rows.find((row) => row.strike === chain.atmStrike);
      const atmQuote = atm?.call?.markIv != null ? atm.call : (atm?.put ?? null);
      // Binance sends its mark IV to 0.1 vol point; the bid and ask IVs say how the ATM book moves within it.
      const atmBook = atmQuote ? ` (bid–ask ${formatIv(atmQuote.bidIv, 2)} – ${formatIv(atmQuote.askIv, 2)})` : '';
      if (captionRef.current) {
        captionRef.current.textContent =
          points.length === 0
            ? `No implied vols for ${expiryLabel} yet.`
            : `${points.length} strikes; ATM mark IV ${formatIv(atmQuote?.markIv ?? null, 2)}${atmBook}. Mark IV line, bid-ask IV band, out-of-the-money options (puts below, calls above the ${UNDERLYING_PRICE_LABEL[exchange].toLowerCase()}).`;
      }
    };
    draw(useOptionStore.getState().chains[key]);
    let drawnAt = performance.now();
    let pending: ReturnType<typeof setTimeout> | null = null;
    const drawLatest = () => {
      pending = null;
      drawnAt = performance.now();
      const rows = useOptionStore.getState().chains[key];
      if (rows !== drawn) draw(rows);
    };
    const unsubscribe = useOptionStore.subscribe((state) => {
      if (state.chains[key] === drawn || pending !== null) return;
      pending = setTimeout(drawLatest, Math.max(0, drawnAt + REDRAW_EVERY_MS - performance.now()));
    });
    return () => {
      unsubscribe();
      if (pending !== null) clearTimeout(pending);
    };
  }, [exchange, underlying, expiry, expiryLabel, axis]);

  return (
    <figure className="smile" aria-labelledby={`${name}-title`}>
      <div className="smile-head">
        <h2 id={`${name}-title`} className="smile-title">IV smile · {expiryLabel}</h2>
        <fieldset className="segmented">
          <legend>Against</legend>
          {(['strike', 'delta'] as const).map((value) => (
            <label key={value} className={axis === value ? 'selected' : ''}>
              <input type="radio" name={`${name}-axis`} value={value} checked={axis === value} onChange={() => setAxis(value)} />
              {value === 'strike' ? 'Strike' : 'Delta'}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="smile-chart" ref={containerRef} role="img" aria-label={`Implied volatility smile for ${expiryLabel}`} />
      <figcaption>
        <p className="smile-caption" ref={captionRef} />
        <ChartAttribution />
      </figcaption>
    </figure>
  );
}
