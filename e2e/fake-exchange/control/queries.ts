import type { RequestCounter } from '../core/requestCounter.ts';
import type { Instrument } from '../markets/instrument.ts';
import type { ControlDeps } from './controlServer.ts';
import { ControlError } from './command.ts';

/** A GET endpoint of the control API: it reads the fake's state and changes nothing. */
type Query = (query: URLSearchParams) => Record<string, unknown>;

/** The venue a query names (`exchange=binance|okx`), with its REST request counter. */
export function requestCounterOf(deps: ControlDeps, name: string | null): RequestCounter {
  if (name === 'binance') return deps.binance.rest.requests;
  if (name === 'okx') return deps.okx.rest.requests;
  throw new ControlError('exchange must be binance or okx');
}

/** GET endpoints of the control API (besides /stats), by path. */
export function controlQueries(deps: ControlDeps): Record<string, Query> {
  return {
    '/requests': (query) => {
      const exchange = query.get('exchange');
      const counter = requestCounterOf(deps, exchange);
      return { exchange, since: counter.since, counts: counter.byPath(), statuses: counter.byStatus() };
    },
    '/interval-changes': () => {
      const changes = (instruments: readonly Instrument[]) =>
        instruments.flatMap((instrument) => {
          const change = instrument.funding?.intervalChange;
          return change ? [{ symbol: instrument.symbol, ...change }] : [];
        });
      return { binance: changes(deps.data.market.binance), okx: changes(deps.data.market.okx) };
    },
  };
}
