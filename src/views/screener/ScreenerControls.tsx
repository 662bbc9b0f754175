import { EXCHANGE_LABEL, EXCHANGES, type ExchangeId } from '../../domain/exchange';
import { Segmented } from '../controls/Segmented';
import { MARKET_OPTIONS, type MarketChoice, type RateBasis, type ScreenerParams } from './screenerParams';

const QUOTES = ['', 'USDT', 'USDC', 'USD'];
const MIN_VOLUMES = [0, 100_000, 1_000_000, 10_000_000, 100_000_000];
const VOLUME_LABEL: Record<number, string> = { 0: 'Any', 100_000: '100K', 1_000_000: '1M', 10_000_000: '10M', 100_000_000: '100M' };

interface Props {
  params: ScreenerParams;
  onChange: (patch: Partial<ScreenerParams>) => void;
}

export function ScreenerControls({ params, onChange }: Props) {
  const toggleExchange = (exchange: ExchangeId, on: boolean) => {
    const next = on ? [...params.exchanges, exchange] : params.exchanges.filter((id) => id !== exchange);
    if (next.length > 0) onChange({ exchanges: EXCHANGES.filter((id) => next.includes(id)) });
  };
  return (
    <div className="controls" role="group" aria-label="Screener controls">
      <Segmented<RateBasis>
        legend="Funding rate"
        value={params.rate}
        options={[
          ['annualised', 'Annualised'],
          ['interval', 'Per interval'],
        ]}
        onChange={(rate) => onChange({ rate })}
      />
      <Segmented<MarketChoice>
        legend="Market"
        value={params.market}
        options={MARKET_OPTIONS}
        onChange={(market) => onChange({ market })}
      />
      <fieldset className="checks">
        <legend>Exchanges</legend>
        {EXCHANGES.map((exchange) => (
          <label key={exchange}>
            <input
              type="checkbox"
              checked={params.exchanges.includes(exchange)}
              onChange={(event) => toggleExchange(exchange, event.target.checked)}
            />
            {EXCHANGE_LABEL[exchange]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        Quote asset
        <select value={params.quote} onChange={(event) => onChange({ quote: event.target.value })}>
          {QUOTES.map((quote) => (
            <option key={quote} value={quote}>
              {quote || 'All'}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Minimum 24h volume
        <select value={params.minVolume} onChange={(event) => onChange({ minVolume: Number(event.target.value) })}>
          {MIN_VOLUMES.map((volume) => (
            <option key={volume} value={volume}>
              {VOLUME_LABEL[volume]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Search coin
        <input
          type="search"
          value={params.search}
          placeholder="BTC, PEPE…"
          maxLength={40}
          onChange={(event) => onChange({ search: event.target.value })}
        />
      </label>
    </div>
  );
}
