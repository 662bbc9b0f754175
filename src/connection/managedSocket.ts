import { backoffDelay, type BackoffPolicy } from './backoff';
import type { ConnectGate } from './connectGate';
import type { OutboundFrame, WireProtocol } from './wireProtocol';
import type { Scheduler } from './scheduler';
import type { SocketFactory, SocketLike } from './socketFactory';
import { WaitingSnapshots } from './waitingSnapshots';

/**
 * connecting: opening a socket; subscribing: open, no data yet; live: data flows; stalled: open, but
 * its heartbeat goes unanswered; retrying: backing off; offline: closed while the browser is offline;
 * stopped: for good.
 */
export type SocketPhase = 'connecting' | 'subscribing' | 'live' | 'stalled' | 'retrying' | 'offline' | 'stopped';

export interface SocketStatus {
  phase: SocketPhase;
  consecutiveFailures: number;
  reason: string | null;
  lastMessageAt: number | null;
}

export type NoiseKind = 'malformed' | 'unknown' | 'server-error';

export interface ManagedSocketEvents {
  /** `coalesced`: the topic's earlier snapshot pushes that a newer one replaced before they were read. */
  data(topicKey: string, payload: unknown, receivedAt: number, coalesced: number): void;
  changed(): void;
  subscriptionError(topicKeys: string[], message: string): void;
  noise(kind: NoiseKind, detail: string): void;
  replaceRequested(reason: string): void;
  reconnecting(): void;
}

export interface ManagedSocketOptions<Topic> {
  protocol: WireProtocol<Topic>;
  endpoint: string;
  sockets: SocketFactory;
  scheduler: Scheduler;
  random: () => number;
  backoff: BackoffPolicy;
  gate: ConnectGate;
  events: ManagedSocketEvents;
  /** Asked after a failed connect to find out why (HTTP 451, refused, ...); null when unknown. */
  diagnose?: () => Promise<string | null>;
  /** Where given, snapshot pushes (WireProtocol.snapshotKey) wait until the reader it is handed is called, which reads each topic's newest. */
  readSnapshotsLater?: (read: () => void) => void;
}

/** Waiting pushes are read at once past this many, so a late tick cannot let them pile up. */
const MAX_WAITING_SNAPSHOTS = 10_000;

interface TopicEntry<Topic> {
  topic: Topic;
  acked: boolean;
  failed: boolean;
}

const WATCHDOG_PERIOD_MS = 1000;
const ACK_SETTLE_MS = 2000;
const HANDSHAKE_TIMEOUT_MS = 10_000;
/** A heartbeat unanswered this long means the socket is stalled: a working link answers well within it. */
const STALLED_AFTER_MS = 2000;
/** Close code for sockets we close ourselves (4000-4999 are for applications). */
const CLIENT_CLOSE = 4000;

/** One socket's life: connect, subscribe, keep topics across reconnects, heartbeat, back off; exchange rules come from its WireProtocol. */
export class ManagedSocket<Topic> {
  private readonly topics = new Map<string, TopicEntry<Topic>>();
  private readonly pending = new Map<number, OutboundFrame>();
  private readonly sendQueue: string[] = [];
  private readonly toSubscribe = new Map<string, Topic>();
  private readonly toUnsubscribe = new Map<string, Topic>();
  private socket: SocketLike | null = null;
  private attemptToken = 0;
  private attempt = 0;
  private requestId = 0;
  private openedAt = 0;
  private lastInboundAt = 0;
  private heartbeatSentAt: number | null = null;
  private lastSentAt = -Infinity;
  private requestTimer: unknown = null;
  private sendTimer: unknown = null;
  /** Every timer not yet fired, so that a failure or a stop cancels them all. */
  private readonly timers = new Set<unknown>();
  private readonly waitingSnapshots = new WaitingSnapshots();
  private cancelGate: (() => void) | null = null;
  /** Why connecting fails, as found by the REST probe; kept across retries until data flows again. */
  private diagnosis: string | null = null;
  private state: SocketStatus = {
    phase: 'connecting',
    consecutiveFailures: 0,
    reason: null,
    lastMessageAt: null,
  };

  constructor(private readonly options: ManagedSocketOptions<Topic>) {}

  status(): SocketStatus {
    return this.state;
  }

  topicCount(): number {
    return this.topics.size;
  }

  wantedTopics(): Topic[] {
    return [...this.topics.values()].map((entry) => entry.topic);
  }

  start(): void {
    this.connect();
  }

  /** The browser went offline: close now and wait for `online` rather than burn retries that cannot succeed. */
  offline(): void {
    const phase = this.state.phase;
    if (phase === 'stopped' || phase === 'offline') return;
    const wasOpen = this.isOpen();
    this.halt('browser offline');
    if (wasOpen) this.options.events.reconnecting();
    this.update({ phase: 'offline', reason: 'browser offline' });
  }

  /** The browser is online again: a socket offline or backing off connects at once, its backoff reset. */
  online(): void {
    const phase = this.state.phase;
    if (phase !== 'offline' && phase !== 'retrying') return;
    this.halt('browser online');
    this.attempt = 0;
    this.connect();
  }

  /** Wants `topics`; requests go out together on the next tick, so many small adds make few frames. */
  add(topics: Topic[]): void {
    for (const topic of topics) {
      const key = this.options.protocol.topicKey(topic);
      if (this.topics.has(key)) continue;
      this.topics.set(key, { topic, acked: false, failed: false });
      if (!this.toUnsubscribe.delete(key)) this.toSubscribe.set(key, topic);
    }
    this.scheduleRequests();
  }

  remove(topics: Topic[]): void {
    for (const topic of topics) {
      const key = this.options.protocol.topicKey(topic);
      const entry = this.topics.get(key);
      if (!entry) continue;
      this.topics.delete(key);
      if (!this.toSubscribe.delete(key) && !entry.failed) this.toUnsubscribe.set(key, topic);
    }
    this.scheduleRequests();
  }

  private scheduleRequests(): void {
    if (this.requestTimer !== null || (this.toSubscribe.size === 0 && this.toUnsubscribe.size === 0)) return;
    this.requestTimer = this.after(0, () => {
      this.requestTimer = null;
      this.sendRequests();
    });
  }

  private sendRequests(): void {
    if (this.isOpen()) {
      const { protocol } = this.options;
      if (this.toUnsubscribe.size > 0) this.queueFrames(protocol.unsubscribeFrames([...this.toUnsubscribe.values()], this.nextId));
      if (this.toSubscribe.size > 0) this.queueFrames(protocol.subscribeFrames([...this.toSubscribe.values()], this.nextId));
    }
    // Not open: the open handler subscribes everything wanted, and nothing is subscribed to undo.
    this.toSubscribe.clear();
    this.toUnsubscribe.clear();
  }

  stop(): void {
    this.waitingSnapshots.clear();
    this.attemptToken++;
    this.clearTimers();
    this.cancelGate?.();
    this.cancelGate = null;
    this.socket?.close(1000, 'client stop');
    this.socket = null;
    this.update({ phase: 'stopped' });
  }

  /** Ends the current attempt, whatever its stage, keeping what already arrived. */
  private halt(reason: string): void {
    this.readWaitingSnapshots();
    this.attemptToken++;
    this.clearTimers();
    this.cancelGate?.();
    this.cancelGate = null;
    this.sendQueue.length = 0;
    this.pending.clear();
    this.socket?.close(CLIENT_CLOSE, reason);
    this.socket = null;
  }

  private readonly nextId = (): number => ++this.requestId;

  private isOpen(): boolean {
    const phase = this.state.phase;
    return this.socket !== null && (phase === 'subscribing' || phase === 'live' || phase === 'stalled');
  }

  private connect(): void {
    this.update({ phase: 'connecting' });
    this.cancelGate = this.options.gate.acquire(() => {
      this.cancelGate = null;
      this.open();
    });
  }

  private open(): void {
    const token = ++this.attemptToken;
    const { protocol, endpoint, sockets, scheduler } = this.options;
    // A socket of an earlier attempt may still fire events; only the current attempt's count.
    const current = (): boolean => token === this.attemptToken;
    const handshakeTimer = scheduler.setTimeout(() => {
      if (current()) this.fail('connection attempt timed out', false);
    }, HANDSHAKE_TIMEOUT_MS);
    this.socket = sockets(protocol.socketUrl(endpoint), {
      open: () => {
        if (!current()) return;
        scheduler.clearTimeout(handshakeTimer);
        this.onOpen();
      },
      message: (data: unknown) => {
        if (current()) this.onMessage(data);
      },
      close: (code: number, reason: string) => {
        if (!current()) return;
        scheduler.clearTimeout(handshakeTimer);
        const opened = this.isOpen();
        this.fail(opened ? closeDescription(code, reason) : 'could not connect', opened);
      },
      // A close event always follows an error event; the failure is handled there.
      error: () => undefined,
    });
  }

  private onOpen(): void {
    const now = this.options.scheduler.now();
    this.openedAt = now;
    this.lastInboundAt = now;
    this.heartbeatSentAt = null;
    this.pending.clear();
    this.update({ phase: 'subscribing' });
    this.toSubscribe.clear();
    this.toUnsubscribe.clear();
    const wanted: Topic[] = [];
    for (const entry of this.topics.values()) {
      entry.acked = false;
      if (!entry.failed) wanted.push(entry.topic);
    }
    if (wanted.length > 0) this.queueFrames(this.options.protocol.subscribeFrames(wanted, this.nextId));
    this.scheduleWatchdog();
    const lifetime = this.options.protocol.maxSocketLifetimeMs;
    if (lifetime !== null) {
      // Ask for a replacement well before the exchange's cut, spread so sockets do not all move at once.
      const margin = Math.min(lifetime * 0.1, 15 * 60_000) * (1 + this.options.random());
      this.after(lifetime - margin, () => this.options.events.replaceRequested('socket lifetime limit approaching'));
    }
  }

  private onMessage(data: unknown): void {
    const now = this.options.scheduler.now();
    this.lastInboundAt = now;
    this.heartbeatSentAt = null;
    if (this.state.phase === 'stalled') this.update({ phase: 'live' });
    if (typeof data !== 'string') {
      this.options.events.noise('malformed', 'binary frame');
      return;
    }
    const { readSnapshotsLater, protocol } = this.options;
    const snapshotKey = readSnapshotsLater && protocol.snapshotKey ? protocol.snapshotKey(data) : null;
    if (snapshotKey === null) {
      this.read(data, now, 0);
      return;
    }
    this.waitingSnapshots.add(snapshotKey, data, now);
    if (this.waitingSnapshots.size === 1) readSnapshotsLater!(this.readWaitingSnapshots);
    else if (this.waitingSnapshots.size >= MAX_WAITING_SNAPSHOTS) this.readWaitingSnapshots();
  }

  private readonly readWaitingSnapshots = (): void => {
    this.waitingSnapshots.read((raw, receivedAt, coalesced) => this.read(raw, receivedAt, coalesced));
  };

  private read(data: string, now: number, coalesced: number): void {
    const inbound = this.options.protocol.classify(data);
    switch (inbound.kind) {
      case 'data':
        this.state.lastMessageAt = now;
        if (this.state.phase !== 'live') {
          this.attempt = 0;
          this.diagnosis = null;
          this.update({ phase: 'live', consecutiveFailures: 0, reason: null });
        }
        this.options.events.data(inbound.topicKey, inbound.payload, now, coalesced);
        return;
      case 'ack':
        this.onAck(inbound.requestId, inbound.topicKey);
        return;
      case 'request-error':
        this.onRequestError(inbound.requestId, venueMessage(inbound.code, inbound.message));
        return;
      case 'server-error':
        this.options.events.noise('server-error', venueMessage(inbound.code, inbound.message));
        return;
      case 'subscriptions-dropped':
        // The close that follows reconnects and resubscribes them; until data flows again they show as refused.
        this.options.events.subscriptionError(this.liveTopicKeys(), venueMessage(inbound.code, inbound.message));
        return;
      case 'reconnect-notice':
        this.options.events.replaceRequested(`server notice ${inbound.code}: ${inbound.message}`);
        return;
      case 'pong':
        return;
      case 'malformed':
      case 'unknown':
        this.options.events.noise(inbound.kind, inbound.reason);
        return;
    }
  }

  private onAck(requestId: number | null, topicKey: string | null): void {
    const frame = requestId === null ? undefined : this.pending.get(requestId);
    if (topicKey !== null) {
      const entry = this.topics.get(topicKey);
      if (entry) {
        entry.acked = true;
        entry.failed = false;
      }
    } else if (frame) {
      for (const key of frame.topicKeys) {
        const entry = this.topics.get(key);
        if (entry) entry.acked = true;
      }
    }
    if (frame && (topicKey === null || frame.topicKeys.every((key) => this.topics.get(key)?.acked !== false))) {
      this.pending.delete(frame.requestId);
    }
  }

  private onRequestError(requestId: number | null, message: string): void {
    const frame = requestId === null ? undefined : this.pending.get(requestId);
    if (!frame) {
      this.options.events.noise('server-error', message);
      return;
    }
    this.pending.delete(frame.requestId);
    if (frame.op !== 'subscribe') return;
    if (this.options.protocol.refusal === 'whole-request') {
      this.narrowRefusal(frame.topicKeys, message);
      return;
    }
    // OKX acks per argument but errs per request: let the good arguments' acks arrive before blaming the unacked.
    this.after(ACK_SETTLE_MS, () => this.failUnacked(frame.topicKeys, message));
  }

  /** A refused request subscribed none of its topics: a lone one is the refused one, more are asked for again in halves. */
  private narrowRefusal(topicKeys: string[], message: string): void {
    const topics: Topic[] = [];
    for (const key of topicKeys) {
      const entry = this.topics.get(key);
      if (entry && !entry.acked && !entry.failed) topics.push(entry.topic);
    }
    if (topics.length === 1) {
      this.failUnacked(topicKeys, message);
      return;
    }
    if (topics.length === 0 || !this.isOpen()) return;
    const half = Math.ceil(topics.length / 2);
    const { protocol } = this.options;
    this.queueFrames([...protocol.subscribeFrames(topics.slice(0, half), this.nextId), ...protocol.subscribeFrames(topics.slice(half), this.nextId)]);
  }

  private liveTopicKeys(): string[] {
    const keys: string[] = [];
    for (const [key, entry] of this.topics) if (!entry.failed) keys.push(key);
    return keys;
  }

  private failUnacked(topicKeys: string[], message: string): void {
    // Refused topics are not resubscribed on reconnect: retrying a refusal would only burn the request budget.
    const failed: string[] = [];
    for (const key of topicKeys) {
      const entry = this.topics.get(key);
      if (entry && !entry.acked) {
        entry.failed = true;
        failed.push(key);
      }
    }
    if (failed.length > 0) this.options.events.subscriptionError(failed, message);
  }

  private queueFrames(frames: OutboundFrame[]): void {
    for (const frame of frames) {
      this.pending.set(frame.requestId, frame);
      this.sendQueue.push(frame.text);
    }
    this.flushSendQueue();
  }

  private flushSendQueue(): void {
    if (this.sendTimer !== null || !this.socket) return;
    const { scheduler, protocol } = this.options;
    const wait = this.lastSentAt + protocol.minSendIntervalMs - scheduler.now();
    if (wait > 0) {
      this.sendTimer = this.after(wait, () => {
        this.sendTimer = null;
        this.flushSendQueue();
      });
      return;
    }
    const text = this.sendQueue.shift();
    if (text === undefined) return;
    this.socket.send(text);
    this.lastSentAt = scheduler.now();
    if (this.sendQueue.length > 0) this.flushSendQueue();
  }

  private scheduleWatchdog(): void {
    this.after(WATCHDOG_PERIOD_MS, () => {
      this.watchdog();
      if (this.isOpen()) this.scheduleWatchdog();
    });
  }

  private watchdog(): void {
    const { protocol, scheduler } = this.options;
    const now = scheduler.now();
    if (this.state.phase === 'subscribing' && this.liveTopicKeys().length > 0 && now - this.openedAt >= protocol.firstDataTimeoutMs) {
      this.fail('connected, but no market data arrived', true);
      return;
    }
    if (this.heartbeatSentAt !== null) {
      const unanswered = now - this.heartbeatSentAt;
      if (unanswered >= protocol.heartbeat.answerTimeoutMs) this.fail('no answer to heartbeat', true);
      else if (unanswered >= STALLED_AFTER_MS && this.state.phase === 'live') this.update({ phase: 'stalled' });
      return;
    }
    if (now - this.lastInboundAt >= protocol.heartbeat.idleMs) {
      this.heartbeatSentAt = now;
      this.sendQueue.push(protocol.heartbeat.frame(this.nextId));
      this.flushSendQueue();
    }
  }

  private fail(reason: string, wasOpen: boolean): void {
    // What arrived before the failure is still the newest data there is: read it now, while this attempt is current.
    this.halt(reason);
    this.update({ phase: 'retrying', consecutiveFailures: this.state.consecutiveFailures + 1, reason: this.diagnosis ?? reason });
    this.options.events.reconnecting();
    if (!wasOpen) this.diagnose();
    const delay = backoffDelay(this.attempt++, this.options.backoff, this.options.random);
    this.after(delay, () => this.connect());
  }

  private diagnose(): void {
    this.options.diagnose?.().then(
      (found) => {
        const phase = this.state.phase;
        if (!found || phase === 'live' || phase === 'stopped') return;
        this.diagnosis = found;
        this.update({ reason: found });
      },
      () => undefined,
    );
  }

  private after(ms: number, fn: () => void): unknown {
    const timer = this.options.scheduler.setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  private clearTimers(): void {
    for (const timer of this.timers) this.options.scheduler.clearTimeout(timer);
    this.timers.clear();
    this.toSubscribe.clear();
    this.toUnsubscribe.clear();
    this.sendTimer = this.requestTimer = null;
  }

  private update(patch: Partial<SocketStatus>): void {
    this.state = { ...this.state, ...patch };
    this.options.events.changed();
  }
}

/** The venue's words for an error, with its code when it gave one. */
function venueMessage(code: string, message: string): string {
  return code === '' ? message : `${code}: ${message}`;
}

function closeDescription(code: number, reason: string): string {
  const detail = reason ? `: ${reason}` : '';
  return code === 1006 ? `connection lost${detail}` : `closed by server (${code}${detail})`;
}
