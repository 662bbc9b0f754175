import type { ExchangeLinkStatus, SubscriptionRefusal } from '../domain/connectionState';
import { EXCHANGES, type ExchangeId } from '../domain/exchange';
import { once } from '../lib/once';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { createConnectGate, type ConnectGate } from './connectGate';
import { diagnoseByProbe } from './diagnose';
import { sameLinkStatus, summariseLink, type LinkCounters } from './linkStatus';
import { ManagedSocket, type NoiseKind } from './managedSocket';
import type { WireProtocol } from './wireProtocol';
import { realScheduler, type Scheduler } from './scheduler';
import type { SocketFactory } from './socketFactory';

/** One WebSocket endpoint of an exchange (e.g. OKX public vs business), with the rules for talking to it. */
export interface Endpoint<Topic> {
  id: string;
  exchange: ExchangeId;
  url: string;
  protocol: WireProtocol<Topic>;
  /** A REST URL whose HTTP status explains a refused socket (e.g. 451 from a blocked region). */
  probeUrl?: string;
}

/** `coalesced`: pushes of this snapshot topic left unread because this newer one replaced them (hubs that read snapshots later). */
export type TopicListener = (payload: unknown, topicKey: string, receivedAt: number, coalesced: number) => void;
export type SubscriptionErrorListener = (topicKey: string, message: string) => void;

export interface ConnectionHubOptions {
  sockets: SocketFactory;
  scheduler?: Scheduler;
  random?: () => number;
  backoff?: BackoffPolicy;
  fetch?: typeof fetch;
  /** Consecutive failed attempts after which an exchange shows as down rather than reconnecting. */
  downAfterFailures?: number;
  /** How long a socket whose last topic left stays open, so quick view switches do not churn sockets. */
  idleSocketLingerMs?: number;
  onStatus?: (status: ExchangeLinkStatus) => void;
  onProblem?: (exchange: ExchangeId, kind: NoiseKind | 'subscription-error', detail: string) => void;
  /** Where given, sockets keep snapshot pushes undecoded until this reader is called (the ingest's tick), then decode each topic's newest. */
  readSnapshotsLater?: (read: () => void) => void;
}

export interface ConnectionHub {
  subscribe<Topic>(endpoint: Endpoint<Topic>, topics: Topic[], listener: TopicListener, onError?: SubscriptionErrorListener): () => void;
  /** Calls `listener` when a socket of this endpoint reopens after a loss: pushes were missed, so a feed may reload a snapshot. */
  onReconnect<Topic>(endpoint: Endpoint<Topic>, listener: () => void): () => void;
  status(exchange: ExchangeId): ExchangeLinkStatus;
  /** The browser's word on its network (`online`/`offline`): offline closes every socket, online reopens them at once. */
  setOnline(online: boolean): void;
  stop(): void;
}

interface Subscriber {
  listener: TopicListener;
  onError: SubscriptionErrorListener | undefined;
}

const STATUS_TICK_MS = 1000;

/** Owns every socket: ref-counts topics, packs them onto few sockets, moves them before forced cuts, reports each exchange's status. */
export function createConnectionHub(options: ConnectionHubOptions): ConnectionHub {
  const scheduler = options.scheduler ?? realScheduler;
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const downAfterFailures = options.downAfterFailures ?? 3;
  const lingerMs = options.idleSocketLingerMs ?? 5000;
  const fetchImpl = options.fetch ?? globalThis.fetch?.bind(globalThis);

  const pools = new Map<string, EndpointPool<unknown>>();
  const gates = new Map<ExchangeId, ConnectGate>();
  const counters = new Map<ExchangeId, LinkCounters>(
    EXCHANGES.map((exchange) => [exchange, { reconnects: 0, subscriptionErrors: 0, droppedMessages: 0 }]),
  );
  const lastEmitted = new Map<ExchangeId, ExchangeLinkStatus>();
  const reconnectListeners = new Map<string, Set<() => void>>();
  /** Per exchange, refused topics still wanted and the venue's message; a topic leaves when its data flows or nobody wants it. */
  const refusals = new Map<ExchangeId, Map<string, string>>(EXCHANGES.map((exchange) => [exchange, new Map()]));
  let statusTimer: unknown = null;

  const counter = (exchange: ExchangeId): LinkCounters => counters.get(exchange)!;

  const status = (exchange: ExchangeId): ExchangeLinkStatus => {
    const sockets = [...pools.values()].filter((pool) => pool.endpoint.exchange === exchange).flatMap((pool) => pool.socketStatuses());
    return summariseLink(exchange, sockets, { ...counter(exchange) }, downAfterFailures, refusalOf(exchange));
  };

  const refusalOf = (exchange: ExchangeId): SubscriptionRefusal | null => {
    const refused = refusals.get(exchange)!;
    if (refused.size === 0) return null;
    // A Map keeps insertion order and a refusal re-inserts its topics: the last entry is the latest.
    return { topics: [...refused.keys()], message: [...refused.values()].at(-1)! };
  };

  const emit = (exchange: ExchangeId): void => {
    const next = status(exchange);
    const previous = lastEmitted.get(exchange);
    if (previous && sameLinkStatus(previous, next)) return;
    lastEmitted.set(exchange, next);
    options.onStatus?.(next);
  };

  // The age of the last message changes with every message; the header only needs it once a second.
  // Only exchanges this hub has been asked for are reported: another hub (another worker's) may own the rest.
  const tickStatus = (): void => {
    statusTimer = null;
    for (const exchange of lastEmitted.keys()) emit(exchange);
    if (pools.size > 0) statusTimer = scheduler.setTimeout(tickStatus, STATUS_TICK_MS);
  };
  const ensureStatusTicking = (): void => {
    if (statusTimer === null) statusTimer = scheduler.setTimeout(tickStatus, STATUS_TICK_MS);
  };

  class EndpointPool<Topic> {
    private readonly sockets = new Set<ManagedSocket<Topic>>();
    private readonly owner = new Map<string, ManagedSocket<Topic>>();
    private readonly subscribers = new Map<string, Set<Subscriber>>();
    private readonly replacing = new Map<ManagedSocket<Topic>, ManagedSocket<Topic>>();
    private readonly lingerTimers = new Map<ManagedSocket<Topic>, unknown>();
    /** Sockets whose connection was lost: their next open is a reconnect. */
    private readonly lost = new WeakSet<ManagedSocket<Topic>>();

    constructor(readonly endpoint: Endpoint<Topic>) {}

    /** A successor is not shown while the socket it replaces still serves: a planned move is no reconnect. */
    socketStatuses() {
      const hidden = new Set<ManagedSocket<Topic>>();
      for (const [old, successor] of this.replacing) if (old.status().phase === 'live') hidden.add(successor);
      return [...this.sockets].filter((socket) => !hidden.has(socket)).map((socket) => socket.status());
    }

    setOnline(online: boolean): void {
      for (const socket of [...this.sockets, ...this.replacing.values()]) {
        if (online) socket.online();
        else socket.offline();
      }
    }

    add(topics: Topic[], subscriber: Subscriber): void {
      const fresh: Topic[] = [];
      for (const topic of topics) {
        const key = this.endpoint.protocol.topicKey(topic);
        if (!this.subscribers.has(key)) fresh.push(topic);
        entryOf(this.subscribers, key, () => new Set<Subscriber>()).add(subscriber);
      }
      this.place(fresh);
    }

    remove(topics: Topic[], subscriber: Subscriber): void {
      const byOwner = new Map<ManagedSocket<Topic>, Topic[]>();
      for (const topic of topics) {
        const key = this.endpoint.protocol.topicKey(topic);
        const set = this.subscribers.get(key);
        if (!set?.delete(subscriber) || set.size > 0) continue;
        this.subscribers.delete(key);
        if (refusals.get(this.endpoint.exchange)!.delete(key)) emit(this.endpoint.exchange);
        const socket = this.owner.get(key);
        this.owner.delete(key);
        if (!socket) continue;
        entryOf(byOwner, socket, () => []).push(topic);
      }
      for (const [socket, list] of byOwner) {
        socket.remove(list);
        this.replacing.get(socket)?.remove(list);
        if (socket.topicCount() === 0) this.lingerThenStop(socket);
      }
    }

    stopAll(): void {
      for (const timer of this.lingerTimers.values()) scheduler.clearTimeout(timer);
      this.lingerTimers.clear();
      for (const socket of this.sockets) socket.stop();
      for (const socket of this.replacing.values()) socket.stop();
      this.sockets.clear();
      this.replacing.clear();
      this.owner.clear();
      this.subscribers.clear();
    }

    private place(topics: Topic[]): void {
      const max = this.endpoint.protocol.maxTopicsPerSocket;
      let index = 0;
      for (const socket of this.sockets) {
        if (index >= topics.length) break;
        if (this.replacing.has(socket)) continue;
        const room = max - socket.topicCount();
        if (room <= 0) continue;
        index = this.assign(socket, topics, index, room);
      }
      while (index < topics.length) {
        const socket = this.createSocket();
        index = this.assign(socket, topics, index, max);
        socket.start();
      }
    }

    private assign(socket: ManagedSocket<Topic>, topics: Topic[], from: number, room: number): number {
      const slice = topics.slice(from, from + room);
      for (const topic of slice) this.owner.set(this.endpoint.protocol.topicKey(topic), socket);
      socket.add(slice);
      this.cancelLinger(socket);
      return from + slice.length;
    }

    private createSocket(): ManagedSocket<Topic> {
      const { exchange, probeUrl } = this.endpoint;
      const socket: ManagedSocket<Topic> = new ManagedSocket<Topic>({
        protocol: this.endpoint.protocol,
        endpoint: this.endpoint.url,
        sockets: options.sockets,
        scheduler,
        random,
        backoff,
        gate: entryOf(gates, exchange, () => createConnectGate(scheduler, this.endpoint.protocol.connectRate)),
        diagnose: probeUrl && fetchImpl ? () => diagnoseByProbe(fetchImpl, probeUrl) : undefined,
        readSnapshotsLater: options.readSnapshotsLater,
        events: {
          data: (topicKey, payload, receivedAt, coalesced) => this.deliver(topicKey, payload, receivedAt, coalesced),
          changed: () => {
            if (this.lost.has(socket) && socket.status().phase === 'subscribing') {
              this.lost.delete(socket);
              for (const listener of reconnectListeners.get(this.endpoint.id) ?? []) listener();
            }
            this.onSocketChanged(socket);
            emit(exchange);
          },
          subscriptionError: (topicKeys, message) => {
            counter(exchange).subscriptionErrors += topicKeys.length;
            const refused = refusals.get(exchange)!;
            for (const key of topicKeys) {
              refused.delete(key);
              refused.set(key, message);
              options.onProblem?.(exchange, 'subscription-error', `${key}: ${message}`);
              for (const subscriber of this.subscribers.get(key) ?? []) subscriber.onError?.(key, message);
            }
            emit(exchange);
          },
          noise: (kind, detail) => {
            counter(exchange).droppedMessages++;
            options.onProblem?.(exchange, kind, detail);
          },
          replaceRequested: () => this.replace(socket),
          reconnecting: () => {
            counter(exchange).reconnects++;
            this.lost.add(socket);
          },
        },
      });
      this.sockets.add(socket);
      ensureStatusTicking();
      return socket;
    }

    private deliver(topicKey: string, payload: unknown, receivedAt: number, coalesced: number): void {
      const set = this.subscribers.get(topicKey);
      if (!set) return;
      const refused = refusals.get(this.endpoint.exchange)!;
      if (refused.size > 0 && refused.delete(topicKey)) emit(this.endpoint.exchange);
      for (const subscriber of set) {
        try {
          subscriber.listener(payload, topicKey, receivedAt, coalesced);
        } catch (error) {
          counter(this.endpoint.exchange).droppedMessages++;
          options.onProblem?.(this.endpoint.exchange, 'malformed', `listener failed on ${topicKey}: ${String(error)}`);
        }
      }
    }

    /** Opens a fresh socket with the same topics; the old one closes once the new one delivers data. */
    private replace(old: ManagedSocket<Topic>): void {
      if (this.replacing.has(old) || !this.sockets.has(old)) return;
      const successor = this.createSocket();
      this.replacing.set(old, successor);
      successor.add(old.wantedTopics());
      successor.start();
    }

    private onSocketChanged(socket: ManagedSocket<Topic>): void {
      if (socket.status().phase !== 'live') return;
      for (const [old, successor] of this.replacing) {
        if (successor !== socket) continue;
        this.replacing.delete(old);
        for (const [key, owner] of this.owner) if (owner === old) this.owner.set(key, successor);
        this.sockets.delete(old);
        old.stop();
      }
    }

    private lingerThenStop(socket: ManagedSocket<Topic>): void {
      this.cancelLinger(socket);
      this.lingerTimers.set(
        socket,
        scheduler.setTimeout(() => {
          this.lingerTimers.delete(socket);
          if (socket.topicCount() > 0) return;
          this.sockets.delete(socket);
          socket.stop();
          const successor = this.replacing.get(socket);
          this.replacing.delete(socket);
          successor?.stop();
          if (successor) this.sockets.delete(successor);
          if (this.sockets.size === 0) pools.delete(this.endpoint.id);
          emit(this.endpoint.exchange);
        }, lingerMs),
      );
    }

    private cancelLinger(socket: ManagedSocket<Topic>): void {
      const timer = this.lingerTimers.get(socket);
      if (timer === undefined) return;
      scheduler.clearTimeout(timer);
      this.lingerTimers.delete(socket);
    }
  }

  return {
    subscribe(endpoint, topics, listener, onError) {
      const pool = entryOf(pools, endpoint.id, () => new EndpointPool<unknown>(endpoint)) as EndpointPool<typeof topics[number]>;
      const subscriber: Subscriber = { listener, onError };
      pool.add(topics, subscriber);
      emit(endpoint.exchange);
      return once(() => pool.remove(topics, subscriber));
    },
    onReconnect(endpoint, listener) {
      const listeners = entryOf(reconnectListeners, endpoint.id, () => new Set<() => void>());
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    status,
    setOnline(online) {
      for (const pool of pools.values()) pool.setOnline(online);
    },
    stop() {
      for (const pool of pools.values()) pool.stopAll();
      pools.clear();
      for (const refused of refusals.values()) refused.clear();
      if (statusTimer !== null) scheduler.clearTimeout(statusTimer);
      statusTimer = null;
      for (const exchange of lastEmitted.keys()) emit(exchange);
    },
  };
}

/** The map's value for `key`, created and stored on first use. */
function entryOf<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}
