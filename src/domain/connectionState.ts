import type { ExchangeId } from './exchange';

/**
 * What a trader reads in the header for one exchange.
 * - idle: nothing asked for this exchange yet
 * - connecting: first attempt under way
 * - live: every wanted socket is open and has delivered data
 * - stalled: a socket is open but silent, its heartbeat unanswered; reconnecting follows
 * - reconnecting: a socket was lost (or went silent) and is being reopened
 * - down: attempts keep failing; `reason` says why when known (refused, HTTP 451, ...)
 * - offline: the browser says it is offline; every socket reconnects once it is online
 */
export type LinkState = 'idle' | 'connecting' | 'live' | 'stalled' | 'reconnecting' | 'down' | 'offline';

export interface ExchangeLinkStatus {
  exchange: ExchangeId;
  state: LinkState;
  /** Human-readable cause of the last failure, when known. */
  reason: string | null;
  /** Wall-clock ms of the last message received on any socket of this exchange, or when its data was current if that is older (a backlog after a freeze). */
  lastMessageAt: number | null;
  /** Open sockets / sockets wanted. */
  openSockets: number;
  wantedSockets: number;
  /** Counters for the diagnostics panel. */
  reconnects: number;
  subscriptionErrors: number;
  droppedMessages: number;
  /** Subscriptions the venue refused that are still wanted, and its words for the latest refusal. */
  refusal: SubscriptionRefusal | null;
}

export interface SubscriptionRefusal {
  /** The refused topics as the venue names them (`!miniTicker@arr`, `mark-price|NOPE-USDT-SWAP||`). */
  topics: string[];
  message: string;
}

export function initialLinkStatus(exchange: ExchangeId): ExchangeLinkStatus {
  return {
    exchange,
    state: 'idle',
    reason: null,
    lastMessageAt: null,
    openSockets: 0,
    wantedSockets: 0,
    reconnects: 0,
    subscriptionErrors: 0,
    droppedMessages: 0,
    refusal: null,
  };
}
