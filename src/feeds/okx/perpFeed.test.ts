import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectionHub, type Endpoint } from '../../connection/connectionHub';
import { realScheduler } from '../../connection/scheduler';
import { ScriptedServer } from '../../connection/testing/scriptedSockets';
import type { PerpEvent } from '../../domain/perpEvents';
import type { PerpIngest } from '../../store/perpIngest';
import { startOkxPerpFeed } from './perpFeed';
import { okxProtocol, type OkxArg } from './protocol';

const endpoint: Endpoint<OkxArg> = { id: 'okx', exchange: 'okx', url: 'wss://fake/ws/v5/public', protocol: okxProtocol };

const swap = (coin: string) => ({ instType: 'SWAP', instId: `${coin}-USDT-SWAP`, uly: `${coin}-USDT`, instFamily: `${coin}-USDT`, state: 'live' });

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('OKX perpetual feed', () => {
  it("asks for every swap's mark price and funding rate before any ticker or index, so rows go live after the first requests", () => {
    const server = new ScriptedServer();
    const hub = createConnectionHub({ sockets: server.factory, scheduler: realScheduler, random: () => 0.5 });
    const pushed: PerpEvent[] = [];
    const ingest: PerpIngest = { push: (events) => pushed.push(...events), reject: () => undefined, flushNow: () => undefined };
    const stop = startOkxPerpFeed({ hub, ingest, fetch: globalThis.fetch, scheduler: realScheduler, random: () => 0.5, reportSource: () => undefined }, endpoint);

    const socket = server.last();
    socket.open();
    const coins = Array.from({ length: 300 }, (_, index) => `C${index}`);
    socket.receive({ arg: { channel: 'instruments', instType: 'SWAP' }, data: coins.map(swap) });
    vi.advanceTimersByTime(2_000);
    // ~1,200 arguments: past the 1,000 a socket carries, so a second socket takes the rest.
    expect(server.sockets).toHaveLength(2);
    server.sockets[1]!.open();
    vi.advanceTimersByTime(2_000);

    const requested = server.sockets
      .flatMap((each) => each.sentJson())
      .filter((frame) => frame.op === 'subscribe')
      .flatMap((frame) => frame.args as OkxArg[])
      .filter((arg) => arg.channel !== 'instruments');
    const channels = requested.map((arg) => arg.channel);
    const lastLive = Math.max(channels.lastIndexOf('mark-price'), channels.lastIndexOf('funding-rate'));
    const firstOther = channels.findIndex((channel) => channel === 'tickers' || channel === 'index-tickers');
    expect(lastLive).toBe(2 * coins.length - 1);
    expect(firstOther).toBe(2 * coins.length);
    expect(new Set(requested.map((arg) => `${arg.channel} ${arg.instId}`)).size).toBe(4 * coins.length);
    expect(pushed.filter((event) => event.kind === 'instrument')).toHaveLength(coins.length);

    stop();
    hub.stop();
  });
});
