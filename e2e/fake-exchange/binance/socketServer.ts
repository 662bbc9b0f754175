import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { upgradeRefusal, type ExchangeFaults } from '../core/faults.ts';
import { refuseUpgrade, requestUrl } from '../core/http.ts';
import type { Scheduler } from '../core/scheduler.ts';
import { SubscriptionIndex } from '../core/subscriptionIndex.ts';
import type { FakeTiming } from '../timing.ts';
import { BinanceConnection } from './connection.ts';
import { BINANCE_GEO_BLOCK_BODY } from './geoBlock.ts';
import { isRequestError, parseRequest, type BinanceRequest } from './requests.ts';
import { routeUpgrade } from './routes.ts';

/** Documented per-connection limits of the futures stream host. */
export const MAX_STREAMS_PER_CONNECTION = 1024;
export const MAX_INCOMING_PER_SECOND = 10;
/** How often ping deadlines and lifetimes are checked; fine enough for the shortest test timings. */
const HOUSEKEEPING_MS = 50;

/**
 * Binance's stream host: routing, live (un)subscription, limits, heartbeats and lifetime.
 * It knows nothing about payloads; pushes look subscribers up in `index`.
 */
export class BinanceSocketServer {
  readonly connections = new Set<BinanceConnection>();
  /** Market-route subscribers only: silent routes never receive market-tier pushes. */
  readonly index = new SubscriptionIndex<BinanceConnection>();
  refusedUpgrades = 0;
  private readonly wss = new WebSocketServer({ noServer: true, autoPong: false });

  constructor(
    private readonly faults: ExchangeFaults,
    private readonly timing: FakeTiming,
    private readonly now: () => number,
    scheduler: Scheduler,
  ) {
    scheduler.every(Math.min(HOUSEKEEPING_MS, timing.binancePingIntervalMs), () => this.housekeeping());
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const refused = upgradeRefusal(this.faults);
    if (refused !== null) {
      this.refusedUpgrades++;
      refuseUpgrade(socket, refused, BINANCE_GEO_BLOCK_BODY);
      return;
    }
    const url = requestUrl(request);
    const routed = routeUpgrade(url);
    if (!routed) {
      this.refusedUpgrades++;
      refuseUpgrade(socket, 404);
      return;
    }
    if (routed.streams.length > MAX_STREAMS_PER_CONNECTION) {
      // The docs only state the cap; refusing the handshake is how the host treats an over-long URL.
      this.refusedUpgrades++;
      refuseUpgrade(socket, 400);
      return;
    }
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new BinanceConnection(ws, socket, url.pathname + url.search, this.faults, this.now, routed.route, routed.combined);
      this.accept(connection, ws);
      this.subscribe(connection, routed.streams);
    });
  }

  terminateAll(): void {
    for (const connection of this.connections) connection.socket.terminate();
  }

  close(): void {
    this.terminateAll();
    this.wss.close();
  }

  private accept(connection: BinanceConnection, ws: WebSocket): void {
    this.connections.add(connection);
    ws.on('message', (data, isBinary) => this.receive(connection, data, isBinary));
    ws.on('ping', (data) => {
      if (this.countIncoming(connection)) connection.pong(data);
    });
    ws.on('pong', () => {
      connection.lastPongAt = this.now();
      this.countIncoming(connection);
    });
    ws.on('close', () => this.forget(connection));
    ws.on('error', () => ws.terminate());
  }

  /** Counts a frame against the 10-per-second limit; closes the socket and returns false when over. */
  private countIncoming(connection: BinanceConnection): boolean {
    connection.received++;
    if (!connection.overRate(this.now(), MAX_INCOMING_PER_SECOND)) return true;
    connection.socket.close(1008, 'Too many requests');
    return false;
  }

  private receive(connection: BinanceConnection, data: RawData, isBinary: boolean): void {
    if (!this.countIncoming(connection) || this.faults.stalled) return;
    if (isBinary) {
      // Measured on the live host: a JSON request sent as a binary frame closes the socket.
      connection.socket.close(1008, 'Invalid request');
      return;
    }
    const parsed = parseRequest(data.toString());
    if (isRequestError(parsed)) {
      connection.send(JSON.stringify(parsed));
      return;
    }
    const answer = this.answer(connection, parsed);
    connection.send(JSON.stringify('error' in answer ? { ...answer.error, id: parsed.id } : { result: answer.result, id: parsed.id }));
  }

  private answer(connection: BinanceConnection, request: BinanceRequest): { result: unknown } | { error: { code: number; msg: string } } {
    switch (request.method) {
      case 'SUBSCRIBE': {
        const fresh = request.params.filter((name) => !connection.streams.has(name));
        if (connection.streams.size + fresh.length > MAX_STREAMS_PER_CONNECTION) {
          // The cap is documented, the answer is not: refuse the whole request and add nothing,
          // so the client learns it must spread its streams over more sockets.
          return { error: { code: 2, msg: `Invalid request: a connection can listen to at most ${MAX_STREAMS_PER_CONNECTION} streams` } };
        }
        this.subscribe(connection, fresh);
        return { result: null };
      }
      case 'UNSUBSCRIBE':
        for (const name of request.params) {
          connection.streams.delete(name);
          this.index.remove(name, connection);
        }
        return { result: null };
      case 'LIST_SUBSCRIPTIONS':
        return { result: [...connection.streams] };
      case 'SET_PROPERTY':
        connection.combined = request.value === true;
        return { result: null };
      case 'GET_PROPERTY':
        return { result: connection.combined };
    }
  }

  private subscribe(connection: BinanceConnection, streams: string[]): void {
    for (const name of streams) {
      connection.streams.add(name);
      if (connection.delivers) this.index.add(name, connection);
    }
  }

  private forget(connection: BinanceConnection): void {
    this.connections.delete(connection);
    for (const name of connection.streams) this.index.remove(name, connection);
  }

  /** Pings on schedule, drops sockets that stopped ponging, and cuts every socket at its lifetime. */
  private housekeeping(): void {
    // A stalled exchange is a black hole: it neither pings nor hangs up.
    if (this.faults.stalled) return;
    const now = this.now();
    const { binancePingIntervalMs, binancePongTimeoutMs, binanceMaxLifetimeMs } = this.timing;
    for (const connection of this.connections) {
      if (now - connection.openedAt >= binanceMaxLifetimeMs) {
        connection.socket.close(1000, 'Connection lifetime expired');
      } else if (now - connection.lastPongAt >= binancePongTimeoutMs) {
        connection.socket.terminate();
      } else if (now - (connection.lastPingAt ?? connection.openedAt) >= binancePingIntervalMs) {
        connection.lastPingAt = now;
        connection.ping();
      }
    }
  }
}
