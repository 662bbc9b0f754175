import { UNREADABLE_DETAIL } from './restSource';

const EXPLAINED_STATUS: Record<number, string> = {
  403: 'HTTP 403: access refused',
  418: 'HTTP 418: IP banned for too many requests',
  429: 'HTTP 429: rate limited',
  451: 'HTTP 451: unavailable from your region',
};

/**
 * Browsers hide why a WebSocket handshake failed, so after a failed connect we ask the
 * exchange's REST host the same question: a geo-block answers 451 there too.
 */
export async function diagnoseByProbe(fetchImpl: typeof fetch, probeUrl: string): Promise<string> {
  let response: Response;
  try {
    response = await fetchImpl(probeUrl, { cache: 'no-store', credentials: 'omit' });
  } catch {
    return `unreachable (${UNREADABLE_DETAIL})`;
  }
  if (response.ok) return 'WebSocket refused (REST reachable)';
  return EXPLAINED_STATUS[response.status] ?? `HTTP ${response.status}`;
}
