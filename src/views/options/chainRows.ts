import { atmStrike, type OptionRow } from '../../domain/option';
import type { OptionChainRows } from '../../store/optionStore';
import { formatTime } from '../format/times';

export interface ExpiryTab {
  expiry: number;
  /** `2025-11-20`: the expiry's UTC date, as the URL carries it. */
  date: string;
  options: number;
}

/** One strike of an expiry: its call and put (either may be missing while the lists fill). */
export interface StrikeRow {
  strike: number;
  call: OptionRow | null;
  put: OptionRow | null;
}

export interface ExpiryChain {
  rows: StrikeRow[];
  /** The price the expiry is valued against (its forward), from its newest greeks. */
  underlyingPrice: number | null;
  atmStrike: number | null;
}

export function expiryDate(expiry: number): string {
  return formatTime(expiry, (date) => date.toISOString().slice(0, 10));
}

/** Expiries ordered by date, each with how many options it lists; expired ones (at `now` or before) left out. */
export function expiriesOf(chain: OptionChainRows | undefined, now: number): ExpiryTab[] {
  const counts = new Map<number, number>();
  for (const quote of Object.values(chain ?? {})) {
    if (quote.expiry > now) counts.set(quote.expiry, (counts.get(quote.expiry) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([expiry, options]) => ({ expiry, date: expiryDate(expiry), options }));
}

/**
 * The expiry to show for a requested date: that date if listed, else (it settled, or the link is
 * old) the next later one, else the last; the first when nothing was asked for.
 */
export function resolveExpiry(tabs: readonly ExpiryTab[], requested: string | null): ExpiryTab | null {
  if (tabs.length === 0) return null;
  if (requested === null) return tabs[0]!;
  return tabs.find((tab) => tab.date === requested) ?? tabs.find((tab) => tab.date > requested) ?? tabs[tabs.length - 1]!;
}

/** Calls and puts of one expiry side by side, strikes ascending, with the ATM strike. */
export function expiryChain(chain: OptionChainRows | undefined, expiry: number): ExpiryChain {
  const byStrike = new Map<number, StrikeRow>();
  let newest: OptionRow | null = null;
  for (const quote of Object.values(chain ?? {})) {
    if (quote.expiry !== expiry) continue;
    let row = byStrike.get(quote.strike);
    if (!row) {
      row = { strike: quote.strike, call: null, put: null };
      byStrike.set(quote.strike, row);
    }
    row[quote.callPut] = quote;
    if (quote.underlyingPrice !== null && (newest === null || quote.greeksTime > newest.greeksTime)) newest = quote;
  }
  const rows = [...byStrike.values()].sort((a, b) => a.strike - b.strike);
  const underlyingPrice = newest?.underlyingPrice ?? null;
  return { rows, underlyingPrice, atmStrike: atmStrike(rows.map((row) => row.strike), underlyingPrice) };
}
