import { DEFAULT_BACKOFF } from '../../connection/backoff';
import { requestJson, startRestSource, statusDetail, UNREADABLE_DETAIL } from '../../connection/restSource';
import { perpKey } from '../../domain/perp';
import { isRecord } from '../numbers';
import type { PerpFeedDeps } from '../perpFeedDeps';
import { instrumentFromSymbol, parseOpenInterest } from './parse';
import { rateLimited } from './rateLimits';

/** Weight 1 a request, one a second at most: 60 of an IP's 2,400 a minute, however many rows are shown. */
export const OPEN_INTEREST_EVERY_MS = 1_000;

/** Binance's code for a symbol it does not know: the row has no open interest there to show. */
const INVALID_SYMBOL = -1121;

/**
 * Open interest of the polled Binance rows (those in view, and the Carry view's legs),
 * `GET /fapi/v1/openInterest?symbol=` one symbol a second, the one asked least recently first, so a
 * row coming into view is asked next. Nothing is asked while no row is polled. COIN-M rows are
 * skipped: fapi keeps no open interest of theirs.
 */
export function startBinanceOpenInterest(deps: PerpFeedDeps, restBase: string): () => void {
  /** When each symbol was last asked, as a count of asks: ties cannot happen. */
  const askedAt = new Map<string, number>();
  let asks = 0;
  const prefix = perpKey('binance', '');

  const nextSymbol = (): string | null => {
    let chosen: string | null = null;
    let oldest = Infinity;
    for (const key of deps.polledPerps()) {
      if (!key.startsWith(prefix)) continue;
      const symbol = key.slice(prefix.length);
      const at = askedAt.get(symbol) ?? 0;
      if (at < oldest && instrumentFromSymbol(symbol).margin === 'linear') {
        oldest = at;
        chosen = symbol;
      }
    }
    return chosen;
  };

  return startRestSource({
    fetch: deps.fetch,
    scheduler: deps.scheduler,
    random: deps.random,
    backoff: { ...DEFAULT_BACKOFF, capMs: 5 * 60_000 },
    refreshMs: OPEN_INTEREST_EVERY_MS,
    load: async (fetchImpl) => {
      const symbol = nextSymbol();
      if (symbol === null) return { ok: true, value: null };
      askedAt.set(symbol, ++asks);
      const reply = await requestJson(fetchImpl, `${restBase}/fapi/v1/openInterest?symbol=${encodeURIComponent(symbol)}`);
      if (!reply.readable) return { ok: false, detail: UNREADABLE_DETAIL };
      const limited = rateLimited(reply.status);
      if (limited) return limited;
      if (reply.status === 400 && isRecord(reply.body) && reply.body.code === INVALID_SYMBOL) return { ok: true, value: null };
      if (reply.status < 200 || reply.status > 299) return { ok: false, detail: statusDetail(reply.status) };
      const parsed = parseOpenInterest(reply.body);
      return parsed ? { ok: true, value: parsed } : { ok: false, detail: 'unexpected response' };
    },
    onValue: (parsed) => {
      if (!parsed) return;
      deps.ingest.push(parsed.events);
      deps.ingest.reject('binance', parsed.rejected);
    },
    onState: (state) =>
      deps.reportSource({
        id: 'binance:openInterest',
        exchange: 'binance',
        label: 'Binance open interest',
        fallback: "Binance rows' open interest stays as last loaded",
        ...state,
      }),
  });
}
