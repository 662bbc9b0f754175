import type { Server } from 'node:http';
import { noFaults } from '../core/faults.ts';
import { closeServer, createHttpServer, listenLoopback } from '../core/http.ts';
import type { Scheduler } from '../core/scheduler.ts';
import type { MarketData } from '../markets/marketData.ts';
import type { FakeTiming } from '../timing.ts';
import { OkxCandles } from './candles.ts';
import { okxCatalog } from './catalog.ts';
import { defaultListModes } from './listModes.ts';
import { OkxFutures } from './futures.ts';
import { fundingHistoryEndpoints } from './fundingHistoryEndpoint.ts';
import { OkxIndexes } from './indexes.ts';
import { openInterestEndpoint } from './openInterestEndpoint.ts';
import { marketEndpoints } from './marketEndpoints.ts';
import type { OkxOptionSource } from './options.ts';
import { publicEndpoints } from './publicEndpoints.ts';
import { OkxPushes } from './pushes.ts';
import { OKX_REGIONS, perRegion, type OkxRegion } from './regions.ts';
import { OkxRest } from './rest.ts';
import { OkxSocketServer } from './socketServer.ts';
import { underlyingEndpoint } from './underlyingEndpoint.ts';

export interface OkxExchangeDeps {
  data: MarketData;
  options: OkxOptionSource;
  scheduler: Scheduler;
  timing: FakeTiming;
  now: () => number;
}

/**
 * OKX: REST and the /ws/v5/public and /ws/v5/business sockets, one market answered on one loopback
 * port per region (Global, EEA, US), so a test can tell which region's hosts a client uses.
 */
export class OkxExchange {
  readonly faults = noFaults();
  readonly listModes = defaultListModes();
  readonly sockets: OkxSocketServer;
  readonly rest: OkxRest;
  readonly pushes: OkxPushes;
  readonly futures: OkxFutures;
  readonly ports = perRegion(() => 0);
  /** REST requests received since start, per region. */
  readonly restRequests = perRegion(() => 0);
  private readonly servers: Record<OkxRegion, Server>;

  constructor({ data, options, scheduler, timing, now }: OkxExchangeDeps) {
    const indexes = new OkxIndexes(data.market);
    const candles = new OkxCandles(data.market, data.prices, indexes);
    this.futures = new OkxFutures(data.market, indexes, now);
    this.sockets = new OkxSocketServer(this.faults, okxCatalog(data.market, indexes, options, this.futures), timing, now, scheduler);
    this.rest = new OkxRest(
      {
        ...publicEndpoints(data.market, indexes, options, this.futures, this.listModes, now),
        ...marketEndpoints(data, indexes, candles, now),
        ...fundingHistoryEndpoints(data, this.faults),
        ...underlyingEndpoint(data.market, options, this.listModes),
        ...openInterestEndpoint(data.market, data.openInterests, now),
      },
      this.faults,
      now,
    );
    this.pushes = new OkxPushes(
      this.sockets,
      { market: data.market, dayStats: data.dayStats, books: data.books, indexes, candles, options, futures: this.futures, listModes: this.listModes, timing },
      now,
      scheduler.rate,
      scheduler,
    );
    this.servers = perRegion((region) => {
      const server = createHttpServer((request, response) => {
        this.restRequests[region]++;
        this.rest.handle(request, response);
      });
      server.on('upgrade', (request, socket, head) => this.sockets.handleUpgrade(request, socket, head, region));
      return server;
    });
  }

  /** Global's port. */
  get port(): number {
    return this.ports.global;
  }

  /** Global on `port` (0: any free one), the other regions on free ports. */
  async listen(port: number): Promise<void> {
    for (const region of OKX_REGIONS) this.ports[region] = await listenLoopback(this.servers[region], region === 'global' ? port : 0);
  }

  async close(): Promise<void> {
    this.sockets.close();
    await Promise.all(OKX_REGIONS.map((region) => closeServer(this.servers[region])));
  }
}
