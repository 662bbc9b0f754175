import { EXCHANGES, type ExchangeId } from '../../domain/exchange';
import type { PerpMarket } from '../../domain/perp';
import type { SortKey } from '../table/tableColumn';

export type RateBasis = 'interval' | 'annualised';
export type MarketChoice = PerpMarket | 'all';

const MARKET_CHOICES: readonly MarketChoice[] = ['all', 'crypto', 'tradfi'];

/** The market choice both the screener and the Carry view offer, as labelled. */
export const MARKET_OPTIONS: Array<[MarketChoice, string]> = [
  ['all', 'All'],
  ['crypto', 'Crypto'],
  ['tradfi', 'TradFi'],
];

/** Everything a shared screener link must reproduce: rate basis, sort and filters. */
export interface ScreenerParams {
  rate: RateBasis;
  sort: SortKey[];
  exchanges: ExchangeId[];
  /** Crypto or TradFi perpetuals only, or both. */
  market: MarketChoice;
  /** Quote asset, or '' for all. */
  quote: string;
  /** Minimum 24 h quote volume; 0 for no minimum. */
  minVolume: number;
  search: string;
}

export const DEFAULT_SORT: SortKey[] = [{ id: 'funding', desc: true }];

export function parseSort(value: string | null, fallback: SortKey[]): SortKey[] {
  if (!value) return fallback;
  const keys = value
    .split(',')
    .map((part) => {
      const [id, direction] = part.split('.');
      return id && /^[a-zA-Z]+$/.test(id) && (direction === 'asc' || direction === 'desc') ? { id, desc: direction === 'desc' } : null;
    })
    .filter((key): key is SortKey => key !== null);
  return keys.length > 0 ? keys : fallback;
}

export function parseScreenerParams(search: URLSearchParams): ScreenerParams {
  const exchanges = (search.get('ex') ?? '')
    .split(',')
    .filter((id): id is ExchangeId => (EXCHANGES as readonly string[]).includes(id));
  const minVolume = Number(search.get('minVol') ?? '0');
  const market = MARKET_CHOICES.find((choice) => choice === search.get('market')) ?? 'all';
  return {
    rate: search.get('rate') === 'interval' ? 'interval' : 'annualised',
    sort: parseSort(search.get('sort'), DEFAULT_SORT),
    exchanges: exchanges.length > 0 ? exchanges : [...EXCHANGES],
    market,
    quote: (search.get('quote') ?? '').toUpperCase().replace(/[^A-Z0-9]/g, ''),
    minVolume: Number.isFinite(minVolume) && minVolume > 0 ? minVolume : 0,
    search: (search.get('q') ?? '').slice(0, 40),
  };
}

/** The URL form of the params, leaving defaults out so links stay short. */
export function screenerSearch(params: ScreenerParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.rate !== 'annualised') search.set('rate', params.rate);
  const sort = params.sort.map((key) => `${key.id}.${key.desc ? 'desc' : 'asc'}`).join(',');
  const defaultSort = DEFAULT_SORT.map((key) => `${key.id}.${key.desc ? 'desc' : 'asc'}`).join(',');
  if (sort !== defaultSort) search.set('sort', sort);
  if (params.exchanges.length !== EXCHANGES.length) search.set('ex', params.exchanges.join(','));
  if (params.market !== 'all') search.set('market', params.market);
  if (params.quote) search.set('quote', params.quote);
  if (params.minVolume > 0) search.set('minVol', String(params.minVolume));
  if (params.search) search.set('q', params.search);
  return search;
}
