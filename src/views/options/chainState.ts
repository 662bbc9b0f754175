import type { ExchangeLinkStatus } from '../../domain/connectionState';
import { EXCHANGE_LABEL } from '../../domain/exchange';
import { formatAge } from '../shell/formatAge';

/**
 * What a chain's quotes are, in words: its venue's link first (unreachable, offline, stalled,
 * reconnecting), then whether any quote came yet, then whether some have gone stale.
 */
export function chainState(link: ExchangeLinkStatus, newestUpdate: number, anyStale: boolean, now: number): string {
  const venue = EXCHANGE_LABEL[link.exchange];
  if (link.state === 'down') return `${venue} unreachable${link.reason ? `: ${link.reason}` : ''}`;
  if (link.state === 'offline') return `offline: ${venue} reconnects when the browser is back online`;
  if (link.state === 'stalled') return `${venue} stalled: its socket is open but silent`;
  if (link.state === 'reconnecting') return `reconnecting to ${venue}`;
  if (newestUpdate === 0) return 'waiting for quotes';
  if (anyStale) return `stale: no update for ${formatAge(now - newestUpdate)}`;
  return 'live';
}
