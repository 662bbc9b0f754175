import type { BinanceRoute } from './connection.ts';

export interface RoutedPath {
  route: BinanceRoute;
  combined: boolean;
  /** Streams named in the URL (`/ws/<a>/<b>` or `?streams=a/b`). */
  streams: string[];
}

/**
 * Maps an upgrade URL onto the routed host's layout: `/market|/public` + `/ws[/<streams>]` or
 * `/stream?streams=`, and the legacy unrouted `/ws`, `/stream`. Anything else is not a socket.
 */
export function routeUpgrade(url: URL): RoutedPath | null {
  const match = /^(?:\/(market|public))?\/(ws|stream)(?:\/(.*))?$/.exec(url.pathname);
  if (!match) return null;
  const [, routeName, kind, rest] = match;
  const route: BinanceRoute = routeName === 'market' ? 'market' : routeName === 'public' ? 'public' : 'legacy';
  if (kind === 'stream') {
    if (rest) return null;
    return { route, combined: true, streams: splitStreams(url.searchParams.get('streams')) };
  }
  return { route, combined: false, streams: splitStreams(rest ? decodeURIComponent(rest) : null) };
}

function splitStreams(list: string | null): string[] {
  return list ? list.split('/').filter((name) => name.length > 0) : [];
}
