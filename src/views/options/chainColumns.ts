import type { OptionRow } from '../../domain/option';
import { formatPrice, NO_VALUE } from '../format/numbers';

export type ChainColumnId = 'bid' | 'ask' | 'mark' | 'bidIv' | 'markIv' | 'askIv' | 'delta' | 'gamma' | 'theta' | 'vega';

export interface ChainColumn {
  id: ChainColumnId;
  label: string;
  /** Shown under the label; `{ccy}` is the chain's price currency. */
  unit: string;
  format: (quote: OptionRow) => string;
}

const percentFormats = [1, 2].map((digits) => new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const fixed3 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const significant4 = new Intl.NumberFormat('en-US', { minimumSignificantDigits: 4, maximumSignificantDigits: 4 });

function signed(text: string, value: number): string {
  return value < 0 ? `−${text.replace('-', '')}` : text;
}

/** An IV fraction as a percentage: 0.9408 → "94.1%" (or "94.08%" with 2 decimals). */
export function formatIv(value: number | null, decimals: 1 | 2 = 1): string {
  return value === null || !Number.isFinite(value) ? NO_VALUE : `${percentFormats[decimals - 1]!.format(value * 100)}%`;
}

export function formatDelta(value: number | null): string {
  return value === null || !Number.isFinite(value) ? NO_VALUE : signed(fixed3.format(value), value);
}

/** Gamma, theta and vega span many magnitudes across coins (BTC gamma 0.0000124, DOGE theta 0.0004): four significant digits. */
export function formatGreek(value: number | null): string {
  return value === null || !Number.isFinite(value) ? NO_VALUE : signed(significant4.format(value), value);
}

/**
 * Option prices: USDT to Binance's 3 decimals (2 from 1,000 up, more for sub-dollar options); coin
 * prices (OKX) to OKX's 0.0001 tick, or to 6 decimals for a mark, which is a model value finer than the tick.
 */
export function formatOptionPrice(value: number | null, currency: string, isMark = false): string {
  if (value === null) return NO_VALUE;
  if (currency !== 'USDT' && currency !== 'USD') return formatPrice(value, isMark ? 6 : 4);
  return formatPrice(value, value >= 1000 ? 2 : value >= 1 || value === 0 ? 3 : undefined);
}

/** Columns in reading order for the put side; the call side mirrors the groups around the strike. */
export const CHAIN_COLUMNS: readonly ChainColumn[] = [
  { id: 'bid', label: 'Bid', unit: '{ccy}', format: (q) => formatOptionPrice(q.bid, q.priceCurrency) },
  { id: 'ask', label: 'Ask', unit: '{ccy}', format: (q) => formatOptionPrice(q.ask, q.priceCurrency) },
  { id: 'mark', label: 'Mark', unit: '{ccy}', format: (q) => formatOptionPrice(q.mark, q.priceCurrency, true) },
  { id: 'bidIv', label: 'Bid IV', unit: '%', format: (q) => formatIv(q.bidIv) },
  { id: 'markIv', label: 'Mark IV', unit: '%', format: (q) => formatIv(q.markIv) },
  { id: 'askIv', label: 'Ask IV', unit: '%', format: (q) => formatIv(q.askIv) },
  { id: 'delta', label: 'Delta', unit: 'per $1', format: (q) => formatDelta(q.delta) },
  { id: 'gamma', label: 'Gamma', unit: 'Δ per $1', format: (q) => formatGreek(q.gamma) },
  { id: 'theta', label: 'Theta', unit: '$ per day', format: (q) => formatGreek(q.theta) },
  { id: 'vega', label: 'Vega', unit: '$ per vol pt', format: (q) => formatGreek(q.vega) },
];

const GROUPS: readonly (readonly ChainColumnId[])[] = [
  ['bid', 'ask', 'mark'],
  ['bidIv', 'markIv', 'askIv'],
  ['delta', 'gamma', 'theta', 'vega'],
];

/** Visible columns per side: puts read prices → vols → greeks outwards; calls the same, mirrored. */
export function sideColumns(hidden: ReadonlySet<ChainColumnId>): { calls: ChainColumn[]; puts: ChainColumn[] } {
  const byId = new Map(CHAIN_COLUMNS.map((column) => [column.id, column]));
  const visible = (ids: readonly ChainColumnId[]) => ids.filter((id) => !hidden.has(id)).map((id) => byId.get(id)!);
  const puts = GROUPS.flatMap(visible);
  const calls = [...GROUPS].reverse().flatMap((group) => (group.includes('delta') ? visible([...group].reverse()) : visible(group)));
  return { calls, puts };
}
