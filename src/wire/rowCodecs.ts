import type { DatedFutureRow } from '../domain/datedFuture';
import type { OptionRow } from '../domain/option';
import type { PerpRow } from '../domain/perp';

/** The fields of `Row` that hold a number or null: the ones a codec may carry as columns. */
export type NumericField<Row> = { [Field in keyof Row]-?: Row[Field] extends number | null ? Field : never }[keyof Row] & string;

/** How a row crosses to the page: numeric fields as Float64Array columns (NaN for null), others only with the row whole. */
export interface RowCodec<Row> {
  columns: readonly NumericField<Row>[];
  others: readonly (keyof Row & string)[];
  write(row: Row, out: Float64Array, at: number): void;
  /** A copy of `base` with the columns from `at` laid over it. */
  read(base: Row, values: Float64Array, at: number): Row;
}

export function rowCodec<Row extends object>(columns: readonly NumericField<Row>[], others: readonly (keyof Row & string)[]): RowCodec<Row> {
  return {
    columns,
    others,
    write(row, out, at) {
      for (let index = 0; index < columns.length; index++) {
        const value = row[columns[index]!] as number | null;
        out[at + index] = value === null ? Number.NaN : value;
      }
    },
    read(base, values, at) {
      const row = { ...base } as Record<string, unknown>;
      for (let index = 0; index < columns.length; index++) {
        const value = values[at + index]!;
        row[columns[index]!] = Number.isNaN(value) ? null : value;
      }
      return row as Row;
    },
  };
}

export const PERP_CODEC = rowCodec<PerpRow>(
  [
    'mark', 'index', 'estimatedSettle', 'premium', 'fundingRate', 'nextFundingRate', 'settledFundingRate', 'lastSettlementTime',
    'fundingCap', 'fundingFloor', 'intervalHours', 'annualised', 'nextFundingTime', 'last', 'open24h', 'change24h', 'quoteVolume24h',
    'bid', 'ask', 'openInterest', 'openInterestUsd',
    'markTime', 'indexTime', 'fundingTime', 'tickerTime', 'bookTopTime', 'openInterestTime', 'streamedAt',
  ],
  ['key', 'exchange', 'symbol', 'base', 'quoteAsset', 'coin', 'market', 'margin', 'indexId', 'intervalAssumed'],
);

export const OPTION_CODEC = rowCodec<OptionRow>(
  [
    'mark', 'bid', 'ask', 'bidSize', 'askSize', 'markIv', 'bidIv', 'askIv', 'delta', 'gamma', 'theta', 'vega',
    'underlyingPrice', 'highLimit', 'lowLimit', 'greeksTime', 'markTime', 'bookTime', 'appliedAt',
  ],
  ['key', 'exchange', 'symbol', 'underlying', 'base', 'expiry', 'strike', 'callPut', 'priceCurrency'],
);

export const DATED_FUTURE_CODEC = rowCodec<DatedFutureRow>(
  ['mark', 'index', 'markTime', 'indexTime', 'streamedAt'],
  ['key', 'exchange', 'symbol', 'coin', 'margin', 'expiry', 'indexId'],
);
