import { useId } from 'react';
import { EXCHANGE_LABEL, EXCHANGES, type ExchangeId } from '../../domain/exchange';
import { CHAIN_COLUMNS, type ChainColumnId } from './chainColumns';

interface OptionsControlsProps {
  exchange: ExchangeId;
  underlyings: readonly string[];
  underlying: string | null;
  /** The exchange cannot be reached: its list is not coming, so the empty menu says so rather than loading. */
  unreachable: boolean;
  hidden: ReadonlySet<ChainColumnId>;
  onExchange: (exchange: ExchangeId) => void;
  onUnderlying: (underlying: string) => void;
  onToggleColumn: (id: ChainColumnId) => void;
}

export function OptionsControls({ exchange, underlyings, underlying, unreachable, hidden, onExchange, onUnderlying, onToggleColumn }: OptionsControlsProps) {
  const id = useId();
  const choices = underlying !== null && !underlyings.includes(underlying) ? [underlying, ...underlyings] : underlyings;
  return (
    <div className="controls">
      <fieldset className="segmented">
        <legend>Exchange</legend>
        {EXCHANGES.map((value) => (
          <label key={value} className={exchange === value ? 'selected' : ''}>
            <input type="radio" name={`${id}-exchange`} value={value} checked={exchange === value} onChange={() => onExchange(value)} />
            {EXCHANGE_LABEL[value]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        Underlying
        <select value={underlying ?? ''} onChange={(event) => onUnderlying(event.target.value)} disabled={choices.length === 0}>
          {choices.length === 0 && <option value="">{unreachable ? 'None: not reachable' : 'Loading…'}</option>}
          {choices.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </label>
      <details className="column-chooser">
        <summary className="button">Columns</summary>
        <fieldset className="checks">
          <legend className="visually-hidden">Columns shown on both sides</legend>
          {CHAIN_COLUMNS.map((column) => (
            <label key={column.id}>
              <input type="checkbox" checked={!hidden.has(column.id)} onChange={() => onToggleColumn(column.id)} />
              {column.label}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}
