import type { ExchangeId } from '../domain/exchange';
import type { ConnectRate } from './connectGate';

/** What an inbound frame is to the connection layer: only `data` goes on to the feeds, the rest it handles itself. */
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

/** An exchange's wire rules, given by its feed: pure frame building and classifying, and the limits the exchange enforces. */
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
  /** What a request error refuses: 'per-topic' (default; OKX acks the good arguments) or 'whole-request' (Binance subscribes none). */
  refusal?: 'per-topic' | 'whole-request';
  /** The topic of a push that restates its whole state, read without decoding (null otherwise), so only the newest is decoded. */
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
