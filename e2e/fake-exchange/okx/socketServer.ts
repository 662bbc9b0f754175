import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { upgradeRefusal, type ExchangeFaults } from '../core/faults.ts';
import { refuseUpgrade, requestUrl } from '../core/http.ts';
import type { Scheduler } from '../core/scheduler.ts';
import { SubscriptionIndex } from '../core/subscriptionIndex.ts';
import type { FakeTiming } from '../timing.ts';
import { describeArg, resolveOkxChannel, type OkxCatalog, type OkxChannel } from './channels.ts';
import { OkxConnection, type OkxArg, type OkxPath } from './connection.ts';
import { okxGeoBlockBody } from './geoBlock.ts';
import { perRegion, type OkxRegion } from './regions.ts';
import { isOkxRequestError, parseOkxRequest, type OkxRequest } from './requests.ts';

/** Documented limits: 3 new connections per second per IP, 480 (un)subscribe requests per hour per connection, 64 KB requests. */
const NEW_CONNECTIONS_PER_SECOND = 3;
const REQUESTS_PER_HOUR = 480;
const MAX_REQUEST_BYTES = 64 * 1024;
const PATHS: Record<string, OkxPath> = { '/ws/v5/public': 'public', '/ws/v5/business': 'business' };

/**
 * OKX's public and business WebSocket endpoints: ops, acks and errors, text ping/pong, limits and
 * the idle timeout. Payloads come from OkxPushes through `index` and `onSubscribed`.
 */
export class OkxSocketServer {
  readonly connections = new Set<OkxConnection>();
  readonly index = new SubscriptionIndex<OkxConnection>();
  /** Channel resolved per key, so pushes need not re-validate. */
  readonly channels = new Map<string, OkxChannel>();
  refusedUpgrades = 0;
  /** Connections accepted since start, per region. */
  readonly opened = perRegion(() => 0);
  onSubscribed: (connection: OkxConnection, channel: OkxChannel, arg: OkxArg) => void = () => {};
  private readonly wss = new WebSocketServer({ noServer: true, autoPong: false, maxPayload: 4 * MAX_REQUEST_BYTES });
  private recentUpgrades: number[] = [];
  private connectionCount = 0;

  constructor(
    private readonly faults: ExchangeFaults,
    private readonly catalog: OkxCatalog,
    private readonly timing: FakeTiming,
    private readonly now: () => number,
    scheduler: Scheduler,
  ) {
    scheduler.every(Math.min(1000, timing.okxIdleTimeoutMs / 4), () => this.closeIdle());
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, region: OkxRegion): void {
    const refused = upgradeRefusal(this.faults);
    if (refused !== null) {
      this.refusedUpgrades++;
      refuseUpgrade(socket, refused, okxGeoBlockBody(refused));
      return;
    }
    const url = requestUrl(request);
    const kind = PATHS[url.pathname];
    if (!kind) {
      this.refusedUpgrades++;
      refuseUpgrade(socket, 404);
      return;
    }
    const now = this.now();
    this.recentUpgrades = this.recentUpgrades.filter((time) => time > now - 1000);
    if (this.recentUpgrades.length >= NEW_CONNECTIONS_PER_SECOND) {
      this.refusedUpgrades++;
      refuseUpgrade(socket, 429);
      return;
    }
    this.recentUpgrades.push(now);
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const connId = (Math.imul(++this.connectionCount, 0x9e3779b1) >>> 0).toString(16).padStart(8, '0');
      this.accept(new OkxConnection(ws, socket, url.pathname + url.search, this.faults, this.now, kind, connId, region), ws);
    });
  }

  /** Forgets recent upgrades, so one test's reconnects do not count against the next test's page. */
  resetConnectionRate(): void {
    this.recentUpgrades = [];
  }

  terminateAll(): void {
    for (const connection of this.connections) connection.socket.terminate();
  }

  /** Sends a frame to every open connection even while stalled (control API faults). */
  broadcastRaw(text: (connection: OkxConnection) => string): void {
    for (const connection of this.connections) connection.sendRaw(text(connection));
  }

  close(): void {
    this.terminateAll();
    this.wss.close();
  }

  private accept(connection: OkxConnection, ws: WebSocket): void {
    this.connections.add(connection);
    this.opened[connection.region]++;
    ws.on('message', (data, isBinary) => this.receive(connection, data, isBinary));
    ws.on('ping', (data) => connection.pong(data));
    ws.on('close', () => this.forget(connection));
    ws.on('error', () => ws.terminate());
  }

  private receive(connection: OkxConnection, data: RawData, isBinary: boolean): void {
    connection.received++;
    if (this.faults.stalled) return;
    const size = Array.isArray(data) ? data.reduce((sum, part) => sum + part.length, 0) : data.byteLength;
    if (size > MAX_REQUEST_BYTES) {
      connection.socket.close(1009, 'Request message exceeds the maximum frame length');
      return;
    }
    const text = data.toString();
    connection.lastHeardAt = this.now();
    if (!isBinary && text === 'ping') {
      connection.send('pong');
      return;
    }
    const parsed = parseOkxRequest(text);
    if (isOkxRequestError(parsed)) {
      this.sendError(connection, parsed.code, parsed.msg, parsed.id);
      return;
    }
    if (!connection.withinRequestBudget(this.now(), REQUESTS_PER_HOUR)) {
      this.sendError(connection, '60014', 'Requests too frequent.', parsed.id);
      return;
    }
    for (const arg of parsed.args) this.apply(connection, parsed, arg);
  }

  private apply(connection: OkxConnection, request: OkxRequest, arg: OkxArg): void {
    const channel = resolveOkxChannel(arg, connection.kind, this.catalog);
    if (!channel) {
      const msg = `${request.op === 'subscribe' ? 'Subscribe' : 'Unsubscribe'} failed, wrong URL or ${describeArg(arg)} doesn't exist. Please use the correct URL, channel and parameters referring to API document.`;
      this.sendError(connection, '60018', msg, request.id);
      return;
    }
    const ack = JSON.stringify({ ...(request.id ? { id: request.id } : {}), event: request.op, arg, connId: connection.connId });
    if (request.op === 'subscribe') {
      connection.args.set(channel.key, arg);
      this.channels.set(channel.key, channel);
      this.index.add(channel.key, connection);
      connection.send(ack);
      this.onSubscribed(connection, channel, arg);
    } else {
      connection.args.delete(channel.key);
      this.index.remove(channel.key, connection);
      connection.send(ack);
    }
  }

  private sendError(connection: OkxConnection, code: string, msg: string, id?: string): void {
    connection.send(JSON.stringify({ ...(id ? { id } : {}), event: 'error', code, msg, connId: connection.connId }));
  }

  private forget(connection: OkxConnection): void {
    this.connections.delete(connection);
    for (const key of connection.args.keys()) this.index.remove(key, connection);
  }

  private closeIdle(): void {
    // A stalled exchange is a black hole: it neither talks nor hangs up.
    if (this.faults.stalled) return;
    const now = this.now();
    for (const connection of this.connections) {
      if (connection.idleFor(now) >= this.timing.okxIdleTimeoutMs) connection.socket.close(4004, 'No data received in 30s');
    }
  }
}
