import type { ExchangeId } from '../domain/exchange';
import { useVenueClockStore } from '../store/venueClockStore';
import { useNow } from './useNow';

/** The venue's clock minus this computer's (ms): 0 until the venue's first frame has told it. */
export function useVenueOffset(exchange: ExchangeId): number {
  return useVenueClockStore((state) => state.offsets[exchange] ?? 0);
}

/** "Now" by the venue's clock, ticking each second: what countdowns to its settlements and expiries count from. */
export function useVenueNow(exchange: ExchangeId): number {
  return useNow() + useVenueOffset(exchange);
}
