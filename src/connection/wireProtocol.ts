import type { ExchangeId } from '../domain/exchange';
import type { ConnectRate } from './connectGate';

/**
 * What an inbound frame is, as far as the connection layer cares. Only `data` goes on to
 * the feeds; everything else is protocol traffic the layer handles itself.
 */
export type Inbound =
  | { kind: 'data'; topicKey: string; payload: unknown }
  | { kind: 'ack'; requestId: number | null; topicKey: string | null }
  | { kind: 'request-error'; requestId: number | null; code: string; message: string }
  | { kind: 'server-error'; code: string; message: string }
  /** The venue dropped every subscription of this socket (Binance past its stream cap) and is closing it. */
  | { kind: 'subscriptions-dropped'; code: string; message: string }
  | { kind: 'reconnect-notice'; code: string; message: string }
  | { kind: 'pong' }
  | { kind: 'malformed'; reason: string }
  | { kind: 'unknown'; reason: string };

/**
 * An exchange's wire rules, given to the connection layer by the feed (src/feeds/<exchange>/protocol.ts).
 * Pure: building and classifying frames, and the limits the exchange enforces.
 */
export interface WireProtocol<Topic> {
  exchange: ExchangeId;
  /** Identity of a topic: two equal keys are one subscription on the wire. */
  topicKey(topic: Topic): string;
  /** The URL a socket opens (the endpoint base is passed in). */
  socketUrl(endpoint: string): string;
  /** Frames that subscribe `topics`, batched within the exchange's per-request limits. */
  subscribeFrames(topics: Topic[], nextRequestId: () => number): OutboundFrame[];
  unsubscribeFrames(topics: Topic[], nextRequestId: () => number): OutboundFrame[];
  /** Decodes one frame (JSON parsed once, here) and says what it is. */
  classify(raw: string): Inbound;
  /**
   * What a request error refuses: 'per-topic' (the default; OKX acks each good argument and errors
   * the bad ones) or 'whole-request' (Binance: nothing in the request is subscribed, so the socket
   * retries its topics in smaller requests to find the refused ones).
   */
  refusal?: 'per-topic' | 'whole-request';
  /**
   * For a frame that restates its topic's whole state (a snapshot push: a newer one makes it
   * worthless), the topic's identity read from the raw text without decoding it; null for any
   * other frame. Lets the connection layer decode only the newest of a topic's pushes per read.
   */
  snapshotKey?(raw: string): string | null;
  /** Liveness probe sent when the socket has been silent; any inbound frame answers it. */
  heartbeat: { idleMs: number; answerTimeoutMs: number; frame(nextRequestId: () => number): string };
  /** An open socket that has delivered no data for this long is treated as dead. */
  firstDataTimeoutMs: number;
  maxTopicsPerSocket: number;
  /** Spacing between frames we send on one socket (exchanges close sockets that send too fast). */
  minSendIntervalMs: number;
  /** New sockets to this exchange allowed per window (its per-IP connection-rate limit, with a margin). */
  connectRate: ConnectRate;
  /** The exchange cuts sockets after this long; we move to a fresh one before. */
  maxSocketLifetimeMs: number | null;
}

export interface OutboundFrame {
  requestId: number;
  text: string;
  topicKeys: string[];
  op: 'subscribe' | 'unsubscribe';
}
