import type { Server } from 'node:http';
import { answerPreflight, closeServer, createHttpServer, listenLoopback, requestUrl, sendJson } from '../core/http.ts';
import type { Scheduler } from '../core/scheduler.ts';
import type { BinanceExchange } from '../binance/binanceExchange.ts';
import type { Market } from '../markets/market.ts';
import type { OkxExchange } from '../okx/okxExchange.ts';
import type { FakeTiming } from '../timing.ts';
import { ControlError, faultCommands } from './faultCommands.ts';
import { exchangeStats } from './stats.ts';

export interface ControlDeps {
  binance: BinanceExchange;
  okx: OkxExchange;
  market: Market;
  scheduler: Scheduler;
  timing: FakeTiming;
  now: () => number;
}

/** The test-only control API on its own loopback port: faults on command, and /stats. */
export class ControlServer {
  private readonly server: Server;
  port = 0;

  constructor(deps: ControlDeps) {
    const commands = faultCommands(deps);
    this.server = createHttpServer((request, response) => {
      if (answerPreflight(request, response)) return;
      const url = requestUrl(request);
      if (request.method === 'GET' && url.pathname === '/stats') {
        sendJson(response, 200, exchangeStats(deps.binance, deps.okx));
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
      request.on('end', () => {
        try {
          sendJson(response, 200, { ok: true, ...command(url.searchParams, Buffer.concat(chunks).toString('utf8')) });
        } catch (error) {
          sendJson(response, error instanceof ControlError ? 400 : 500, { ok: false, error: error instanceof Error ? error.message : String(error) });
        }
      });
    });
  }

  async listen(port: number): Promise<void> {
    this.port = await listenLoopback(this.server, port);
  }

  close(): Promise<void> {
    return closeServer(this.server);
  }
}
