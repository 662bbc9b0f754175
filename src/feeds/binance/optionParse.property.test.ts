import { describe } from 'vitest';
import { isRecord } from '../numbers';
import { itemParserProperties, itemsOrSelf } from '../testing/parserProperties';
import optionMarkPriceLive from './fixtures/optionMarkPrice-live.json';
import optionMarkPrice from './fixtures/optionMarkPrice.json';
import { parseOptionExchangeInfo, parseOptionMarkPrices } from './optionParse';

describe('Binance parseOptionMarkPrices, as a property', () => {
  itemParserProperties({
    parse: parseOptionMarkPrices,
    samples: [optionMarkPriceLive, optionMarkPrice],
    itemsOf: itemsOrSelf,
    eventsPerItem: 3,
  });
});

// One `optionSymbols` entry as in Binance's options exchangeInfo docs (no recorded answer yet).
const optionSymbol = {
  expiryDate: 1763625600000, symbol: 'BTC-251120-126000-C', side: 'CALL', strikePrice: '126000',
  underlying: 'BTCUSDT', unit: 1, quoteAsset: 'USDT', status: 'TRADING',
};

describe('Binance parseOptionExchangeInfo, as a property', () => {
  itemParserProperties({
    parse: parseOptionExchangeInfo,
    samples: [{ optionSymbols: [optionSymbol, { ...optionSymbol, symbol: 'ETH-251120-4000-P', side: 'PUT' }] }],
    itemsOf: (body) => (isRecord(body) && Array.isArray(body.optionSymbols) ? body.optionSymbols : null),
    skips: (item) => isRecord(item) && item.status !== undefined && item.status !== 'TRADING',
  });
});
