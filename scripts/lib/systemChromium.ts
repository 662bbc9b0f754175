/** Debian's Chromium: what CI, the benchmark and the screenshots run on (no browser is ever downloaded). */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Keep the browser quiet and self-contained: no sandbox or GPU in containers, and no background
 * traffic (updates, sync, QUIC probes) to hosts the machine cannot reach.
 */
export const SYSTEM_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];
