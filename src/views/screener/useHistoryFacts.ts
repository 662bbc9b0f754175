import { useMemo, useRef } from 'react';
import { contractFunding } from '../../app/fundingHistory/spans';
import type { PerpRow } from '../../domain/perp';
import { intervalChangeText } from '../../domain/perpFacts';
import { useFundingHistoryStore, type SettlementSpan } from '../../store/fundingHistoryStore';

const HOUR_MS = 3_600_000;

/** What a row's cached funding history adds to the screener: null while none of it is held. */
export interface HistoryFacts {
  /** The newest settled rate in the history. */
  settledRateOf: (row: PerpRow) => number | null;
  /** "8 h → 4 h on 12 Nov" when the interval changed in the last 30 days. */
  intervalChangeOf: (row: PerpRow) => string | null;
}

/**
 * The history facts of the rows whose history some view asks for. A span's interval change is
 * worked out once per span, interval and hour (the 30-day window moves by the hour).
 */
export function useHistoryFacts(now: number): HistoryFacts {
  const contracts = useFundingHistoryStore((state) => state.contracts);
  const hour = Math.floor(now / HOUR_MS) * HOUR_MS;
  const changes = useRef(new WeakMap<SettlementSpan, Map<string, string | null>>());
  return useMemo(() => {
    const spanOf = (row: PerpRow) => contracts[row.key]?.span ?? null;
    return {
      settledRateOf: (row) => spanOf(row)?.settlements.at(-1)?.rate ?? null,
      intervalChangeOf: (row) => {
        const span = spanOf(row);
        if (!span || row.intervalHours === null) return null;
        let byInterval = changes.current.get(span);
        if (!byInterval) changes.current.set(span, (byInterval = new Map()));
        const key = `${row.intervalHours}@${hour}`;
        if (!byInterval.has(key)) byInterval.set(key, intervalChangeText(contractFunding(span, row.intervalHours), hour));
        return byInterval.get(key)!;
      },
    };
  }, [contracts, hour]);
}
