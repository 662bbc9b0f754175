import type { ExchangeId } from './exchange';

/**
 * REST sources that refine what the streams show (instrument lists, funding intervals).
 * When one fails the screener still fills from the streams; this says which source is
 * missing, why, and what is assumed meanwhile.
 */
export interface SourceStatus {
  id: string;
  exchange: ExchangeId;
  label: string;
  state: 'loading' | 'ok' | 'failed';
  /** Why it failed (HTTP status, network, bad body), when it failed. */
  detail: string | null;
  /** What the view assumes while this source is missing. */
  fallback: string;
  retryAt: number | null;
}
