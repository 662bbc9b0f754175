import { describe } from 'vitest';
import { isRecord } from '../numbers';
import { okxData } from './envelope';
import { itemParserProperties, itemsOrSelf, type ItemParserCase } from '../testing/parserProperties';
import liveOptSummaryPush from './fixtures/okx-opt-summary-push.json';
import liveOptionTickersPush from './fixtures/okx-tickers-push-option-empty-bid.json';
import optSummaryPush from './fixtures/optSummaryPush.json';
import optSummaryRest from './fixtures/optSummaryRest.json';
import {
  parseOptionFamiliesResponse,
  parseOptionInstruments,
  parseOptionInstrumentsResponse,
  parseOptionMarkPrices,
  parseOptionTickers,
  parseOptSummary,
} from './optionParse';

// An OPTION instrument record and a mark-price push as in OKX's docs (no recorded ones yet).
const optionInstrument = {
  instType: 'OPTION', instId: 'ETH-USD-251226-3000-P', uly: 'ETH-USD', instFamily: 'ETH-USD', settleCcy: 'ETH',
  optType: 'P', stk: '3000', listTime: '1758873600000', expTime: '1766736000000', state: 'live',
};
const optionMark = { instType: 'OPTION', instId: 'BTC-USD-251226-100000-C', markPx: '0.0125', ts: '1762867543321' };

const channels: ItemParserCase[] = [
  { name: 'parseOptSummary', parse: parseOptSummary, samples: [liveOptSummaryPush.data, optSummaryPush.data, optSummaryRest.data] },
  { name: 'parseOptionTickers', parse: parseOptionTickers, samples: [liveOptionTickersPush.data] },
  { name: 'parseOptionMarkPrices', parse: parseOptionMarkPrices, samples: [[optionMark]] },
  { name: 'parseOptionInstruments', parse: parseOptionInstruments, samples: [[optionInstrument]] },
];

for (const { name, parse, samples } of channels) {
  describe(`OKX ${name}, as a property`, () => {
    itemParserProperties({ parse, samples, itemsOf: itemsOrSelf });
  });
}

describe('OKX parseOptionInstrumentsResponse, as a property', () => {
  itemParserProperties({
    parse: parseOptionInstrumentsResponse,
    samples: [{ code: '0', msg: '', data: [optionInstrument] }],
    itemsOf: (body) => (isRecord(body) && body.code === '0' && Array.isArray(body.data) ? body.data : null),
  });
});

describe('OKX parseOptionFamiliesResponse, as a property', () => {
  itemParserProperties({
    parse: (body) => {
      const families = parseOptionFamiliesResponse(body);
      return families && { events: families.events.map((family) => ({ underlying: family })), rejected: families.rejected };
    },
    samples: [{ code: '0', msg: '', data: [['BTC-USD', 'ETH-USD']] }],
    itemsOf: (body) => {
      const unwrapped = okxData(body);
      const families: unknown = unwrapped.ok && Array.isArray(unwrapped.data) ? unwrapped.data[0] : null;
      return Array.isArray(families) ? families : null;
    },
  });
});
