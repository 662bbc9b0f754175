import { describe, expect, it } from 'vitest';
import markPriceAllMarket from '../../src/feeds/binance/fixtures/markPriceAllMarket.json';
import okxMarkPricePush from '../../src/feeds/okx/fixtures/markPricePush.json';
import { frameAge } from './instruments.ts';

describe('frame age on arrival', () => {
  it("reads Binance's event time E and OKX's ts from the documented frames, without parsing them", () => {
    const binance = JSON.stringify(markPriceAllMarket);
    const eventTime = (markPriceAllMarket as { E: number }[])[0]!.E;
    expect(frameAge(binance, eventTime + 250)).toBe(250);
    expect(frameAge(JSON.stringify(okxMarkPricePush), 1597026383085 + 40)).toBe(40);
  });

  it('has no age for frames without an event time (acks, pongs)', () => {
    expect(frameAge('{"event":"subscribe","arg":{"channel":"mark-price","instId":"BTC-USDT-SWAP"},"connId":"a4d3ae55"}', 1)).toBeNull();
    expect(frameAge('{"result":null,"id":1}', 1)).toBeNull();
    expect(frameAge('pong', 1)).toBeNull();
  });
});
