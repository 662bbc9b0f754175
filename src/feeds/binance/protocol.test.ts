import { describe, expect, it } from 'vitest';
import markPriceAllMarket from './fixtures/markPriceAllMarket.json';
import markPriceSymbol from './fixtures/markPriceSymbol.json';
import miniTickers from './fixtures/miniTickers.json';
import optionMarkPrice from './fixtures/optionMarkPrice.json';
import { binanceProtocol } from './protocol';

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

  it("names the key's topic as its subscription does", () => {
    for (const stream of ['!markPrice@arr@1s', 'btcusdt@markPrice@1s', 'btcusdt@optionMarkPrice']) {
      const data = stream.includes('option') ? optionMarkPrice : stream.startsWith('!') ? markPriceAllMarket : markPriceSymbol;
      expect(binanceProtocol.snapshotTopicKey!(snapshotKey(frame(stream, data))!)).toBe(binanceProtocol.topicKey(stream));
    }
  });
});
