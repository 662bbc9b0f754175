import { EXCHANGES, type ExchangeId } from '../domain/exchange';
import { acquireFeed, acquireOnEveryExchange } from './workerClient';

/** The lease taken at boot, before any view has mounted; handed over to the first view's own. */
let bootLease: (() => void) | null = null;

/**
 * Starts the perpetual feeds at boot, while the views' code is still loading: the shell keeps them
 * running on every view, so the first view's lease takes over this one (see acquirePerpetualFeeds)
 * and sockets and REST calls start a few hundred milliseconds sooner.
 */
export function startPerpetualFeedsEarly(): void {
  bootLease ??= acquireOnEveryExchange('perpetuals');
}

/** Keeps both exchanges' perpetual feeds running until released. */
export function acquirePerpetualFeeds(): () => void {
  const release = acquireOnEveryExchange('perpetuals');
  bootLease?.();
  bootLease = null;
  return release;
}

/**
 * Tells the ingest workers which perpetuals the view on screen shows: `'all'` (the screener, whose
 * sort needs every row), or these (a chart: its contract and the other exchange's; none on the
 * options view). While no view shows all of an exchange's perpetuals, its others are sent once a
 * second instead of at every tick, and are fresh again at the first tick after a view shows them.
 */
export function showPerpetuals(rows: 'all' | readonly { exchange: ExchangeId; symbol: string }[]): () => void {
  const releases = EXCHANGES.map((exchange) =>
    acquireFeed({
      feed: 'perpetual-rows',
      exchange,
      symbols: rows === 'all' ? 'all' : rows.filter((row) => row.exchange === exchange).map((row) => row.symbol),
    }),
  );
  return () => releases.forEach((release) => release());
}
