import type { OptionQuote } from '../domain/option';
import type { PerpQuote } from '../domain/perpetual';
import type { NumericField, RowCodec } from './rowsPatch';

/**
 * The codecs spell each column out rather than looping over names: a property read or write by a
 * name that changes every iteration goes through V8's slow (megamorphic) path, and this runs for
 * every changed row, thousands a second. The column lists give the order, which the tests hold
 * the spelled-out reads and writes to. A read builds its row from every field rather than
 * spreading the base (see copyQuote for why).
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
  others: ['key', 'exchange', 'symbol', 'base', 'quote', 'coin', 'indexId', 'intervalAssumed'],
  write(row, out, at) {
    let i = at;
    out[i++] = orNaN(row.mark);
    out[i++] = orNaN(row.index);
    out[i++] = orNaN(row.estimatedSettle);
    out[i++] = orNaN(row.premium);
    out[i++] = orNaN(row.fundingRate);
    out[i++] = orNaN(row.nextFundingRate);
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
    let i = at;
    return {
      key: base.key,
      exchange: base.exchange,
      symbol: base.symbol,
      base: base.base,
      quote: base.quote,
      coin: base.coin,
      indexId: base.indexId,
      intervalAssumed: base.intervalAssumed,
      mark: orNull(values[i++]!),
      index: orNull(values[i++]!),
      estimatedSettle: orNull(values[i++]!),
      premium: orNull(values[i++]!),
      fundingRate: orNull(values[i++]!),
      nextFundingRate: orNull(values[i++]!),
      intervalHours: orNull(values[i++]!),
      annualised: orNull(values[i++]!),
      nextFundingTime: orNull(values[i++]!),
      last: orNull(values[i++]!),
      open24h: orNull(values[i++]!),
      change24h: orNull(values[i++]!),
      quoteVolume24h: orNull(values[i++]!),
      markTime: values[i++]!,
      indexTime: values[i++]!,
      fundingTime: values[i++]!,
      tickerTime: values[i++]!,
      updatedAt: values[i++]!,
    };
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
    let i = at;
    return {
      key: base.key,
      exchange: base.exchange,
      symbol: base.symbol,
      underlying: base.underlying,
      base: base.base,
      expiry: base.expiry,
      strike: base.strike,
      callPut: base.callPut,
      priceCurrency: base.priceCurrency,
      mark: orNull(values[i++]!),
      bid: orNull(values[i++]!),
      ask: orNull(values[i++]!),
      bidSize: orNull(values[i++]!),
      askSize: orNull(values[i++]!),
      markIv: orNull(values[i++]!),
      bidIv: orNull(values[i++]!),
      askIv: orNull(values[i++]!),
      delta: orNull(values[i++]!),
      gamma: orNull(values[i++]!),
      theta: orNull(values[i++]!),
      vega: orNull(values[i++]!),
      underlyingPrice: orNull(values[i++]!),
      highLimit: orNull(values[i++]!),
      lowLimit: orNull(values[i++]!),
      greeksTime: values[i++]!,
      markTime: values[i++]!,
      bookTime: values[i++]!,
      updatedAt: values[i++]!,
    };
  },
};
