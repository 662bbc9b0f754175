import type { LinkState, SubscriptionRefusal } from '../../domain/connectionState';
import { EXCHANGE_LABEL, type ExchangeId } from '../../domain/exchange';
import { useNow } from '../../hooks/useNow';
import { selectLinkStatus, useConnectionStatusStore } from '../../store/connectionStatusStore';
import { useDatedFutureStore } from '../../store/datedFutureStore';
import { useOptionStore } from '../../store/optionStore';
import { usePerpStore } from '../../store/perpStore';
import { formatAge } from './formatAge';

const STATE_WORD: Record<LinkState, string> = {
  idle: 'idle',
  connecting: 'connecting',
  live: 'live',
  stalled: 'stalled',
  reconnecting: 'reconnecting',
  down: 'down',
  offline: 'offline',
};

/** Topics named in the badge before the rest are counted. */
const NAMED_TOPICS = 2;

/** `subscription refused: !miniTicker@arr (2: Invalid request: invalid stream)`. */
export function refusalText({ topics, message }: SubscriptionRefusal): string {
  const named = topics.slice(0, NAMED_TOPICS).join(', ');
  const more = topics.length > NAMED_TOPICS ? ` and ${topics.length - NAMED_TOPICS} more` : '';
  return `subscription refused: ${named}${more} (${message})`;
}

export function ConnectionBadge({ exchange }: { exchange: ExchangeId }) {
  const status = useConnectionStatusStore(selectLinkStatus(exchange));
  // Items refused at the edge (bad numbers, missing fields) inside frames that decoded fine.
  const rejected =
    usePerpStore((state) => state.counters.rejected[exchange]) +
    useOptionStore((state) => state.counters.rejected[exchange]) +
    useDatedFutureStore((state) => state.counters.rejected[exchange]);
  const now = useNow();
  const label = EXCHANGE_LABEL[exchange];
  const age = status.lastMessageAt === null ? null : formatAge(now - status.lastMessageAt);
  const refusal = status.refusal === null ? null : refusalText(status.refusal);
  const details = [
    `${status.openSockets}/${status.wantedSockets} sockets open`,
    `${status.reconnects} reconnects`,
    `${status.subscriptionErrors} subscription errors`,
    `${status.droppedMessages} bad messages dropped`,
    `${rejected} bad values rejected`,
  ].join(', ') + (refusal === null ? '' : `; ${refusal}`);
  return (
    <div role="status" aria-label={`${label} connection`} className={`badge badge-${status.state}`} title={details}>
      <span className="badge-dot" aria-hidden="true" />
      <span className="badge-exchange">{label}</span>
      <span className="badge-state">{STATE_WORD[status.state]}</span>
      {status.reason && <span className="badge-reason">{status.reason}</span>}
      {refusal && <span className="badge-refusal">{refusal}</span>}
      {age && <span className="badge-age">last msg {age} ago</span>}
    </div>
  );
}
