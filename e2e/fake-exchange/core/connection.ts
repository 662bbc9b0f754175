import type { WebSocket } from 'ws';
import type { ExchangeFaults } from './faults.ts';

/** About a dozen TCP segments (frames are ASCII JSON, so characters count as bytes): big frames (Binance's all-market arrays) leave at once. */
const WRITE_BATCH_BYTES = 16 * 1024;

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
  /** Bytes of frames handed to the corked socket and not yet written out. */
  private batchedBytes = 0;

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
   * Sends even while stalled: for the control API's deliberate faults only. Small frames sent in
   * one turn of the event loop (a push round) are gathered into writes of up to WRITE_BATCH_BYTES,
   * as a server batching its output would send them, rather than one system call per frame; a
   * batch leaves once it is that big or the turn ends, so a frame waits at most the time it takes
   * to build the next ~50 small ones. Each frame is still its own WebSocket message.
   */
  sendRaw(text: string): void {
    if (!this.open) return;
    if (this.batchedBytes === 0) {
      this.transport.cork();
      process.nextTick(this.flush);
    }
    this.socket.send(text);
    this.sent++;
    this.lastSentAt = this.now();
    this.batchedBytes += text.length;
    if (this.batchedBytes >= WRITE_BATCH_BYTES) this.flush();
  }

  /** Writes out the frames gathered since the socket was corked (once per cork; later calls do nothing). */
  private readonly flush = (): void => {
    if (this.batchedBytes === 0) return;
    this.batchedBytes = 0;
    this.transport.uncork();
  };

  ping(): void {
    if (!this.faults.stalled && this.open) this.socket.ping();
  }

  /** Answers a client ping frame (automatic pongs are off so a stall can swallow them). */
  pong(data: Buffer): void {
    if (!this.faults.stalled && this.open) this.socket.pong(data);
  }
}
