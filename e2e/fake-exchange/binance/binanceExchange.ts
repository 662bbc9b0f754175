import type { Server } from 'node:http';
import { noFaults } from '../core/faults.ts';
import { closeServer, createHttpServer, listenLoopback } from '../core/http.ts';
import type { Scheduler } from '../core/scheduler.ts';
import type { Market } from '../markets/market.ts';
import type { FakeTiming } from '../timing.ts';
import { futuresEndpoints } from './futuresEndpoints.ts';
import { BinancePushes, type BinanceStreamSources } from './pushes.ts';
import { BinanceRest, type BinanceEndpoint } from './rest.ts';
import { BinanceSocketServer } from './socketServer.ts';

export interface BinanceExchangeDeps {
  market: Market;
  scheduler: Scheduler;
  timing: FakeTiming;
  now: () => number;
  sources: BinanceStreamSources;
  /** Endpoints beyond the live-market ones (history, options), merged into the REST table. */
  extraEndpoints: Record<string, BinanceEndpoint>;
}

/** Binance on one loopback port: REST (fapi + eapi) and the routed stream host. */
export class BinanceExchange {
  readonly faults = noFaults();
  readonly sockets: BinanceSocketServer;
  readonly rest: BinanceRest;
  private readonly server: Server;
  port = 0;

  constructor(deps: BinanceExchangeDeps) {
    this.sockets = new BinanceSocketServer(this.faults, deps.timing, deps.now, deps.scheduler);
    this.rest = new BinanceRest({ ...futuresEndpoints(deps.market, deps.now), ...deps.extraEndpoints }, this.faults, deps.now);
    new BinancePushes(this.sockets, deps.market, deps.sources, deps.now, deps.scheduler);
    this.server = createHttpServer((request, response) => this.rest.handle(request, response));
    this.server.on('upgrade', (request, socket, head) => this.sockets.handleUpgrade(request, socket, head));
  }

  async listen(port: number): Promise<void> {
    this.port = await listenLoopback(this.server, port);
  }

  async close(): Promise<void> {
    this.sockets.close();
    await closeServer(this.server);
  }
}
