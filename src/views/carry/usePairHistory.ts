import { useMemo } from 'react';
import { contractFunding } from '../../app/fundingHistory/spans';
import { pairSpreadStats, type PairSpreadStats } from '../../domain/fundingSpread';
import type { ContractFunding } from '../../domain/fundingStats';
import type { PerpRow } from '../../domain/perp';
import { useFundingHistoryStore } from '../../store/fundingHistoryStore';
import type { PairHistoryOf } from './carryRows';

/**
 * Each pair's spread statistics from its legs' cached funding history, as far as it has loaded.
 * Worked out once per pair while its legs' histories and the minute stay the same, not at every
 * live update of the rows.
 */
export function usePairHistory(now: number): PairHistoryOf {
  const contracts = useFundingHistoryStore((state) => state.contracts);
  const minute = Math.floor(now / 60_000) * 60_000;
  return useMemo(() => {
    const funding = new Map<string, ContractFunding | null>();
    const stats = new Map<string, PairSpreadStats | null>();
    const fundingOf = (row: PerpRow): ContractFunding | null => {
      const key = `${row.key}@${row.intervalHours}`;
      if (!funding.has(key)) {
        const span = contracts[row.key]?.span ?? null;
        funding.set(key, span && row.intervalHours !== null ? contractFunding(span, row.intervalHours) : null);
      }
      return funding.get(key)!;
    };
    return (long, short) => {
      const key = `${long.key}|${short.key}`;
      if (!stats.has(key)) {
        const longFunding = fundingOf(long);
        const shortFunding = fundingOf(short);
        stats.set(key, longFunding && shortFunding ? pairSpreadStats(longFunding, shortFunding, minute) : null);
      }
      return stats.get(key)!;
    };
  }, [contracts, minute]);
}
