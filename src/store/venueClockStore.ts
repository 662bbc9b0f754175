import { create } from 'zustand';
import type { ExchangeId } from '../domain/exchange';

export interface VenueClockState {
  /** Per exchange, its venue's clock minus this computer's (ms), as its worker estimates it from the venue's frames. */
  offsets: Partial<Record<ExchangeId, number>>;
}

export const useVenueClockStore = create<VenueClockState>()(() => ({ offsets: {} }));
