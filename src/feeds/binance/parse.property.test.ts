import { describe } from 'vitest';
import { isRecord } from '../numbers';
import { itemParserProperties, itemsOrSelf } from '../testing/parserProperties';
import exchangeInfoBtc from './fixtures/binance-exchangeInfo-symbol-BTCUSDT.json';
import exchangeInfoXau from './fixtures/binance-exchangeInfo-symbol-XAUUSDT-tradfi.json';
import fundingInfo from './fixtures/binance-fundingInfo.json';
import tradFiMarks from './fixtures/binance-markPrice-arr-1s.json';
import datedMark from './fixtures/binance-markPriceUpdate-dated-2026-09-23.json';
import perpMark from './fixtures/binance-markPriceUpdate-perp-2026-09-23.json';
import tickersWithCoinM from './fixtures/binance-ticker-arr-with-coinm-row.json';
import markPriceAllMarket from './fixtures/markPriceAllMarket.json';
import markPriceSymbol from './fixtures/markPriceSymbol.json';
import miniTickers from './fixtures/miniTickers.json';
import { parseBookTickers, parseExchangeInfo, parseFundingInfo, parseMarkPrices, parseMiniTickers, parseOpenInterest, parsePremiumIndex } from './parse';

/** The documented skip: a delivery contract (empty or zero funding, next funding time 0) of a margin the page reads. */
const isDatedMark = (rate: unknown, nextFundingTime: unknown, settlement: unknown) =>
  (settlement === undefined || settlement === 1 || settlement === 2) && (rate === '' || nextFundingTime === 0);

describe('Binance parseMarkPrices, as a property', () => {
  itemParserProperties({
    parse: parseMarkPrices,
    samples: [tradFiMarks.data, perpMark, datedMark, markPriceAllMarket, markPriceSymbol],
    itemsOf: itemsOrSelf,
    skips: (item) => isRecord(item) && item.e === 'markPriceUpdate' && isDatedMark(item.r, item.T, item.st),
  });
});

// The response example of GET /fapi/v1/premiumIndex in Binance's USDⓈ-M market data docs (no recorded answer yet).
const premiumIndexItem = {
  symbol: 'BTCUSDT',
  markPrice: '11793.63104562',
  indexPrice: '11781.80495970',
  estimatedSettlePrice: '11781.16138815',
  lastFundingRate: '0.00038246',
  interestRate: '0.00010000',
  nextFundingTime: 1597392000000,
  time: 1597370495002,
};

describe('Binance parsePremiumIndex, as a property', () => {
  itemParserProperties({
    parse: parsePremiumIndex,
    samples: [[premiumIndexItem, { ...premiumIndexItem, symbol: 'BTCUSDT_261225', lastFundingRate: '', nextFundingTime: 0 }]],
    itemsOf: (body) => (Array.isArray(body) ? body : null),
    skips: (item) => isRecord(item) && isDatedMark(item.lastFundingRate, item.nextFundingTime, undefined),
  });
});

describe('Binance parseMiniTickers, as a property', () => {
  itemParserProperties({
    parse: parseMiniTickers,
    samples: [tickersWithCoinM.data, miniTickers],
    itemsOf: itemsOrSelf,
    skips: (item) => isRecord(item) && typeof item.s === 'string' && /_\d{6}$/.test(item.s),
  });
});

describe('Binance parseExchangeInfo, as a property', () => {
  itemParserProperties({
    parse: parseExchangeInfo,
    samples: [{ symbols: [exchangeInfoBtc, exchangeInfoXau] }],
    itemsOf: (body) => (isRecord(body) && Array.isArray(body.symbols) ? body.symbols : null),
    // Dated futures and contracts not trading now are listed too: skipped by rule, not refused.
    skips: (item) => isRecord(item) && !((item.contractType === 'PERPETUAL' || item.contractType === 'TRADIFI_PERPETUAL') && item.status === 'TRADING'),
  });
});

describe('Binance parseFundingInfo, as a property', () => {
  itemParserProperties({ parse: parseFundingInfo, samples: [fundingInfo], itemsOf: (body) => (Array.isArray(body) ? body : null) });
});

// The all-symbols response example of GET /fapi/v1/ticker/bookTicker in Binance's USDⓈ-M market data docs, plus a dated contract and an empty side.
const bookTicker = { symbol: 'BTCUSDT', bidPrice: '4.00000000', bidQty: '431.00000000', askPrice: '4.00000200', askQty: '9.00000000', time: 1589437530011 };

describe('Binance parseBookTickers, as a property', () => {
  itemParserProperties({
    parse: parseBookTickers,
    samples: [[bookTicker, { ...bookTicker, symbol: 'BTCUSDT_261225' }, { ...bookTicker, symbol: 'ETHUSDT', bidPrice: '0', bidQty: '0' }]],
    itemsOf: (body) => (Array.isArray(body) ? body : null),
    skips: (item) => isRecord(item) && typeof item.symbol === 'string' && /_\d{6}$/.test(item.symbol),
  });
});

describe('Binance parseOpenInterest, as a property', () => {
  itemParserProperties({
    parse: parseOpenInterest,
    // The response example of GET /fapi/v1/openInterest in Binance's USDⓈ-M market data docs.
    samples: [{ openInterest: '10659.509', symbol: 'BTCUSDT', time: 1589437530011 }],
    itemsOf: (body) => (isRecord(body) ? [body] : null),
  });
});
