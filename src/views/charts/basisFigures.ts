import type { DatedFutureRow } from '../../domain/datedFuture';
import type { ExchangeId } from '../../domain/exchange';
import type { PerpRow } from '../../domain/perp';
import { annualisedBasis } from '../../domain/termStructure/basis';
import type { CarryQuote } from '../../domain/termStructure/carryChoice';
import { isStale } from '../screener/staleness';

const DAY_MS = 86_400_000;

export interface FutureFigure {
  row: DatedFutureRow;
  /** Days to delivery and the annualised basis, both at the quote's own time (its mark's event time). */
  days: number | null;
  basis: number | null;
  stale: boolean;
  /** How long ago its stream last updated it (local ms); null before it has. */
  age: number | null;
}

export interface PerpFigure {
  row: PerpRow;
  median7d: number | null;
  stale: boolean;
  age: number | null;
}

export interface BasisFigures {
  futures: FutureFigure[];
  perps: PerpFigure[];
}

type Silent = Readonly<Record<ExchangeId, boolean>>;

const ageOf = (streamedAt: number, now: number): number | null => (streamedAt > 0 ? Math.max(0, now - streamedAt) : null);

/** What the basis panel shows of each quote; `now` is the local clock, for staleness and ages. */
export function basisFigures(futures: readonly DatedFutureRow[], perps: readonly { row: PerpRow; median7d: number | null }[], now: number, silent: Silent): BasisFigures {
  return {
    futures: futures.map((row) => {
      const at = row.markTime;
      const priced = at > 0 && row.expiry > at;
      return {
        row,
        days: priced ? (row.expiry - at) / DAY_MS : null,
        basis: priced ? annualisedBasis(row.mark, row.index, row.expiry, at) : null,
        stale: isStale(row, now, silent),
        age: ageOf(row.streamedAt, now),
      };
    }),
    perps: perps.map(({ row, median7d }) => ({ row, median7d, stale: isStale(row, now, silent), age: ageOf(row.streamedAt, now) })),
  };
}

/** The figures as the carry choice reads them. */
export function carryQuotes({ futures, perps }: BasisFigures): CarryQuote[] {
  return [
    ...perps.map(({ row, median7d, stale }): CarryQuote => ({ kind: 'perp', exchange: row.exchange, symbol: row.symbol, current: row.annualised, median7d, stale })),
    ...futures.map(({ row, basis, stale }): CarryQuote => ({ kind: 'future', exchange: row.exchange, symbol: row.symbol, expiry: row.expiry, basis, stale })),
  ];
}
