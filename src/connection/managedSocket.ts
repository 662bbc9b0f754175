import { backoffDelay, type BackoffPolicy } from './backoff';
import type { ConnectGate } from './connectGate';
import type { OutboundFrame, WireProtocol } from './wireProtocol';
import type { Scheduler } from './scheduler';
import type { SocketFactory, SocketLike } from './socketFactory';
import { WaitingSnapshots } from './waitingSnapshots';

/**
 * connecting: opening a socket (first time or again); subscribing: open, no data yet;
 * live: data is flowing; retrying: waiting out a backoff delay; stopped: closed for good.
 */
export type SocketPhase = 'connecting' | 'subscribing' | 'live' | 'retrying' | 'stopped';

export interface SocketStatus {
  phase: SocketPhase;
  everOpened: boolean;
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
/** Close code for sockets we close ourselves (4000-4999 are for applications). */
const CLIENT_CLOSE = 4000;

/**
 * One socket's whole life: connect (through the exchange's connect gate), subscribe, keep the
 * wanted topics across reconnects, heartbeat when silent, and reconnect with jittered backoff.
 * It knows no exchange rules beyond what its WireProtocol tells it.
 */
export class ManagedSocket<Topic> {
  private readonly topics = new Map<string, TopicEntry<Topic>>();
  private readonly pending = new Map<number, OutboundFrame>();
  private readonly sendQueue: string[] = [];
  private readonly toSubscribe = new Map<string, Topic>();
  private readonly toUnsubscribe = new Map<string, Topic>();
  private requestTimer: unknown = null;
  private socket: SocketLike | null = null;
  private attemptToken = 0;
  private attempt = 0;
  private requestId = 0;
  private openedAt = 0;
  private lastInboundAt = 0;
  private heartbeatSentAt: number | null = null;
  private lastSentAt = -Infinity;
  private sendTimer: unknown = null;
  private watchdogTimer: unknown = null;
  private retryTimer: unknown = null;
  private lifetimeTimer: unknown = null;
  private readonly settleTimers = new Set<unknown>();
  private readonly waitingSnapshots = new WaitingSnapshots();
  private cancelGate: (() => void) | null = null;
  /** Why connecting fails, as found by the REST probe; kept across retries until data flows again. */
  private diagnosis: string | null = null;
  private state: SocketStatus = {
    phase: 'connecting',
    everOpened: false,
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
    this.requestTimer = this.options.scheduler.setTimeout(() => {
      this.requestTimer = null;
      this.sendRequests();
    }, 0);
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

  private readonly nextId = (): number => ++this.requestId;

  private isOpen(): boolean {
    const phase = this.state.phase;
    return this.socket !== null && (phase === 'subscribing' || phase === 'live');
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
    const guard =
      <A extends unknown[]>(fn: (...args: A) => void) =>
      (...args: A) => {
        if (token === this.attemptToken) fn(...args);
      };
    const handshakeTimer = scheduler.setTimeout(
      guard(() => this.fail('connection attempt timed out', false)),
      HANDSHAKE_TIMEOUT_MS,
    );
    this.socket = sockets(protocol.socketUrl(endpoint), {
      open: guard(() => {
        scheduler.clearTimeout(handshakeTimer);
        this.onOpen();
      }),
      // Spelled out rather than guard()ed: this runs for every frame, and guard's rest arguments allocate an array per call.
      message: (data: unknown) => {
        if (token === this.attemptToken) this.onMessage(data);
      },
      close: guard((code: number, reason: string) => {
        scheduler.clearTimeout(handshakeTimer);
        const opened = this.state.phase === 'subscribing' || this.state.phase === 'live';
        this.fail(opened ? closeDescription(code, reason) : 'could not connect', opened);
      }),
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
    this.update({ phase: 'subscribing', everOpened: true });
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
      this.lifetimeTimer = this.options.scheduler.setTimeout(
        () => this.options.events.replaceRequested('socket lifetime limit approaching'),
        lifetime - margin,
      );
    }
  }

  private onMessage(data: unknown): void {
    const now = this.options.scheduler.now();
    this.lastInboundAt = now;
    this.heartbeatSentAt = null;
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
    // OKX answers per argument but reports an error per request: wait for the acks of the
    // request's good arguments before blaming the ones left unacked.
    const timer = this.options.scheduler.setTimeout(() => {
      this.settleTimers.delete(timer);
      this.failUnacked(frame.topicKeys, message);
    }, ACK_SETTLE_MS);
    this.settleTimers.add(timer);
  }

  /**
   * A refused request subscribed none of its topics: a lone topic is the refused one; more are
   * asked for again in two halves, so a bad topic is found in a few requests and the good ones subscribe.
   */
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
    // Refused topics are not resubscribed on reconnect: retrying a refusal forever would
    // only burn the exchange's request budget.
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
      this.sendTimer = scheduler.setTimeout(() => {
        this.sendTimer = null;
        this.flushSendQueue();
      }, wait);
      return;
    }
    const text = this.sendQueue.shift();
    if (text === undefined) return;
    this.socket.send(text);
    this.lastSentAt = scheduler.now();
    if (this.sendQueue.length > 0) this.flushSendQueue();
  }

  private scheduleWatchdog(): void {
    this.watchdogTimer = this.options.scheduler.setTimeout(() => {
      this.watchdogTimer = null;
      this.watchdog();
      if (this.isOpen()) this.scheduleWatchdog();
    }, WATCHDOG_PERIOD_MS);
  }

  private watchdog(): void {
    const { protocol, scheduler } = this.options;
    const now = scheduler.now();
    if (this.state.phase === 'subscribing' && this.liveTopicKeys().length > 0 && now - this.openedAt >= protocol.firstDataTimeoutMs) {
      this.fail('connected, but no market data arrived', true);
      return;
    }
    if (this.heartbeatSentAt !== null) {
      if (now - this.heartbeatSentAt >= protocol.heartbeat.answerTimeoutMs) {
        this.fail('no answer to heartbeat', true);
      }
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
    this.readWaitingSnapshots();
    this.attemptToken++;
    this.clearTimers();
    this.sendQueue.length = 0;
    this.pending.clear();
    this.socket?.close(CLIENT_CLOSE, reason);
    this.socket = null;
    const failures = this.state.consecutiveFailures + 1;
    this.update({ phase: 'retrying', consecutiveFailures: failures, reason: this.diagnosis ?? reason });
    this.options.events.reconnecting();
    if (!wasOpen) this.diagnose();
    const delay = backoffDelay(this.attempt++, this.options.backoff, this.options.random);
    this.retryTimer = this.options.scheduler.setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
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

  private clearTimers(): void {
    const { scheduler } = this.options;
    const timers = [this.sendTimer, this.watchdogTimer, this.retryTimer, this.lifetimeTimer, this.requestTimer, ...this.settleTimers];
    for (const timer of timers) {
      if (timer !== null) scheduler.clearTimeout(timer);
    }
    this.settleTimers.clear();
    this.toSubscribe.clear();
    this.toUnsubscribe.clear();
    this.sendTimer = this.watchdogTimer = this.retryTimer = this.lifetimeTimer = this.requestTimer = null;
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
