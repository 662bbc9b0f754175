import type { ExchangeLinkStatus, LinkState, SubscriptionRefusal } from '../domain/connectionState';
import type { ExchangeId } from '../domain/exchange';
import type { SocketStatus } from './managedSocket';

export interface LinkCounters {
  reconnects: number;
  subscriptionErrors: number;
  droppedMessages: number;
}

const SEVERITY: Record<LinkState, number> = { idle: 0, live: 1, stalled: 2, connecting: 3, reconnecting: 4, down: 5, offline: 6 };

function socketState(socket: SocketStatus, downAfterFailures: number): LinkState {
  switch (socket.phase) {
    case 'live':
    case 'stalled':
    case 'offline':
      return socket.phase;
    case 'stopped':
      return 'idle';
    case 'retrying':
    case 'connecting':
    case 'subscribing':
      if (socket.consecutiveFailures >= downAfterFailures) return 'down';
      // Only a lost connection is a reconnect: a first open, still subscribing, is connecting.
      return socket.consecutiveFailures > 0 ? 'reconnecting' : 'connecting';
  }
}

/** One exchange's header status: the worst state of its sockets, the freshest message, the counters. */
export function summariseLink(
  exchange: ExchangeId,
  sockets: SocketStatus[],
  counters: LinkCounters,
  downAfterFailures: number,
  refusal: SubscriptionRefusal | null = null,
): ExchangeLinkStatus {
  let state: LinkState = 'idle';
  let reason: string | null = null;
  let lastMessageAt: number | null = null;
  let openSockets = 0;
  let wantedSockets = 0;
  for (const socket of sockets) {
    if (socket.phase === 'stopped') continue;
    wantedSockets++;
    if (socket.phase === 'live' || socket.phase === 'stalled' || socket.phase === 'subscribing') openSockets++;
    if (socket.lastMessageAt !== null) lastMessageAt = Math.max(lastMessageAt ?? -Infinity, socket.lastMessageAt);
    const candidate = socketState(socket, downAfterFailures);
    if (SEVERITY[candidate] > SEVERITY[state]) {
      state = candidate;
      reason = socket.reason;
    } else if (SEVERITY[candidate] === SEVERITY[state] && reason === null) {
      reason = socket.reason;
    }
  }
  return {
    exchange,
    state,
    reason: state === 'live' || state === 'idle' ? null : reason,
    lastMessageAt,
    openSockets,
    wantedSockets,
    ...counters,
    refusal,
  };
}

/** Both are built by summariseLink, so their keys come in one order and equal statuses have equal JSON. */
export function sameLinkStatus(a: ExchangeLinkStatus, b: ExchangeLinkStatus): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
