import type { WebSocket } from 'ws';
import { Connection, type Transport } from '../core/connection.ts';
import type { ExchangeFaults } from '../core/faults.ts';

/**
 * Which routed path the socket came in on. Only `/market/...` delivers market-tier streams
 * (mark price, tickers, option mark price); the legacy unrouted `/ws` and `/stream` and the
 * `/public` route accept the same requests and stay silent for them, as the real host does.
 */
export type BinanceRoute = 'market' | 'public' | 'legacy';

export class BinanceConnection extends Connection {
  readonly streams = new Set<string>();
  /** Combined payloads are wrapped {"stream","data"}; raw ones are not. SET_PROPERTY can flip it. */
  combined: boolean;
  lastPongAt: number;
  lastPingAt: number | null = null;
  private readonly recentMessages: number[] = [];

  constructor(socket: WebSocket, transport: Transport, path: string, faults: ExchangeFaults, now: () => number, readonly route: BinanceRoute, combined: boolean) {
    super(socket, transport, path, faults, now);
    this.combined = combined;
    this.lastPongAt = this.openedAt;
  }

  get delivers(): boolean {
    return this.route === 'market';
  }

  /** Counts one incoming message (text, ping or pong frame); true when over `limit` within the last second. */
  overRate(now: number, limit: number): boolean {
    this.recentMessages.push(now);
    while (this.recentMessages.length > 0 && this.recentMessages[0]! <= now - 1000) this.recentMessages.shift();
    return this.recentMessages.length > limit;
  }
}
