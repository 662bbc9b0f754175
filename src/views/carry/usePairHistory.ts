import { useMemo, useRef } from 'react';
import { contractFunding } from '../../app/fundingHistory/spans';
import { pairSpreadStats, type PairSpreadStats } from '../../domain/fundingSpread';
import type { ContractFunding } from '../../domain/fundingStats';
import type { PerpRow } from '../../domain/perp';
import { useFundingHistoryStore, type ContractHistory } from '../../store/fundingHistoryStore';
import type { PairHistoryOf } from './carryRows';

type Span = NonNullable<ContractHistory['span']>;

interface PairEntry {
  long: Span;
  short: Span;
  minute: number;
  stats: PairSpreadStats;
}

/**
 * Each pair's spread statistics from its legs' cached funding history, as far as it has loaded.
 * A pair's are worked out again only when one of its legs' histories or the minute changes: while
 * histories load, each arrival recomputes the pairs it belongs to, not every pair.
 */
export function usePairHistory(now: number): PairHistoryOf {
  const contracts = useFundingHistoryStore((state) => state.contracts);
  const minute = Math.floor(now / 60_000) * 60_000;
  const fundingBySpan = useRef(new WeakMap<Span, Map<number, ContractFunding>>());
  const pairs = useRef(new Map<string, PairEntry>());
  return useMemo(() => {
    // Pairs no longer asked for (filtered out, delisted) drop out with each new memo, so the cache stays the size of the table.
    const held = pairs.current;
    const kept = new Map<string, PairEntry>();
    pairs.current = kept;
    const fundingOf = (span: Span, intervalHours: number): ContractFunding => {
      let byInterval = fundingBySpan.current.get(span);
      if (!byInterval) fundingBySpan.current.set(span, (byInterval = new Map()));
      let funding = byInterval.get(intervalHours);
      if (!funding) byInterval.set(intervalHours, (funding = contractFunding(span, intervalHours)));
      return funding;
    };
    return (long: PerpRow, short: PerpRow) => {
      const longSpan = contracts[long.key]?.span ?? null;
      const shortSpan = contracts[short.key]?.span ?? null;
      if (!longSpan || !shortSpan || long.intervalHours === null || short.intervalHours === null) return null;
      const key = `${long.key}|${short.key}`;
      const entry = kept.get(key) ?? held.get(key);
      const current = entry && entry.long === longSpan && entry.short === shortSpan && entry.minute === minute ? entry : null;
      const next = current ?? { long: longSpan, short: shortSpan, minute, stats: pairSpreadStats(fundingOf(longSpan, long.intervalHours), fundingOf(shortSpan, short.intervalHours), minute) };
      kept.set(key, next);
      return next.stats;
    };
  }, [contracts, minute]);
}
