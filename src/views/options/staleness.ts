import type { OptionRow } from '../../domain/option';
import { STALE_AFTER_MS } from '../screener/staleness';

/** An option greys out after the same silence as a perpetual of its exchange (Binance pushes each second, OKX's quiet marks every 10 s). */
export function isOptionStale(quote: OptionRow, now: number): boolean {
  return quote.appliedAt > 0 && now - quote.appliedAt > STALE_AFTER_MS[quote.exchange];
}
