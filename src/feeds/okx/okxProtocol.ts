import type { Inbound, OutboundFrame, WireProtocol } from '../../connection/wireProtocol';
import { decodeObjectFrame } from '../frames';
import { codeText, isRecord } from '../numbers';

/** An OKX channel argument, e.g. `{channel:'mark-price', instId:'BTC-USDT-SWAP'}`. */
export interface OkxArg {
  channel: string;
  instId?: string;
  instType?: string;
  instFamily?: string;
}

export function okxArgKey(arg: OkxArg): string {
  return `${arg.channel}|${arg.instId ?? ''}|${arg.instType ?? ''}|${arg.instFamily ?? ''}`;
}

/**
 * Args per request: at most ~70 bytes each, so about 28 KB, well below OKX's 64 KB request cap;
 * few requests against its 480-an-hour budget; and the screener's ~1,000 swap channels go out in
 * three requests, so every row is live within a few hundred ms (sent 100 ms apart).
 */
const ARGS_PER_REQUEST = 400;

function frames(op: 'subscribe' | 'unsubscribe', args: OkxArg[], nextId: () => number): OutboundFrame[] {
  const out: OutboundFrame[] = [];
  for (let i = 0; i < args.length; i += ARGS_PER_REQUEST) {
    const batch = args.slice(i, i + ARGS_PER_REQUEST);
    const id = nextId();
    out.push({
      requestId: id,
      text: JSON.stringify({ id: String(id), op, args: batch }),
      topicKeys: batch.map(okxArgKey),
      op,
    });
  }
  return out;
}

/**
 * Per-instrument channels whose every push is the instrument's whole state for that channel
 * (OKX pushes mark-price every 200 ms while it moves, tickers on every trade).
 */
const SNAPSHOT_KEY_START = '{"arg":{"channel":"';
const SNAPSHOT_PREFIXES = ['mark-price', 'funding-rate', 'tickers'].map((channel) => `${SNAPSHOT_KEY_START}${channel}","instId":"`);

/**
 * A push of a snapshot channel, recognised by its compact text `{"arg":{"channel":"mark-price",
 * "instId":"BTC-USDT-SWAP"},"data":…`: the key is that text up to the instrument id's closing
 * quote. An arg with anything after the id (or an id holding an escape) is not recognised, so that
 * frame is read on arrival like any other: a missed match costs speed, never a wrong merge.
 */
function snapshotKey(raw: string): string | null {
  for (const prefix of SNAPSHOT_PREFIXES) {
    if (!raw.startsWith(prefix)) continue;
    const end = raw.indexOf('"', prefix.length);
    const plainId = end > prefix.length && raw.charCodeAt(end - 1) !== BACKSLASH && raw.charCodeAt(end + 1) === CLOSING_BRACE;
    return plainId ? raw.slice(0, end) : null;
  }
  return null;
}
const BACKSLASH = 0x5c;
const CLOSING_BRACE = 0x7d;

/** Our request ids go out as strings of safe integers; anything else is no id of ours. */
function requestIdOf(frame: Record<string, unknown>): number | null {
  if (typeof frame.id !== 'string') return null;
  const id = Number(frame.id);
  return Number.isSafeInteger(id) ? id : null;
}

const ARG_FIELDS = ['instId', 'instType', 'instFamily'] as const;

/** A frame's `arg`, when it is one: a channel name and optional string fields; null for any other JSON value. */
function argOf(value: unknown): OkxArg | null {
  if (!isRecord(value) || typeof value.channel !== 'string') return null;
  for (const field of ARG_FIELDS) if (value[field] !== undefined && typeof value[field] !== 'string') return null;
  return value as unknown as OkxArg;
}

function classify(raw: string): Inbound {
  if (raw === 'pong') return { kind: 'pong' };
  const decoded = decodeObjectFrame(raw);
  if (!decoded.ok) return decoded.inbound;
  const { frame } = decoded;
  const arg = argOf(frame.arg);
  if (typeof frame.event === 'string') {
    const code = codeText(frame.code) ?? '';
    const text = typeof frame.msg === 'string' ? frame.msg : '';
    switch (frame.event) {
      case 'subscribe':
      case 'unsubscribe':
        return { kind: 'ack', requestId: requestIdOf(frame), topicKey: arg ? okxArgKey(arg) : null };
      case 'error': {
        const requestId = requestIdOf(frame);
        return requestId !== null
          ? { kind: 'request-error', requestId, code, message: text }
          : { kind: 'server-error', code, message: text };
      }
      case 'notice':
        // 64008: the server will close this connection for an upgrade in 60 s (older docs: 30 s).
        return code === '64008'
          ? { kind: 'reconnect-notice', code, message: text }
          : { kind: 'server-error', code, message: text };
      default:
        return { kind: 'unknown', reason: `event ${frame.event}` };
    }
  }
  if (arg && Array.isArray(frame.data)) {
    return { kind: 'data', topicKey: okxArgKey(arg), payload: frame.data };
  }
  return { kind: 'unknown', reason: `unrecognised frame: ${raw.slice(0, 80)}` };
}

/**
 * OKX v5 public/business sockets. The server drops a socket after 30 s without traffic, so a
 * text `ping` goes out after 20 s of silence and must be answered by `pong`. 3 new connections
 * a second per IP; 480 subscribe requests an hour per connection.
 */
export const okxProtocol: WireProtocol<OkxArg> = {
  exchange: 'okx',
  topicKey: okxArgKey,
  socketUrl: (endpoint) => endpoint,
  subscribeFrames: (args, nextId) => frames('subscribe', args, nextId),
  unsubscribeFrames: (args, nextId) => frames('unsubscribe', args, nextId),
  classify,
  snapshotKey,
  // OKX asks for a ping within 30 s of silence; 5 s lets a silent socket show as stalled, and be replaced, within seconds.
  heartbeat: { idleMs: 5000, answerTimeoutMs: 5000, frame: () => 'ping' },
  firstDataTimeoutMs: 30_000,
  maxTopicsPerSocket: 1000,
  minSendIntervalMs: 100,
  // Documented: 3 new connections a second per IP. The window is stretched by a tenth for clock and network skew.
  connectRate: { sockets: 3, perMs: 1100 },
  maxSocketLifetimeMs: null,
};
