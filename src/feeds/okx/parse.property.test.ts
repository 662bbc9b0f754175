import { describe } from 'vitest';
import { isRecord } from '../numbers';
import { itemParserProperties, itemsOrSelf, type ItemParserCase } from '../testing/parserProperties';
import markPricePush from './fixtures/markPricePush.json';
import liveFundingPush from './fixtures/okx-funding-rate-push.json';
import liveSwapEntry from './fixtures/okx-instruments-swap-entry.json';
import liveMarkPush from './fixtures/okx-mark-price-push.json';
import liveTickersPush2025 from './fixtures/okx-tickers-push-swap-2025.json';
import liveTickersPush from './fixtures/okx-tickers-push-swap.json';
import {
  parseFundingRates,
  parseFundingRatesResponse,
  parseIndexTickers,
  parseIndexTickersResponse,
  parseMarkPrices,
  parseSwapInstruments,
  parseSwapInstrumentsResponse,
  parseTickers,
  parseTickersResponse,
} from './parse';

/** The items of a REST answer whose envelope is OKX's success; null for any other body. */
const responseItems = (body: unknown) => (isRecord(body) && body.code === '0' && Array.isArray(body.data) ? body.data : null);
const answer = (data: unknown) => ({ code: '0', msg: '', data });

// An `index-tickers` item as in OKX's docs (no recorded push yet).
const indexTicker = { instId: 'BTC-USDT', idxPx: '43350', high24h: '43649.7', sodUtc0: '43444.1', open24h: '43640.8', low24h: '43261.9', sodUtc8: '43328.7', ts: '1649419644492' };

const channels: ItemParserCase[] = [
  { name: 'parseMarkPrices', parse: parseMarkPrices, samples: [liveMarkPush.data, markPricePush.data] },
  { name: 'parseFundingRates', parse: parseFundingRates, samples: [liveFundingPush.data] },
  { name: 'parseTickers', parse: parseTickers, samples: [liveTickersPush.data, liveTickersPush2025.data] },
  { name: 'parseIndexTickers', parse: parseIndexTickers, samples: [[indexTicker]] },
  { name: 'parseSwapInstruments', parse: parseSwapInstruments, samples: [[liveSwapEntry]] },
];

for (const { name, parse, samples } of channels) {
  describe(`OKX ${name}, as a property`, () => {
    itemParserProperties({ parse, samples, itemsOf: itemsOrSelf });
  });
}

const responses: ItemParserCase[] = [
  { name: 'parseTickersResponse', parse: parseTickersResponse, samples: [liveTickersPush.data, liveTickersPush2025.data] },
  { name: 'parseIndexTickersResponse', parse: parseIndexTickersResponse, samples: [[indexTicker]] },
  { name: 'parseFundingRatesResponse', parse: parseFundingRatesResponse, samples: [liveFundingPush.data] },
  { name: 'parseSwapInstrumentsResponse', parse: parseSwapInstrumentsResponse, samples: [[liveSwapEntry]] },
];

for (const { name, parse, samples } of responses) {
  describe(`OKX ${name}, as a property`, () => {
    itemParserProperties({ parse: (body) => parse(body), samples: samples.map(answer), itemsOf: responseItems });
  });
}
