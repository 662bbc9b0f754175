import { afterEach, describe, expect, it } from 'vitest';
import { startFakeExchange, type FakeExchange } from './server.ts';
import { TestSocket } from './testSupport.ts';

let exchange: FakeExchange | undefined;
afterEach(async () => {
  await exchange?.close();
  exchange = undefined;
});

async function start(timing: Parameters<typeof startFakeExchange>[0]): Promise<string> {
  exchange = await startFakeExchange(timing);
  return exchange.binanceUrl.replace('http', 'ws');
}

describe('Binance heartbeats and lifetime', () => {
  it('pings every binancePingIntervalMs and keeps a socket that pongs', async () => {
    const ws = await start({ timing: { binancePingIntervalMs: 100, binancePongTimeoutMs: 350 } });
    const socket = await TestSocket.open(`${ws}/market/ws`);
    await socket.until(() => socket.pings.length >= 5, 3000);
    expect(socket.closed).toBeNull();
    // The mean gap, not each one: a timer that fires late under load is followed by one that fires on time.
    const pings = socket.pings;
    expect((pings.at(-1)! - pings[0]!) / (pings.length - 1)).toBeGreaterThanOrEqual(90);
    socket.close();
  });

  it('drops a socket that has not ponged within binancePongTimeoutMs', async () => {
    const ws = await start({ timing: { binancePingIntervalMs: 100, binancePongTimeoutMs: 350 } });
    const opened = Date.now();
    const socket = await TestSocket.open(`${ws}/market/ws`, { autoPong: false });
    await socket.waitClosed(2000);
    expect(socket.pings.length).toBeGreaterThanOrEqual(2);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(300);
  });

  it('closes every connection at binanceMaxLifetimeMs', async () => {
    const ws = await start({ timing: { binanceMaxLifetimeMs: 300 } });
    const socket = await TestSocket.open(`${ws}/market/ws`);
    const opened = Date.now();
    expect((await socket.waitClosed(2000)).code).toBe(1000);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(250);
  });
});
