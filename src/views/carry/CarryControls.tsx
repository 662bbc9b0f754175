import { Segmented } from '../controls/Segmented';
import { MARKET_OPTIONS, type MarketChoice } from '../screener/screenerParams';
import type { CarryParams } from './carryParams';

const MIN_AMOUNTS = [0, 100_000, 1_000_000, 10_000_000, 100_000_000];
const AMOUNT_LABEL: Record<number, string> = { 0: 'Any', 100_000: '100K', 1_000_000: '1M', 10_000_000: '10M', 100_000_000: '100M' };
const MAX_SPREADS: (number | null)[] = [null, 1, 2, 5, 10];

interface Props {
  params: CarryParams;
  onChange: (patch: Partial<CarryParams>) => void;
}

function AmountSelect(props: { label: string; value: number; onChange: (value: number) => void }) {
  return (
    <label className="field">
      {props.label}
      <select value={props.value} onChange={(event) => props.onChange(Number(event.target.value))}>
        {MIN_AMOUNTS.map((amount) => (
          <option key={amount} value={amount}>
            {AMOUNT_LABEL[amount]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CarryControls({ params, onChange }: Props) {
  return (
    <div className="controls" role="group" aria-label="Carry filters">
      <Segmented<MarketChoice>
        legend="Market"
        value={params.market}
        options={MARKET_OPTIONS}
        onChange={(market) => onChange({ market })}
      />
      <AmountSelect label="Minimum open interest (USD)" value={params.minOpenInterest} onChange={(minOpenInterest) => onChange({ minOpenInterest })} />
      <AmountSelect label="Minimum 24h volume (USD)" value={params.minVolume} onChange={(minVolume) => onChange({ minVolume })} />
      <label className="field">
        Maximum bid/ask spread (bps)
        <select
          value={params.maxSpreadBps ?? ''}
          onChange={(event) => onChange({ maxSpreadBps: event.target.value === '' ? null : Number(event.target.value) })}
        >
          {MAX_SPREADS.map((spread) => (
            <option key={spread ?? 'any'} value={spread ?? ''}>
              {spread ?? 'Any'}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Search coin
        <input type="search" value={params.search} placeholder="BTC, PEPE…" maxLength={20} onChange={(event) => onChange({ search: event.target.value.toUpperCase() })} />
      </label>
    </div>
  );
}
