import type { OptionQuote } from '../domain/option';
import type { PerpQuote } from '../domain/perpetual';
import type { NumericField, RowCodec } from './rowsPatch';

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
};
