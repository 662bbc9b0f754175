import type { Server, ServerResponse } from 'node:http';
import { answerPreflight, closeServer, createHttpServer, listenLoopback, requestUrl, sendJson } from '../core/http.ts';
import type { Scheduler } from '../core/scheduler.ts';
import type { BinanceExchange } from '../binance/binanceExchange.ts';
import type { MarketData } from '../markets/marketData.ts';
import type { OptionMarket } from '../markets/options.ts';
import type { OkxExchange } from '../okx/okxExchange.ts';
import type { FakeTiming } from '../timing.ts';
import { ControlError } from './command.ts';
import { faultCommands } from './faultCommands.ts';
import { marketCommands } from './marketCommands.ts';
import { controlQueries } from './queries.ts';
import { exchangeStats } from './stats.ts';

export interface ControlDeps {
  binance: BinanceExchange;
  okx: OkxExchange;
  data: MarketData;
  options: OptionMarket;
  scheduler: Scheduler;
  timing: FakeTiming;
  now: () => number;
}

/** The test-only control API on its own loopback port: faults and market settings on command, /stats and other reads. */
export class ControlServer {
  private readonly server: Server;
  port = 0;

  constructor(deps: ControlDeps) {
    const commands = { ...faultCommands(deps), ...marketCommands(deps) };
    const queries = controlQueries(deps);
    this.server = createHttpServer((request, response) => {
      if (answerPreflight(request, response)) return;
      const url = requestUrl(request);
      if (request.method === 'GET' && url.pathname === '/stats') {
        sendJson(response, 200, exchangeStats(deps.binance, deps.okx));
        return;
      }
      const read = queries[url.pathname];
      if (request.method === 'GET' && read) {
        answer(response, () => read(url.searchParams));
        return;
      }
      const command = commands[url.pathname];
      if (request.method !== 'POST' || !command) {
        sendJson(response, 404, { ok: false, error: `no control endpoint ${request.method} ${url.pathname}` });
        return;
      }
      // A command may take the request's body (/inject: the frame to send), so it runs once the body is in.
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => answer(response, () => command(url.searchParams, Buffer.concat(chunks).toString('utf8'))));
    });
  }

  async listen(port: number): Promise<void> {
    this.port = await listenLoopback(this.server, port);
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }
}

/** `{ ok: true, ...result }`, or `{ ok: false, error }`: 400 for bad input, 500 for a fault of the fake's own. */
function answer(response: ServerResponse, run: () => Record<string, unknown>): void {
  try {
    sendJson(response, 200, { ok: true, ...run() });
  } catch (error) {
    sendJson(response, error instanceof ControlError ? 400 : 500, { ok: false, error: error instanceof Error ? error.message : String(error) });
  }
}
