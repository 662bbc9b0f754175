import { describe, expect, it } from 'vitest';
import swapTickers2022 from './fixtures/okx-tickers-push-swap.json';
import swapTickers2025 from './fixtures/okx-tickers-push-swap-2025.json';
import { parseTickers } from './parse';
import { okxProtocol } from './okxProtocol';

/** The channel's frame as the socket hands it over, classified as the app does. */
function pushedPayload(frame: unknown): unknown {
  const inbound = okxProtocol.classify(JSON.stringify(frame));
  expect(inbound).toMatchObject({ kind: 'data' });
  return (inbound as { payload: unknown }).payload;
}

describe('OKX swap tickers recorded live (real-payloads)', () => {
  it('reads the 2025 push with fractional sizes: 24 h volume is the base-coin volume at the last price', () => {
    expect(parseTickers(pushedPayload(swapTickers2025))).toEqual({
      rejected: 0,
      events: [
        {
          kind: 'ticker', exchange: 'okx', symbol: 'BTC-USDT-SWAP', time: 1747141319306,
          last: 103700, open24h: 103897.5, quoteVolume24h: 109187.9625 * 103700,
        },
        { kind: 'book-top', exchange: 'okx', symbol: 'BTC-USDT-SWAP', time: 1747141319306, bid: 103699.9, ask: 103700 },
      ],
    });
  });

  it('reads the 2022 push the same way (vol24h counts contracts, not coins: not used)', () => {
    expect(parseTickers(pushedPayload(swapTickers2022))).toEqual({
      rejected: 0,
      events: [
        {
          kind: 'ticker', exchange: 'okx', symbol: 'BTC-USDT-SWAP', time: 1654166233877,
          last: 29963, open24h: 31589.3, quoteVolume24h: 108540.53 * 29963,
        },
        { kind: 'book-top', exchange: 'okx', symbol: 'BTC-USDT-SWAP', time: 1654166233877, bid: 29959.9, ask: 29960 },
      ],
    });
  });
});
