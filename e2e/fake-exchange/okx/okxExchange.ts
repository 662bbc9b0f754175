import type { Server } from 'node:http';
import { noFaults } from '../core/faults.ts';
import { closeServer, createHttpServer, listenLoopback } from '../core/http.ts';
import type { Scheduler } from '../core/scheduler.ts';
import type { Market } from '../markets/market.ts';
import type { FakeTiming } from '../timing.ts';
import type { OkxCatalog } from './channels.ts';
import { publicEndpoints } from './publicEndpoints.ts';
import { OkxPushes } from './pushes.ts';
import { OkxRest, type OkxEndpoint } from './rest.ts';
import { OkxSocketServer } from './socketServer.ts';

export interface OkxExchangeDeps {
  market: Market;
  scheduler: Scheduler;
  timing: FakeTiming;
  now: () => number;
  catalog: OkxCatalog;
  extraEndpoints: Record<string, OkxEndpoint>;
}

/** OKX on one loopback port: REST and the /ws/v5/public and /ws/v5/business sockets. */
export class OkxExchange {
  readonly faults = noFaults();
  readonly sockets: OkxSocketServer;
  readonly rest: OkxRest;
  private readonly server: Server;
  port = 0;

  constructor(deps: OkxExchangeDeps) {
    this.sockets = new OkxSocketServer(this.faults, deps.catalog, deps.timing, deps.now, deps.scheduler);
    this.rest = new OkxRest({ ...publicEndpoints(deps.market, deps.now), ...deps.extraEndpoints }, this.faults, deps.now);
    new OkxPushes(this.sockets, deps.market, deps.now, deps.scheduler.rate, deps.scheduler);
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
