import { requestJson, statusDetail, UNREADABLE_DETAIL } from './restSource';

const EXPLAINED_STATUS: Record<number, string> = {
  403: 'HTTP 403: access refused',
  418: 'HTTP 418: IP banned for too many requests',
  429: 'HTTP 429: rate limited',
};

/** Browsers hide why a WebSocket handshake failed, so we ask the exchange's REST host: a geo-block answers 451 there too. */
export async function diagnoseByProbe(fetchImpl: typeof fetch, probeUrl: string): Promise<string> {
  const reply = await requestJson(fetchImpl, probeUrl);
  if (!reply.readable) return UNREADABLE_DETAIL;
  if (reply.status >= 200 && reply.status <= 299) return 'WebSocket refused (REST reachable)';
  return EXPLAINED_STATUS[reply.status] ?? statusDetail(reply.status);
}
