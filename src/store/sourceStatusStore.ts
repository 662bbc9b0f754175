import { create } from 'zustand';
import type { SourceStatus } from '../domain/sourceStatus';

interface SourceStatusState {
  sources: Record<string, SourceStatus>;
  report: (status: SourceStatus) => void;
  /** Several reports in order, as one store change. */
  reportAll: (statuses: readonly SourceStatus[]) => void;
}

// A retry of a failed source is still a missing source until it succeeds: keeping the failure
// up while the request is in flight stops the notice blinking away on every retry.
function withReport(sources: Record<string, SourceStatus>, status: SourceStatus): Record<string, SourceStatus> {
  if (status.state === 'loading' && sources[status.id]?.state === 'failed') return sources;
  return { ...sources, [status.id]: status };
}

/** An unchanged record leaves the state as it was, so no subscriber re-renders. */
function changed(state: SourceStatusState, sources: Record<string, SourceStatus>): SourceStatusState | Partial<SourceStatusState> {
  return sources === state.sources ? state : { sources };
}

export const useSourceStatusStore = create<SourceStatusState>()((set) => ({
  sources: {},
  report: (status) => set((state) => changed(state, withReport(state.sources, status))),
  reportAll: (statuses) => set((state) => changed(state, statuses.reduce(withReport, state.sources))),
}));
