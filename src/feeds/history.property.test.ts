import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFundingHistory as binanceFundingHistory } from './binance/history';
import { parseCandleRows } from './candles';
import { parseFundingHistory as okxFundingHistory } from './okx/history';
import { arbitraryLike, mutatedFrom, propertyParameters } from './testing/jsonMutations';
import { expectSane, itemParserProperties } from './testing/parserProperties';

// Answers as in the venues' docs (no recorded answers yet): Binance klines, OKX candles, both funding histories.
const binanceKlines = [[1591256400000, '9653.69440000', '9653.69640000', '9651.38600000', '9651.55200000', '0', 1591256459999, '0', 60, '0', '0', '0']];
const okxCandles = [['1597026383085', '3.721', '3.743', '3.677', '3.708', '0', '0', '0', '1']];
const binanceFunding = [{ symbol: 'BTCUSDT', fundingRate: '-0.03750000', fundingTime: 1570636800000, markPrice: '34287.54619963' }];
const okxFunding = [{ instId: 'BTC-USDT-SWAP', fundingRate: '0.00011', realizedRate: '0.0001', fundingTime: '1703059200000', method: 'current_period' }];

describe('parseCandleRows, as a property', () => {
  const check = (rows: unknown) => {
    const parsed = parseCandleRows(rows);
    if (parsed === null) {
      expect(Array.isArray(rows)).toBe(false);
      return;
    }
    for (const candle of parsed.candles) expectSane(candle);
    expect(parsed.candles.length + parsed.rejected).toBe((rows as unknown[]).length);
  };
  it('keeps its rules on mutated recorded bars', () => {
    fc.assert(fc.property(mutatedFrom([binanceKlines, okxCandles]), check), propertyParameters);
  });
  it('keeps its rules on arbitrary JSON and arbitrary field values', () => {
    fc.assert(fc.property(arbitraryLike([binanceKlines, okxCandles]), check), propertyParameters);
  });
});

const itemsOfList = (body: unknown) => (Array.isArray(body) ? body : null);

describe('Binance parseFundingHistory, as a property', () => {
  itemParserProperties({ parse: binanceFundingHistory, samples: [binanceFunding], itemsOf: itemsOfList });
});

describe('OKX parseFundingHistory, as a property', () => {
  itemParserProperties({ parse: okxFundingHistory, samples: [okxFunding], itemsOf: itemsOfList });
});
