import { DEFAULT_BACKOFF } from '../../connection/backoff';
import type { Endpoint } from '../../connection/connectionHub';
import { getJson, startRestSource } from '../../connection/restSource';
import type { OptionEvent } from '../../domain/optionEvents';
import type { OptionFeedDeps } from '../optionFeedDeps';
import {
  KNOWN_OPTION_UNDERLYINGS,
  optionMarkPriceStream,
  parseOptionExchangeInfo,
  parseOptionMarkPrices,
  underlyingsOf,
} from './optionParse';
import type { BinanceStream } from './binanceProtocol';

const HOUR_MS = 3_600_000;

/**
 * Which Binance options exist: `GET /eapi/v1/exchangeInfo`, refreshed hourly (new expiries and
 * strikes; settled ones drop out). While it fails, the chains of the underlyings Binance is known
 * to list are offered and filled from the mark-price stream, whose symbols describe themselves.
 */
export function startBinanceOptionCatalog(deps: OptionFeedDeps, restBase: string): () => void {
  let fallbackOffered = false;
  return startRestSource({
    fetch: deps.fetch,
    scheduler: deps.scheduler,
    random: deps.random,
    backoff: { ...DEFAULT_BACKOFF, capMs: 5 * 60_000 },
    refreshMs: HOUR_MS,
    load: async (fetchImpl) => {
      const response = await getJson(fetchImpl, `${restBase}/eapi/v1/exchangeInfo`);
      if (!response.ok) return response;
      const instruments = parseOptionExchangeInfo(response.value);
      return instruments ? { ok: true, value: instruments } : { ok: false, detail: 'unexpected response' };
    },
    onValue: ({ events: instruments, rejected }) => {
      const events: OptionEvent[] = instruments.map((instrument) => ({ kind: 'instrument', ...instrument, listed: true }));
      events.push({ kind: 'list-complete', exchange: 'binance' }, { kind: 'underlyings', exchange: 'binance', underlyings: underlyingsOf(instruments) });
      deps.ingest.push(events);
      deps.ingest.reject('binance', rejected);
    },
    onState: (state) => {
      if (state.state === 'failed' && !fallbackOffered) {
        fallbackOffered = true;
        deps.ingest.push([{ kind: 'underlyings', exchange: 'binance', underlyings: KNOWN_OPTION_UNDERLYINGS }]);
      }
      deps.reportSource({
        id: 'binance:optionExchangeInfo',
        exchange: 'binance',
        label: 'Binance option list',
        fallback: 'the usual underlyings are offered and each chain shows the options its mark-price stream carries',
        ...state,
      });
    },
  });
}

/**
 * One underlying's chain, live: `<underlying>@optionMarkPrice` on the routed `/market` path pushes
 * every listed option of it each second with mark, index, book, IVs and greeks.
 */
export function startBinanceOptionChain(deps: OptionFeedDeps, endpoint: Endpoint<BinanceStream>, underlying: string): () => void {
  // A push skipped unread for a newer one (read later, see the hub) carried the same options.
  return deps.hub.subscribe(endpoint, [optionMarkPriceStream(underlying)], (payload, _stream, receivedAt, coalesced) => {
    const { events, rejected } = parseOptionMarkPrices(payload);
    deps.ingest.push(events, receivedAt);
    deps.ingest.reject('binance', rejected);
    deps.ingest.countCoalesced(coalesced * events.length);
  });
}
