import { describe, expect, it } from 'vitest';
import markPriceAllMarket from './fixtures/markPriceAllMarket.json';
import markPriceSymbol from './fixtures/markPriceSymbol.json';
import miniTickers from './fixtures/miniTickers.json';
import optionMarkPrice from './fixtures/optionMarkPrice.json';
import { binanceProtocol } from './binanceProtocol';

/** The combined-stream frame the app's sockets receive, as Binance lays it out. */
const frame = (stream: string, data: unknown): string => JSON.stringify({ stream, data });
const snapshotKey = (raw: string): string | null => binanceProtocol.snapshotKey!(raw);

describe('Binance snapshot pushes', () => {
  it('names a mark-price push by its stream and first symbol: all-market, per symbol, and option marks', () => {
    expect(snapshotKey(frame('!markPrice@arr@1s', markPriceAllMarket))).toBe('!markPrice@arr@1s BTCUSDT');
    expect(snapshotKey(frame('!markPrice@arr', markPriceAllMarket))).toBe('!markPrice@arr BTCUSDT');
    expect(snapshotKey(frame('btcusdt@markPrice@1s', markPriceSymbol))).toBe('btcusdt@markPrice@1s BTCUSDT');
    expect(snapshotKey(frame('btcusdt@optionMarkPrice', optionMarkPrice))).toBe(`btcusdt@optionMarkPrice ${optionMarkPrice[0]!.s}`);
  });

  it('gives the two messages of one stream push (TradFi marks come apart) two keys, and a later push of either the same key', () => {
    const crypto = [{ ...markPriceAllMarket[0]!, s: 'BTCUSDT' }];
    const tradFi = [{ ...markPriceAllMarket[0]!, s: 'XAUUSDT' }];
    const later = [{ ...markPriceAllMarket[0]!, s: 'BTCUSDT', E: markPriceAllMarket[0]!.E + 1000, p: '1' }];
    const keys = [crypto, tradFi, later].map((data) => snapshotKey(frame('!markPrice@arr@1s', data)));
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe(keys[0]);
  });

  it('does not recognise change-only tickers, empty pushes, acks, other layouts or escaped symbols, which are read on arrival', () => {
    expect(snapshotKey(frame('!miniTicker@arr', miniTickers))).toBeNull();
    expect(snapshotKey(frame('!markPrice@arr@1s', []))).toBeNull();
    expect(snapshotKey(JSON.stringify({ result: null, id: 1 }))).toBeNull();
    expect(snapshotKey(JSON.stringify({ data: markPriceAllMarket, stream: '!markPrice@arr@1s' }))).toBeNull();
    expect(snapshotKey(frame('!markPrice@arr@1s', [{ e: 'markPriceUpdate', p: '1' }, markPriceAllMarket[0]]))).toBeNull();
    expect(snapshotKey(frame('!markPrice@arr@1s', [{ ...markPriceAllMarket[0]!, s: 'BTC"USDT' }]))).toBeNull();
  });
});

/**
 * Request errors as the live host sends them (real-payloads README, measured 2026-10-07) and as the
 * docs' table shows them (flat).
 */
describe('Binance request errors', () => {
  const classify = (frame: unknown): ReturnType<typeof binanceProtocol.classify> => binanceProtocol.classify(JSON.stringify(frame));

  it('reads the nested live shape as the refusal of its request', () => {
    expect(binanceProtocol.classify('{"error":{"code":2,"msg":"Invalid request: invalid stream"},"id":3}')).toEqual({
      kind: 'request-error', requestId: 3, code: '2', message: 'Invalid request: invalid stream',
    });
  });

  it("reads the docs' flat shape alike", () => {
    expect(classify({ code: 0, msg: 'Unknown property', id: 7 })).toEqual({
      kind: 'request-error', requestId: 7, code: '0', message: 'Unknown property',
    });
  });

  it('reads "Too many subscriptions" (no id) as every stream of the socket dropped', () => {
    expect(binanceProtocol.classify('{"error":{"code":4,"msg":"Too many subscriptions"}}')).toEqual({
      kind: 'subscriptions-dropped', code: '4', message: 'Too many subscriptions',
    });
  });

  it('reads other errors without an id as server errors, and acks as acks', () => {
    expect(classify({ error: { code: 3, msg: 'Invalid JSON: expected value at line 1 column 1' } })).toEqual({
      kind: 'server-error', code: '3', message: 'Invalid JSON: expected value at line 1 column 1',
    });
    expect(classify({ result: null, id: 4 })).toEqual({ kind: 'ack', requestId: 4, topicKey: null });
  });

  it('keeps an error whose fields are of unexpected types an error, without inventing a code', () => {
    expect(classify({ error: 'rate limited', id: 5 })).toEqual({ kind: 'request-error', requestId: 5, code: '', message: 'rate limited' });
    expect(classify({ error: [1, 2], id: 5 })).toEqual({ kind: 'request-error', requestId: 5, code: '', message: 'error' });
    expect(classify({ error: { code: { n: 2 }, msg: 42 }, id: 5 })).toEqual({ kind: 'request-error', requestId: 5, code: '', message: 'error' });
    expect(classify({ error: null })).toEqual({ kind: 'server-error', code: '', message: 'error' });
    // String() of this object throws: a code is read only from a number or a string.
    expect(classify({ code: { toString: 1 }, msg: 'x', id: 5 })).toEqual({ kind: 'request-error', requestId: 5, code: '', message: 'x' });
  });

  it('never throws, whatever JSON value sits in any field', () => {
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const value = (depth: number): unknown => {
      const pick = Math.floor(random() * (depth > 2 ? 6 : 8));
      switch (pick) {
        case 0: return null;
        case 1: return random() < 0.5;
        case 2: return Math.floor(random() * 10) - 2;
        case 3: return random() * 1e300 * (random() < 0.5 ? -1 : 1);
        case 4: return ['', 'x', '4', 'Too many subscriptions', '__proto__', 'toString'][Math.floor(random() * 6)];
        case 5: return random() < 0.5 ? 'data' : 'result';
        case 6: return Array.from({ length: Math.floor(random() * 3) }, () => value(depth + 1));
        default: {
          const keys = ['error', 'code', 'msg', 'id', 'result', 'stream', 'data', '__proto__', 'toString', 'valueOf'];
          return Object.fromEntries(keys.filter(() => random() < 0.4).map((key) => [key, value(depth + 1)]));
        }
      }
    };
    const kinds = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const frames = [
        { error: value(0), id: value(1) },
        { error: { code: value(1), msg: value(1) }, id: value(1) },
        { code: value(0), msg: value(0), id: value(0) },
        { result: value(1), id: value(1) },
        value(0),
      ];
      for (const frame of frames) {
        const inbound = binanceProtocol.classify(JSON.stringify(frame) ?? 'null');
        kinds.add(inbound.kind);
        if (inbound.kind === 'request-error' || inbound.kind === 'server-error' || inbound.kind === 'subscriptions-dropped') {
          expect(typeof inbound.code).toBe('string');
          expect(inbound.message).not.toBe('');
        }
      }
    }
    expect([...kinds].sort()).toEqual(['ack', 'data', 'request-error', 'server-error', 'subscriptions-dropped', 'unknown']);
  });
});
