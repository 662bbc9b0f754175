import { acquireOnEveryExchange } from './workerClient';

/** The lease taken at boot, before any view has mounted; handed over to the first view's own. */
let bootLease: (() => void) | null = null;

/**
 * Starts the perpetual feeds at boot, while the views' code is still loading: the shell keeps them
 * running on every view, so the first view's lease takes over this one and sockets start sooner.
 */
export function startPerpFeedsEarly(): void {
  bootLease ??= acquireOnEveryExchange('perps');
}

/** Keeps both exchanges' perpetual feeds running until released. */
export function acquirePerpFeeds(): () => void {
  const release = acquireOnEveryExchange('perps');
  bootLease?.();
  bootLease = null;
  return release;
}
