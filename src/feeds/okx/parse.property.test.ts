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
  parseOpenInterest,
  parseOpenInterestResponse,
  parseSwapInstruments,
  parseSwapInstrumentsResponse,
  parseTickers,
  parseTickersResponse,
} from './parse';

/** The items of a REST answer whose envelope is OKX's success; null for any other body. */
const responseItems = (body: unknown) => (isRecord(body) && body.code === '0' && Array.isArray(body.data) ? body.data : null);
const answer = (data: unknown) => ({ code: '0', msg: '', data });

// An `open-interest` item as in OKX's docs (no recorded answer yet).
const openInterest = { instType: 'SWAP', instId: 'BTC-USDT-SWAP', oi: '5000', oiCcy: '555.55', oiUsd: '50000', ts: '1597026383085' };

// An `index-tickers` item as in OKX's docs (no recorded push yet).
const indexTicker = { instId: 'BTC-USDT', idxPx: '43350', high24h: '43649.7', sodUtc0: '43444.1', open24h: '43640.8', low24h: '43261.9', sodUtc8: '43328.7', ts: '1649419644492' };

const channels: ItemParserCase[] = [
  { name: 'parseMarkPrices', parse: parseMarkPrices, samples: [liveMarkPush.data, markPricePush.data] },
  { name: 'parseFundingRates', parse: parseFundingRates, samples: [liveFundingPush.data] },
  // A ticker and a book top per swap.
  { name: 'parseTickers', parse: parseTickers, samples: [liveTickersPush.data, liveTickersPush2025.data], eventsPerItem: 2 },
  { name: 'parseIndexTickers', parse: parseIndexTickers, samples: [[indexTicker]] },
  { name: 'parseSwapInstruments', parse: parseSwapInstruments, samples: [[liveSwapEntry]] },
  { name: 'parseOpenInterest', parse: parseOpenInterest, samples: [[openInterest]] },
];

for (const { name, parse, samples, eventsPerItem } of channels) {
  describe(`OKX ${name}, as a property`, () => {
    itemParserProperties({ parse, samples, itemsOf: itemsOrSelf, eventsPerItem });
  });
}

const responses: ItemParserCase[] = [
  { name: 'parseTickersResponse', parse: parseTickersResponse, samples: [liveTickersPush.data, liveTickersPush2025.data], eventsPerItem: 2 },
  { name: 'parseIndexTickersResponse', parse: parseIndexTickersResponse, samples: [[indexTicker]] },
  { name: 'parseFundingRatesResponse', parse: parseFundingRatesResponse, samples: [liveFundingPush.data] },
  { name: 'parseSwapInstrumentsResponse', parse: parseSwapInstrumentsResponse, samples: [[liveSwapEntry]] },
  { name: 'parseOpenInterestResponse', parse: parseOpenInterestResponse, samples: [[openInterest]] },
];

for (const { name, parse, samples, eventsPerItem } of responses) {
  describe(`OKX ${name}, as a property`, () => {
    itemParserProperties({ parse: (body) => parse(body), samples: samples.map(answer), itemsOf: responseItems, eventsPerItem });
  });
}
