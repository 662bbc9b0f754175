import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeExchange, type FakeExchange } from './server.ts';
import { getJson, sleep, TestSocket } from './testSupport.ts';

let exchange: FakeExchange;

interface RegionStats {
  openConnections: number;
  openedConnections: number;
  restRequests: number;
}
const regionStats = async () =>
  (await getJson<{ okx: { regions: Record<'global' | 'eea' | 'us', RegionStats>; connections: { region: string }[] } }>(`${exchange.controlUrl}/stats`)).body.okx;

beforeAll(async () => {
  exchange = await startFakeExchange();
});
afterAll(() => exchange.close());

describe('OKX regions', () => {
  it("gives the app each region's variables, every region on its own loopback port", () => {
    const { env } = exchange;
    const hostOf = (name: string) => new URL(env[name]!).host;
    for (const prefix of ['VITE_OKX', 'VITE_OKX_EEA', 'VITE_OKX_US']) {
      expect(env[`${prefix}_WS`]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ws\/v5\/public$/);
      expect(env[`${prefix}_BUSINESS_WS`]).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/ws\/v5\/business$/);
      expect(env[`${prefix}_REST`]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(hostOf(`${prefix}_BUSINESS_WS`)).toBe(hostOf(`${prefix}_WS`));
      expect(hostOf(`${prefix}_REST`)).toBe(hostOf(`${prefix}_WS`));
    }
    expect(new Set(['VITE_OKX_WS', 'VITE_OKX_EEA_WS', 'VITE_OKX_US_WS'].map(hostOf)).size).toBe(3);
    expect(env.VITE_OKX_REST).toBe(exchange.okxUrl);
  });

  it("answers the same market on each region's port and counts sockets and REST per region in /stats", async () => {
    const before = await regionStats();
    const global = await getJson<{ data: { instId: string }[] }>(`${exchange.env.VITE_OKX_REST}/api/v5/public/instruments?instType=SWAP`);
    const eea = await getJson<{ data: { instId: string }[] }>(`${exchange.env.VITE_OKX_EEA_REST}/api/v5/public/instruments?instType=SWAP`);
    expect(eea.status).toBe(200);
    expect(eea.body.data.map((row) => row.instId)).toEqual(global.body.data.map((row) => row.instId));

    const socket = await TestSocket.open(exchange.env.VITE_OKX_US_WS!);
    socket.send({ op: 'subscribe', args: [{ channel: 'mark-price', instId: 'BTC-USDT-SWAP' }] });
    await socket.next((frame) => frame.event === 'subscribe');
    const during = await regionStats();
    expect(during.regions.us).toEqual({ openConnections: 1, openedConnections: before.regions.us.openedConnections + 1, restRequests: before.regions.us.restRequests });
    expect(during.regions.eea.restRequests).toBe(before.regions.eea.restRequests + 1);
    expect(during.regions.global.restRequests).toBe(before.regions.global.restRequests + 1);
    expect(during.regions.global.openConnections).toBe(0);
    expect(during.connections.map((connection) => connection.region)).toEqual(['us']);

    socket.close();
    await sleep(100);
    expect((await regionStats()).regions.us.openConnections).toBe(0);
  });
});
