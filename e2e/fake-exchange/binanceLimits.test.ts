import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeExchange, type FakeExchange } from './server.ts';
import { getJson, post } from './testSupport.ts';

const FIVE_MINUTES = 5 * 60_000;
/** A second into a 5-minute window of the server's clock, which the tests move by hand. */
const START = Math.ceil(Date.UTC(2026, 10, 23, 8) / FIVE_MINUTES) * FIVE_MINUTES + 1000;

let time = START;
let exchange: FakeExchange;
let rest: string;

type Refusal = { code: number; msg: string };

beforeAll(async () => {
  exchange = await startFakeExchange({ rate: 10, now: () => time });
  rest = exchange.binanceUrl;
});
beforeEach(async () => {
  time = START;
  await post(exchange.controlUrl, '/reset');
});
afterAll(() => exchange.close());

/** `count` requests alternating fundingRate and fundingInfo; their statuses. */
async function spendFunding(count: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const path = i % 2 === 0 ? '/fapi/v1/fundingRate?symbol=BTCUSDT&limit=1' : '/fapi/v1/fundingInfo';
    statuses.push((await fetch(`${rest}${path}`)).status);
  }
  return statuses;
}

describe('Binance limits', () => {
  it('shares 500 requests per 5 minutes between fundingRate and fundingInfo, then answers 429 -1003 and keeps counting', async () => {
    expect(new Set(await spendFunding(500))).toEqual(new Set([200]));
    const refused = await getJson<Refusal>(`${rest}/fapi/v1/fundingInfo`);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      code: -1003,
      msg: 'Too many requests; current limit of IP(127.0.0.1) is 500 requests per 5 minutes. Please use the websocket for live updates to avoid polling the API.',
    });
    expect(refused.headers.get('retry-after')).toBe('299');
    // Neither weighs on the minute's request weight, and the other endpoints still answer.
    expect(refused.headers.get('x-mbx-used-weight-1m')).toBe('0');
    expect((await getJson(`${rest}/fapi/v1/premiumIndex?symbol=BTCUSDT`)).status).toBe(200);
    expect((await getJson(`${rest}/fapi/v1/fundingRate?symbol=ETHUSDT`)).status).toBe(429);
    // The refused requests counted too: the window is spent until it turns.
    time = START + FIVE_MINUTES - 1001;
    expect((await getJson(`${rest}/fapi/v1/fundingInfo`)).status).toBe(429);
    time = START + FIVE_MINUTES;
    expect((await getJson(`${rest}/fapi/v1/fundingInfo`)).status).toBe(200);
  });

  it('bans the IP with 418 on every endpoint after more than 10 429s in a minute, 2 minutes first and twice as long the next time', async () => {
    await spendFunding(500);
    expect(await spendFunding(11)).toEqual(Array(11).fill(429));
    const banned = await getJson<Refusal>(`${rest}/fapi/v1/ping`);
    expect(banned.status).toBe(418);
    expect(banned.body).toEqual({
      code: -1003,
      msg: `Way too many requests; IP(127.0.0.1) banned until ${START + 120_000}. Please use the websocket for live updates to avoid bans.`,
    });
    expect(banned.headers.get('retry-after')).toBe('120');
    time = START + 119_999;
    expect((await getJson(`${rest}/fapi/v1/exchangeInfo`)).status).toBe(418);
    time = START + 120_000;
    expect((await getJson(`${rest}/fapi/v1/ping`)).status).toBe(200);
    // Still inside the spent window: back to 429, and a second ban lasts 4 minutes.
    expect(await spendFunding(11)).toEqual(Array(11).fill(429));
    expect((await getJson<Refusal>(`${rest}/fapi/v1/ping`)).body.msg).toContain(`banned until ${START + 120_000 + 240_000}.`);
    await post(exchange.controlUrl, '/reset');
    expect((await getJson(`${rest}/fapi/v1/fundingInfo`)).status).toBe(200);
  });

  it('bans after repeated 429s of the request weight too', async () => {
    // 60 all-symbol tickers (weight 40) spend the minute's 2400.
    for (let i = 0; i < 60; i++) expect((await fetch(`${rest}/fapi/v1/ticker/24hr`)).status).toBe(200);
    for (let i = 0; i < 11; i++) expect((await fetch(`${rest}/fapi/v1/ticker/24hr`)).status).toBe(429);
    expect((await getJson(`${rest}/fapi/v1/fundingInfo`)).status).toBe(418);
  });
});
