import type { OptionQuote } from '../../domain/option';
import { STALE_AFTER_MS } from '../screener/staleness';

/** An option greys out after the same silence as a perpetual of its exchange (Binance pushes each second, OKX's quiet marks every 10 s). */
export function isOptionStale(quote: OptionQuote, now: number): boolean {
  return quote.updatedAt > 0 && now - quote.updatedAt > STALE_AFTER_MS[quote.exchange];
}
