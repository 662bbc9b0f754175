import type { Inbound, OutboundFrame, WireProtocol } from '../../connection/wireProtocol';
import { decodeObjectFrame } from '../frames';
import { readRequestError } from './requestErrors';

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

const STREAM_START = '{"stream":"';
/** Streams whose every push restates the whole state of what it carries: mark prices, all-market or per symbol, and option marks. */
const SNAPSHOT_STREAM = /(markPrice|MarkPrice)(@arr)?(@1s)?$/;
const BACKSLASH = 0x5c;

/**
 * A push of a snapshot stream, recognised by its compact text `{"stream":"!markPrice@arr@1s",
 * "data":[{"e":"markPriceUpdate","E":…,"s":"BTCUSDT"`: the key is the stream and its first item's
 * symbol (`!markPrice@arr@1s BTCUSDT`; not the text up to it, which holds the event time). The
 * symbol is part of the key because one stream may push its whole state in several messages
 * (Binance sends TradFi perpetuals' marks apart from the others'), each of which only a newer
 * message starting with the same symbol replaces. The change-only mini-ticker stream is not a
 * snapshot. A frame laid out otherwise is read on arrival.
 */
function snapshotKey(raw: string): string | null {
  if (!raw.startsWith(STREAM_START)) return null;
  const nameEnd = raw.indexOf('"', STREAM_START.length);
  if (nameEnd < 0 || raw.charCodeAt(nameEnd - 1) === BACKSLASH || !raw.startsWith('","data":', nameEnd)) return null;
  const stream = raw.slice(STREAM_START.length, nameEnd);
  if (!SNAPSHOT_STREAM.test(stream)) return null;
  const firstItemEnd = raw.indexOf('}', nameEnd);
  const symbolStart = raw.indexOf('"s":"', nameEnd) + '"s":"'.length;
  if (symbolStart < '"s":"'.length || symbolStart > firstItemEnd) return null;
  const symbolEnd = raw.indexOf('"', symbolStart);
  if (symbolEnd < 0 || symbolEnd > firstItemEnd || raw.charCodeAt(symbolEnd - 1) === BACKSLASH) return null;
  return `${stream} ${raw.slice(symbolStart, symbolEnd)}`;
}

/** Binance's code for a socket past its stream cap: it drops every stream of the socket and closes it (1008). */
const TOO_MANY_SUBSCRIPTIONS = '4';

function classify(raw: string): Inbound {
  const decoded = decodeObjectFrame(raw);
  if (!decoded.ok) return decoded.inbound;
  const { frame } = decoded;
  if (typeof frame.stream === 'string' && frame.stream !== '' && 'data' in frame) {
    return { kind: 'data', topicKey: frame.stream, payload: frame.data };
  }
  const id = Number.isSafeInteger(frame.id) ? (frame.id as number) : null;
  const error = readRequestError(frame);
  if (error !== null) {
    const code = error.code ?? '';
    if (id !== null) return { kind: 'request-error', requestId: id, code, message: error.message };
    return code === TOO_MANY_SUBSCRIPTIONS
      ? { kind: 'subscriptions-dropped', code, message: error.message }
      : { kind: 'server-error', code, message: error.message };
  }
  if ('result' in frame && id !== null) return { kind: 'ack', requestId: id, topicKey: null };
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
  // An invalid stream fails its whole SUBSCRIBE: nothing in it is subscribed, and the answer does not say which.
  refusal: 'whole-request',
  snapshotKey,
  heartbeat: {
    idleMs: 5000,
    answerTimeoutMs: 5000,
    frame: (nextId) => JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: nextId() }),
  },
  firstDataTimeoutMs: 15_000,
  // Options sockets take 200 streams, futures sockets 1,024 (past it Binance drops them all): 200 fits both.
  maxTopicsPerSocket: 200,
  minSendIntervalMs: 250,
  // Documented: 300 connection attempts per 5 minutes per IP; one every 250 ms stays far inside it.
  connectRate: { sockets: 1, perMs: 250 },
  maxSocketLifetimeMs: 24 * 60 * 60_000,
};
