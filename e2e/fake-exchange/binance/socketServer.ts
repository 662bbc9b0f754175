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
/** What the live host sends past 1,024 streams, with no id, before it closes the socket (1008) with all of them. */
export const TOO_MANY_SUBSCRIPTIONS = { code: 4, msg: 'Too many subscriptions' } as const;
/** The live host's answer to a SUBSCRIBE naming a stream it does not accept; nothing in the request is subscribed. */
export const INVALID_STREAM = { code: 2, msg: 'Invalid request: invalid stream' } as const;
const POLICY_VIOLATION = 1008;
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
  /** Streams every SUBSCRIBE naming them is refused for (control API `/refuse-stream`), until `/reset`. */
  readonly refusedStreams = new Set<string>();
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
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const connection = new BinanceConnection(ws, socket, url.pathname + url.search, this.faults, this.now, routed.route, routed.combined);
      this.accept(connection, ws);
      if (routed.streams.length > MAX_STREAMS_PER_CONNECTION) this.dropAll(connection);
      else this.subscribe(connection, routed.streams);
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
    connection.socket.close(POLICY_VIOLATION, 'Too many requests');
    return false;
  }

  private receive(connection: BinanceConnection, data: RawData, isBinary: boolean): void {
    if (!this.countIncoming(connection) || this.faults.stalled) return;
    if (isBinary) {
      // Measured on the live host: a JSON request sent as a binary frame closes the socket.
      connection.socket.close(POLICY_VIOLATION, 'Invalid request');
      return;
    }
    const parsed = parseRequest(data.toString());
    if (isRequestError(parsed)) {
      connection.send(errorAnswer(parsed, parsed.id));
      return;
    }
    const answer = this.answer(connection, parsed);
    if (answer === 'too-many') this.dropAll(connection);
    else connection.send('error' in answer ? errorAnswer(answer.error, parsed.id) : JSON.stringify({ result: answer.result, id: parsed.id }));
  }

  private answer(
    connection: BinanceConnection,
    request: BinanceRequest,
  ): { result: unknown } | { error: { code: number; msg: string } } | 'too-many' {
    switch (request.method) {
      case 'SUBSCRIBE': {
        if (request.params.some((name) => this.refusedStreams.has(name))) return { error: INVALID_STREAM };
        const fresh = request.params.filter((name) => !connection.streams.has(name));
        if (connection.streams.size + fresh.length > MAX_STREAMS_PER_CONNECTION) return 'too-many';
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

  /** Past the stream cap the live host says so, without an id, and closes the socket with everything on it. */
  private dropAll(connection: BinanceConnection): void {
    connection.send(errorAnswer(TOO_MANY_SUBSCRIPTIONS, null));
    connection.socket.close(POLICY_VIOLATION);
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

/**
 * An error as the live host sends it: nested, `{"error":{"code":2,"msg":"…"},"id":3}`, without an
 * id when none was read (the docs' table still shows it flat, `{"code":…,"msg":…,"id":…}`).
 */
function errorAnswer(error: { code: number; msg: string }, id: number | null): string {
  const nested = { code: error.code, msg: error.msg };
  return JSON.stringify(id === null ? { error: nested } : { error: nested, id });
}
