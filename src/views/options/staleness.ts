import type { OptionRow } from '../../domain/option';
import { STALE_AFTER_MS } from '../screener/staleness';

/** An option greys out when its exchange's streams are silent, or after the same silence as a perpetual of its exchange. */
export function isOptionStale(quote: OptionRow, now: number, streamSilent: boolean): boolean {
  if (streamSilent) return true;
  return quote.appliedAt > 0 && now - quote.appliedAt > STALE_AFTER_MS[quote.exchange];
}
