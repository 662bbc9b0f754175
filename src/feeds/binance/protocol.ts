import type { Inbound, OutboundFrame, WireProtocol } from '../../connection/protocol';
import { decodeObjectFrame } from '../frames';

/** Binance streams are named by string, e.g. `!markPrice@arr@1s`, `btcusdt@optionMarkPrice`. */
export type BinanceStream = string;

/** Streams per SUBSCRIBE request: small enough to keep frames modest, few enough requests to stay far under 10 msgs/s. */
const STREAMS_PER_REQUEST = 100;

function frames(method: 'SUBSCRIBE' | 'UNSUBSCRIBE', streams: BinanceStream[], nextId: () => number): OutboundFrame[] {
  const out: OutboundFrame[] = [];
  for (let i = 0; i < streams.length; i += STREAMS_PER_REQUEST) {
    const params = streams.slice(i, i + STREAMS_PER_REQUEST);
    const id = nextId();
    out.push({
      requestId: id,
      text: JSON.stringify({ method, params, id }),
      topicKeys: params,
      op: method === 'SUBSCRIBE' ? 'subscribe' : 'unsubscribe',
    });
  }
  return out;
}

function classify(raw: string): Inbound {
  const decoded = decodeObjectFrame(raw);
  if (!decoded.ok) return decoded.inbound;
  const { frame } = decoded;
  if (typeof frame.stream === 'string' && 'data' in frame) {
    return { kind: 'data', topicKey: frame.stream, payload: frame.data };
  }
  const id = typeof frame.id === 'number' ? frame.id : null;
  if ('result' in frame && id !== null) return { kind: 'ack', requestId: id, topicKey: null };
  if ('code' in frame) {
    const code = String(frame.code);
    const text = typeof frame.msg === 'string' ? frame.msg : 'error';
    return id !== null
      ? { kind: 'request-error', requestId: id, code, message: text }
      : { kind: 'server-error', code, message: text };
  }
  return { kind: 'unknown', reason: `unrecognised frame: ${raw.slice(0, 80)}` };
}

/**
 * Binance USDⓈ-M / options market streams on the routed `/market` path, combined-stream form
 * (`{"stream","data"}`) so every push names its stream. Limits from the exchange's docs: at most
 * 10 incoming messages a second per socket, 1024 streams per socket (200 on options), a 24 h cut.
 * Browsers answer Binance's ping frames themselves, so liveness is checked with LIST_SUBSCRIPTIONS.
 */
export const binanceProtocol: WireProtocol<BinanceStream> = {
  exchange: 'binance',
  topicKey: (stream) => stream,
  socketUrl: (endpoint) => `${endpoint}/stream`,
  subscribeFrames: (streams, nextId) => frames('SUBSCRIBE', streams, nextId),
  unsubscribeFrames: (streams, nextId) => frames('UNSUBSCRIBE', streams, nextId),
  classify,
  heartbeat: {
    idleMs: 5000,
    answerTimeoutMs: 5000,
    frame: (nextId) => JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: nextId() }),
  },
  firstDataTimeoutMs: 15_000,
  maxTopicsPerSocket: 200,
  minSendIntervalMs: 250,
  // Documented: 300 connection attempts per 5 minutes per IP; one every 250 ms stays far inside it.
  connectRate: { sockets: 1, perMs: 250 },
  maxSocketLifetimeMs: 24 * 60 * 60_000,
};
