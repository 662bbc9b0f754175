import { contractFunding } from '../../app/fundingHistory/spans';
import type { PerpRow } from '../../domain/perp';
import { intervalChangeText } from '../../domain/perpFacts';
import { useFundingHistoryStore, type SettlementSpan } from '../../store/fundingHistoryStore';
import { formatPercent, signClass } from '../format/numbers';

// What a row's cached funding history adds to the screener. Each cell reads its own row's history,
// so a load landing re-renders that cell alone, not the table's columns and every row with them.

const HOUR_MS = 3_600_000;

const newestSettledOf = (span: SettlementSpan | null | undefined): number | null => span?.settlements.at(-1)?.rate ?? null;

/** OKX streams the last settled rate; Binance's is the newest settlement of the row's funding history (as now held: for sorting and export). */
export function settledRateNow(quote: PerpRow): number | null {
  return quote.settledFundingRate ?? newestSettledOf(useFundingHistoryStore.getState().contracts[quote.key]?.span);
}

/** The last settled rate shown, as `settledRateNow`, re-rendered when the row's history moves. */
export function SettledCell({ quote, value, digits }: { quote: PerpRow; value: (rate: number | null) => number | null; digits: number }) {
  const fromHistory = useFundingHistoryStore((state) => (quote.settledFundingRate === null ? newestSettledOf(state.contracts[quote.key]?.span) : null));
  const rate = quote.settledFundingRate ?? fromHistory;
  return <span className={signClass(rate)}>{formatPercent(value(rate), digits)}</span>;
}

/** A span's newest interval change, worked out once per span, interval and hour (the 30-day window moves by the hour). */
const changes = new WeakMap<SettlementSpan, Map<string, string | null>>();

function intervalChangeOf(span: SettlementSpan, intervalHours: number, now: number): string | null {
  const hour = Math.floor(now / HOUR_MS) * HOUR_MS;
  let byInterval = changes.get(span);
  if (!byInterval) changes.set(span, (byInterval = new Map()));
  const key = `${intervalHours}@${hour}`;
  if (!byInterval.has(key)) byInterval.set(key, intervalChangeText(contractFunding(span, intervalHours), hour));
  return byInterval.get(key)!;
}

/** "8 h → 4 h on 12 Nov" beside the interval when the row's history shows it changed in the last 30 days. */
export function IntervalChange({ quote }: { quote: PerpRow }) {
  const span = useFundingHistoryStore((state) => state.contracts[quote.key]?.span ?? null);
  const change = span && quote.intervalHours !== null ? intervalChangeOf(span, quote.intervalHours, Date.now()) : null;
  return change === null ? null : <span className="interval-change"> {change}</span>;
}
