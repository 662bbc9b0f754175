import { describe, expect, it } from 'vitest';
import { copyQuote, type PerpQuote } from './perp';

describe('copyQuote', () => {
  it('copies every field from its own field, into a new object', () => {
    // Every number distinct, so a field copied from the wrong one shows.
    const row: PerpQuote = {
      exchange: 'okx', symbol: 'BTC-USDT-SWAP', base: 'BTC', quote: 'USDT', coin: 'BTC', market: 'tradfi', margin: 'inverse', key: 'okx:BTC-USDT-SWAP', indexId: 'BTC-USDT',
      mark: 1, index: 2, estimatedSettle: 3, premium: 4, fundingRate: 5, nextFundingRate: 6, intervalHours: 7, intervalAssumed: true,
      annualised: 8, nextFundingTime: 9, last: 10, open24h: 11, change24h: 12, quoteVolume24h: 13,
      markTime: 14, indexTime: 15, fundingTime: 16, tickerTime: 17, updatedAt: 18, settledFundingRate: 19, lastSettlementTime: 20,
    };
    const copy = copyQuote(row);
    expect(copy).toEqual(row);
    expect(copy).not.toBe(row);
  });
});
