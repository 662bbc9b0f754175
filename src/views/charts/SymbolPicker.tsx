import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useShallow } from 'zustand/react/shallow';
import { EXCHANGE_LABEL } from '../../domain/exchange';
import type { PerpRow } from '../../domain/perp';
import { usePerpStore } from '../../store/perpStore';
import { chartPath, type ChartParams } from './chartParams';

const MAX_RESULTS = 12;
const NO_MATCHES: string[] = [];

/** Keys of the perpetuals whose coin or symbol contains the text, most traded first. */
function matchingKeys(quotes: Record<string, PerpRow>, text: string): string[] {
  const needle = text.trim().toUpperCase();
  if (needle === '') return NO_MATCHES;
  return Object.values(quotes)
    .filter((quote) => quote.coin.includes(needle) || quote.symbol.toUpperCase().includes(needle))
    .sort((a, b) => Number(b.coin === needle) - Number(a.coin === needle) || (b.quoteVolume24h ?? 0) - (a.quoteVolume24h ?? 0))
    .slice(0, MAX_RESULTS)
    .map((quote) => quote.key);
}

/** Search any perpetual on either exchange and open its chart, keeping the chosen interval. */
export function SymbolPicker({ params }: { params: ChartParams }) {
  const [text, setText] = useState('');
  const inputId = useId();
  const keys = usePerpStore(useShallow((state) => matchingKeys(state.rows, text)));
  const quotes = usePerpStore.getState().rows;
  return (
    <div className="symbol-picker">
      <label className="field" htmlFor={inputId}>
        Find a perpetual
        <input id={inputId} type="search" value={text} placeholder="BTC, ETH-USDT…" autoComplete="off" onChange={(event) => setText(event.target.value)} />
      </label>
      {text.trim() !== '' && (
        <ul className="picker-results" aria-label="Matching perpetuals">
          {keys.length === 0 && <li className="empty-state">No perpetual matches “{text.trim()}”.</li>}
          {keys.map((key) => {
            const quote = quotes[key];
            if (!quote) return null;
            return (
              <li key={key}>
                <Link to={chartPath(quote.exchange, quote.symbol, params)} onClick={() => setText('')}>
                  {quote.symbol} <span className="muted">{EXCHANGE_LABEL[quote.exchange]}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
