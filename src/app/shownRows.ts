import { perpKey } from '../domain/perp';
import type { ExchangeId } from '../domain/exchange';
import { chainKey } from '../domain/option';
import { once } from '../lib/once';
import type { ShownRows } from '../wire/messages';
import { tellWorkersShown } from './workerClient';

type PerpId = { exchange: ExchangeId; symbol: string };

/**
 * What one mounted view shows: its perpetuals (`'all'`: the screener), the chains' expiries it shows,
 * and the perpetuals in view to poll; a view that names no `polled` polls the perpetuals it lists.
 */
export interface ViewRows {
  perps?: 'all' | readonly PerpId[];
  expiries?: readonly { exchange: ExchangeId; underlying: string; expiry: number }[];
  polled?: readonly PerpId[];
}

const keysOf = (perps: readonly PerpId[]): string[] => perps.map(({ exchange, symbol }) => perpKey(exchange, symbol));

const views = new Set<ViewRows>();

/** Every view's rows together; while no view speaks for perpetuals, all of them are shown (and none polled). */
export function shownRowsOf(views: Iterable<ViewRows>): ShownRows {
  const perps = [...views].flatMap((view) => (view.perps === undefined ? [] : [view.perps]));
  const expiries: Record<string, number[]> = {};
  for (const view of views) {
    for (const { exchange, underlying, expiry } of view.expiries ?? []) (expiries[chainKey(exchange, underlying)] ??= []).push(expiry);
  }
  const polled = new Set([...views].flatMap((view) => keysOf(view.polled ?? (view.perps === 'all' ? [] : (view.perps ?? [])))));
  return {
    perps: perps.length === 0 || perps.includes('all') ? 'all' : perps.flatMap((list) => (list === 'all' ? [] : keysOf(list))),
    expiries,
    polled: [...polled],
  };
}

/** Tells the ingest workers what a view shows until the returned release: every other row is sent once a second. */
export function showRows(view: ViewRows): () => void {
  const own = { ...view };
  views.add(own);
  tellWorkersShown(shownRowsOf(views));
  return once(() => {
    views.delete(own);
    tellWorkersShown(shownRowsOf(views));
  });
}
