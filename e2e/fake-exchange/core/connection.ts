import type { WebSocket } from 'ws';
import type { ExchangeFaults } from './faults.ts';

/** The TCP socket under a WebSocket: the upgrade's socket, which `ws` writes its frames to. */
export interface Transport {
  cork(): void;
  uncork(): void;
}

/**
 * One client socket as the fake exchange sees it: counts traffic for /stats and drops every
 * outgoing frame while the exchange is stalled.
 */
export class Connection {
  readonly openedAt: number;
  /** Server time of the last frame actually sent (pushes, acks). */
  lastSentAt: number;
  sent = 0;
  received = 0;
  private corked = false;

  constructor(
    readonly socket: WebSocket,
    private readonly transport: Transport,
    readonly path: string,
    private readonly faults: ExchangeFaults,
    protected readonly now: () => number,
  ) {
    this.openedAt = now();
    this.lastSentAt = this.openedAt;
  }

  get open(): boolean {
    return this.socket.readyState === this.socket.OPEN;
  }

  /** Sends a prebuilt text frame; the same string is shared by every subscriber of a push. */
  send(text: string): boolean {
    if (this.faults.stalled) return false;
    this.sendRaw(text);
    return true;
  }

  /**
   * Sends even while stalled: for the control API's deliberate faults only. Frames sent in one
   * turn of the event loop (a push round) leave in one write to the TCP socket, as a server
   * batching its output would send them, rather than one system call per frame. Each frame is
   * still its own WebSocket message.
   */
  sendRaw(text: string): void {
    if (!this.open) return;
    if (!this.corked) {
      this.corked = true;
      this.transport.cork();
      process.nextTick(() => {
        this.corked = false;
        this.transport.uncork();
      });
    }
    this.socket.send(text);
    this.sent++;
    this.lastSentAt = this.now();
  }

  ping(): void {
    if (!this.faults.stalled && this.open) this.socket.ping();
  }

  /** Answers a client ping frame (automatic pongs are off so a stall can swallow them). */
  pong(data: Buffer): void {
    if (!this.faults.stalled && this.open) this.socket.pong(data);
  }
}
