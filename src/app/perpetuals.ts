import { acquireOnEveryExchange } from './workerClient';

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
