import { describe } from 'vitest';
import { classifyProperties } from '../testing/classifyProperties';
import { binanceProtocol } from './binanceProtocol';
import tradFiMarks from './fixtures/binance-markPrice-arr-1s.json';
import tickersWithCoinM from './fixtures/binance-ticker-arr-with-coinm-row.json';

// Request answers as the live host sends them (real-payloads README, measured 2026-10-07) and as the docs' table shows them.
const answers = [
  { error: { code: 2, msg: 'Invalid request: invalid stream' }, id: 3 },
  { error: { code: 4, msg: 'Too many subscriptions' } },
  { code: 2, msg: 'Invalid request: invalid stream', id: 3 },
  { result: null, id: 1 },
  { result: ['!markPrice@arr@1s'], id: 2 },
];

describe('Binance classify, as a property', () => {
  classifyProperties(binanceProtocol as never, [tradFiMarks, tickersWithCoinM, ...answers]);
});
