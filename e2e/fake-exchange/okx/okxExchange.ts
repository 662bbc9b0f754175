import type { Server } from 'node:http';
import { noFaults } from '../core/faults.ts';
import { closeServer, createHttpServer, listenLoopback } from '../core/http.ts';
import type { Scheduler } from '../core/scheduler.ts';
import type { MarketData } from '../markets/marketData.ts';
import type { FakeTiming } from '../timing.ts';
import { OkxCandles } from './candles.ts';
import { okxCatalog } from './catalog.ts';
import { defaultListModes } from './listModes.ts';
import { OkxIndexes } from './indexes.ts';
import { marketEndpoints } from './marketEndpoints.ts';
import type { OkxOptionSource } from './options.ts';
import { publicEndpoints } from './publicEndpoints.ts';
import { OkxPushes } from './pushes.ts';
import { OkxRest } from './rest.ts';
import { OkxSocketServer } from './socketServer.ts';

export interface OkxExchangeDeps {
  data: MarketData;
  options: OkxOptionSource;
  scheduler: Scheduler;
  timing: FakeTiming;
  now: () => number;
}

/** OKX on one loopback port: REST and the /ws/v5/public and /ws/v5/business sockets. */
export class OkxExchange {
  readonly faults = noFaults();
  readonly listModes = defaultListModes();
  readonly sockets: OkxSocketServer;
  readonly rest: OkxRest;
  readonly pushes: OkxPushes;
  private readonly server: Server;
  port = 0;

  constructor({ data, options, scheduler, timing, now }: OkxExchangeDeps) {
    const indexes = new OkxIndexes(data.market);
    const candles = new OkxCandles(data.market, data.prices, indexes);
    this.sockets = new OkxSocketServer(this.faults, okxCatalog(data.market, indexes, options), timing, now, scheduler);
    this.rest = new OkxRest(
      { ...publicEndpoints(data.market, options, this.listModes, now), ...marketEndpoints(data, indexes, candles, now) },
      this.faults,
      now,
    );
    this.pushes = new OkxPushes(
      this.sockets,
      { market: data.market, dayStats: data.dayStats, indexes, candles, options, listModes: this.listModes, timing },
      now,
      scheduler.rate,
      scheduler,
    );
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
