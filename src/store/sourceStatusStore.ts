import { create } from 'zustand';
import type { ExchangeId } from '../domain/exchange';

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

interface SourceStatusState {
  sources: Record<string, SourceStatus>;
  report: (status: SourceStatus) => void;
}

export const useSourceStatusStore = create<SourceStatusState>()((set) => ({
  sources: {},
  report: (status) =>
    set((state) => {
      // A retry of a failed source is still a missing source until it succeeds: keeping the failure
      // up while the request is in flight stops the notice blinking away on every retry.
      if (status.state === 'loading' && state.sources[status.id]?.state === 'failed') return state;
      return { sources: { ...state.sources, [status.id]: status } };
    }),
}));
