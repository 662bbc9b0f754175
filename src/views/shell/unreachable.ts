import type { ExchangeLinkStatus } from '../../domain/connectionState';
import { EXCHANGE_LABEL, type ExchangeId } from '../../domain/exchange';

/** The venues among `wanted` whose every connection attempt keeps failing. */
export function unreachableOf(links: Record<ExchangeId, ExchangeLinkStatus>, wanted: readonly ExchangeId[]): ExchangeId[] {
  return wanted.filter((exchange) => links[exchange].state === 'down');
}

/** What a trader reads when venues cannot be reached: which, what that usually means, and what still works. */
export interface UnreachableWords {
  headline: string;
  causes: string;
  /** The wanted venues still reachable, whose data the view keeps showing; null when none is. */
  stillShown: string | null;
}

export function unreachableWords(down: readonly ExchangeId[], wanted: readonly ExchangeId[]): UnreachableWords {
  const labels = down.map((exchange) => EXCHANGE_LABEL[exchange]);
  const reachable = wanted.filter((exchange) => !down.includes(exchange)).map((exchange) => EXCHANGE_LABEL[exchange]);
  const headline =
    labels.length > 1 ? `Neither ${labels.slice(0, -1).join(', ')} nor ${labels.at(-1)} can be reached from this browser.` : `${labels[0]} cannot be reached from this browser.`;
  const them = labels.length > 1 ? 'them' : 'it';
  return {
    headline,
    causes:
      `Every connection to ${them} fails, and the browser does not say why. That usually means the network blocks ${them} (a company or school firewall, a proxy or VPN), ` +
      `the venue does not serve this region, or a browser extension (an ad or privacy blocker) stops the requests. Retrying meanwhile.`,
    stillShown: reachable.length > 0 ? `${reachable.join(' and ')} ${reachable.length > 1 ? 'are' : 'is'} reachable; ${reachable.length > 1 ? 'their' : 'its'} data is shown.` : null,
  };
}
