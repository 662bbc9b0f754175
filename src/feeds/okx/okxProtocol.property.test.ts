import { describe } from 'vitest';
import { classifyProperties } from '../testing/classifyProperties';
import markPricePush from './fixtures/markPricePush.json';
import liveFundingPush from './fixtures/okx-funding-rate-push.json';
import liveMarkPush from './fixtures/okx-mark-price-push.json';
import liveOptSummaryPush from './fixtures/okx-opt-summary-push.json';
import liveTickersPush from './fixtures/okx-tickers-push-swap.json';
import subscribeAck from './fixtures/subscribeAck.json';
import subscribeError from './fixtures/subscribeError.json';
import { okxProtocol } from './okxProtocol';

// The 64008 notice as OKX's docs show it (no recorded one yet), and the instruments channel's push.
const notice = { event: 'notice', code: '64008', msg: 'The connection will soon be closed for a service upgrade. Please reconnect.', connId: 'a4d3ae55' };
const instrumentsPush = { arg: { channel: 'instruments', instType: 'SWAP' }, data: [] };

describe('OKX classify, as a property', () => {
  classifyProperties(okxProtocol as never, [
    liveMarkPush, markPricePush, liveFundingPush, liveOptSummaryPush, liveTickersPush, subscribeAck, subscribeError, notice, instrumentsPush,
  ]);
});
