import { parseSort } from '../screener/screenerParams';
import type { MarketChoice } from '../screener/screenerParams';
import type { SortKey } from '../table/tableColumn';

/** Everything a shared Carry link must reproduce: sort, filters and the pair inspected. */
export interface CarryParams {
  sort: SortKey[];
  market: MarketChoice;
  /** The smaller leg's open interest at least this (USD); 0 for no minimum. */
  minOpenInterest: number;
  /** The smaller leg's 24 h volume at least this (USD); 0 for no minimum. */
  minVolume: number;
  /** The wider leg's bid/ask spread at most this (bps); null for no maximum. */
  maxSpreadBps: number | null;
  search: string;
  /** The pair whose detail is open (`coin:margin`), or null. */
  pair: string | null;
}

export const DEFAULT_CARRY_SORT: SortKey[] = [{ id: 'net', desc: true }];

const MARKETS: readonly MarketChoice[] = ['all', 'crypto', 'tradfi'];
const PAIR_KEY = /^[A-Z0-9]{1,20}:(linear|inverse)$/;

function amount(value: string | null): number {
  const parsed = Number(value ?? '0');
  return Number.isFinite(parsed) && parsed > 0 ? parsed : 0;
}

export function parseCarryParams(search: URLSearchParams): CarryParams {
  const maxSpread = search.get('maxSpread');
  const maxSpreadBps = maxSpread === null || maxSpread === '' ? NaN : Number(maxSpread);
  const pair = search.get('pair');
  return {
    sort: parseSort(search.get('sort'), DEFAULT_CARRY_SORT),
    market: MARKETS.find((choice) => choice === search.get('market')) ?? 'all',
    minOpenInterest: amount(search.get('minOi')),
    minVolume: amount(search.get('minVol')),
    maxSpreadBps: Number.isFinite(maxSpreadBps) && maxSpreadBps >= 0 ? maxSpreadBps : null,
    search: (search.get('q') ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 20),
    pair: pair !== null && PAIR_KEY.test(pair) ? pair : null,
  };
}

/** The URL form of the params, leaving defaults out so links stay short. */
export function carrySearch(params: CarryParams): URLSearchParams {
  const search = new URLSearchParams();
  const sort = params.sort.map((key) => `${key.id}.${key.desc ? 'desc' : 'asc'}`).join(',');
  if (sort !== DEFAULT_CARRY_SORT.map((key) => `${key.id}.${key.desc ? 'desc' : 'asc'}`).join(',')) search.set('sort', sort);
  if (params.market !== 'all') search.set('market', params.market);
  if (params.minOpenInterest > 0) search.set('minOi', String(params.minOpenInterest));
  if (params.minVolume > 0) search.set('minVol', String(params.minVolume));
  if (params.maxSpreadBps !== null) search.set('maxSpread', String(params.maxSpreadBps));
  if (params.search) search.set('q', params.search);
  if (params.pair) search.set('pair', params.pair);
  return search;
}
