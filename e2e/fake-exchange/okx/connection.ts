import type { WebSocket } from 'ws';
import { Connection, type Transport } from '../core/connection.ts';
import type { ExchangeFaults } from '../core/faults.ts';
import type { OkxRegion } from './regions.ts';

export type OkxPath = 'public' | 'business';

/** A subscription argument as the client sent it; pushes and acks echo it back. */
export type OkxArg = Record<string, string>;

export class OkxConnection extends Connection {
  readonly connId: string;
  /** Subscribed args by channel key. */
  readonly args = new Map<string, OkxArg>();
  /** Last subscription or ping received (sending is tracked by lastSentAt). */
  lastHeardAt: number;
  private readonly requestTimes: number[] = [];

  constructor(
    socket: WebSocket,
    transport: Transport,
    path: string,
    faults: ExchangeFaults,
    now: () => number,
    readonly kind: OkxPath,
    connId: string,
    /** The region whose port the client connected to. */
    readonly region: OkxRegion,
  ) {
    super(socket, transport, path, faults, now);
    this.connId = connId;
    this.lastHeardAt = this.openedAt;
  }

  /** OKX drops a connection with no subscription, push or ping for this long. */
  idleFor(now: number): number {
    return now - Math.max(this.lastHeardAt, this.lastSentAt);
  }

  /** Counts a subscribe/unsubscribe request; false when it would exceed `limit` within the past hour. */
  withinRequestBudget(now: number, limit: number): boolean {
    const hourAgo = now - 3_600_000;
    while (this.requestTimes.length > 0 && this.requestTimes[0]! <= hourAgo) this.requestTimes.shift();
    if (this.requestTimes.length >= limit) return false;
    this.requestTimes.push(now);
    return true;
  }
}
