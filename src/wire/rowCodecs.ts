import { copyOptionQuote, type OptionQuote } from '../domain/option';
import { copyQuote, type PerpQuote } from '../domain/perp';
import type { NumericField, RowCodec } from './rowChanges';

/**
 * The codecs spell each column out rather than looping over names: a property read or write by a
 * name that changes every iteration goes through V8's slow (megamorphic) path, and this runs for
 * every changed row, thousands a second. The column lists give the order, which the tests hold
 * the spelled-out reads and writes to. A read copies its base with copyQuote / copyOptionQuote
 * rather than a spread (see copyQuote for why).
 */
const orNaN = (value: number | null): number => (value === null ? Number.NaN : value);
const orNull = (value: number): number | null => (Number.isNaN(value) ? null : value);

const PERP_COLUMNS = [
  'mark',
  'index',
  'estimatedSettle',
  'premium',
  'fundingRate',
  'nextFundingRate',
  'settledFundingRate',
  'lastSettlementTime',
  'intervalHours',
  'annualised',
  'nextFundingTime',
  'last',
  'open24h',
  'change24h',
  'quoteVolume24h',
  'markTime',
  'indexTime',
  'fundingTime',
  'tickerTime',
  'updatedAt',
] as const satisfies readonly NumericField<PerpQuote>[];

export const PERP_CODEC: RowCodec<PerpQuote> = {
  columns: PERP_COLUMNS,
  others: ['key', 'exchange', 'symbol', 'base', 'quote', 'coin', 'market', 'margin', 'indexId', 'intervalAssumed'],
  write(row, out, at) {
    let i = at;
    out[i++] = orNaN(row.mark);
    out[i++] = orNaN(row.index);
    out[i++] = orNaN(row.estimatedSettle);
    out[i++] = orNaN(row.premium);
    out[i++] = orNaN(row.fundingRate);
    out[i++] = orNaN(row.nextFundingRate);
    out[i++] = orNaN(row.settledFundingRate);
    out[i++] = orNaN(row.lastSettlementTime);
    out[i++] = orNaN(row.intervalHours);
    out[i++] = orNaN(row.annualised);
    out[i++] = orNaN(row.nextFundingTime);
    out[i++] = orNaN(row.last);
    out[i++] = orNaN(row.open24h);
    out[i++] = orNaN(row.change24h);
    out[i++] = orNaN(row.quoteVolume24h);
    out[i++] = row.markTime;
    out[i++] = row.indexTime;
    out[i++] = row.fundingTime;
    out[i++] = row.tickerTime;
    out[i++] = row.updatedAt;
  },
  read(base, values, at) {
    const row = copyQuote(base);
    let i = at;
    row.mark = orNull(values[i++]!);
    row.index = orNull(values[i++]!);
    row.estimatedSettle = orNull(values[i++]!);
    row.premium = orNull(values[i++]!);
    row.fundingRate = orNull(values[i++]!);
    row.nextFundingRate = orNull(values[i++]!);
    row.settledFundingRate = orNull(values[i++]!);
    row.lastSettlementTime = orNull(values[i++]!);
    row.intervalHours = orNull(values[i++]!);
    row.annualised = orNull(values[i++]!);
    row.nextFundingTime = orNull(values[i++]!);
    row.last = orNull(values[i++]!);
    row.open24h = orNull(values[i++]!);
    row.change24h = orNull(values[i++]!);
    row.quoteVolume24h = orNull(values[i++]!);
    row.markTime = values[i++]!;
    row.indexTime = values[i++]!;
    row.fundingTime = values[i++]!;
    row.tickerTime = values[i++]!;
    row.updatedAt = values[i++]!;
    return row;
  },
};

const OPTION_COLUMNS = [
  'mark',
  'bid',
  'ask',
  'bidSize',
  'askSize',
  'markIv',
  'bidIv',
  'askIv',
  'delta',
  'gamma',
  'theta',
  'vega',
  'underlyingPrice',
  'highLimit',
  'lowLimit',
  'greeksTime',
  'markTime',
  'bookTime',
  'updatedAt',
] as const satisfies readonly NumericField<OptionQuote>[];

export const OPTION_CODEC: RowCodec<OptionQuote> = {
  columns: OPTION_COLUMNS,
  others: ['key', 'exchange', 'symbol', 'underlying', 'base', 'expiry', 'strike', 'callPut', 'priceCurrency'],
  write(row, out, at) {
    let i = at;
    out[i++] = orNaN(row.mark);
    out[i++] = orNaN(row.bid);
    out[i++] = orNaN(row.ask);
    out[i++] = orNaN(row.bidSize);
    out[i++] = orNaN(row.askSize);
    out[i++] = orNaN(row.markIv);
    out[i++] = orNaN(row.bidIv);
    out[i++] = orNaN(row.askIv);
    out[i++] = orNaN(row.delta);
    out[i++] = orNaN(row.gamma);
    out[i++] = orNaN(row.theta);
    out[i++] = orNaN(row.vega);
    out[i++] = orNaN(row.underlyingPrice);
    out[i++] = orNaN(row.highLimit);
    out[i++] = orNaN(row.lowLimit);
    out[i++] = row.greeksTime;
    out[i++] = row.markTime;
    out[i++] = row.bookTime;
    out[i++] = row.updatedAt;
  },
  read(base, values, at) {
    const row = copyOptionQuote(base);
    let i = at;
    row.mark = orNull(values[i++]!);
    row.bid = orNull(values[i++]!);
    row.ask = orNull(values[i++]!);
    row.bidSize = orNull(values[i++]!);
    row.askSize = orNull(values[i++]!);
    row.markIv = orNull(values[i++]!);
    row.bidIv = orNull(values[i++]!);
    row.askIv = orNull(values[i++]!);
    row.delta = orNull(values[i++]!);
    row.gamma = orNull(values[i++]!);
    row.theta = orNull(values[i++]!);
    row.vega = orNull(values[i++]!);
    row.underlyingPrice = orNull(values[i++]!);
    row.highLimit = orNull(values[i++]!);
    row.lowLimit = orNull(values[i++]!);
    row.greeksTime = values[i++]!;
    row.markTime = values[i++]!;
    row.bookTime = values[i++]!;
    row.updatedAt = values[i++]!;
    return row;
  },
};
