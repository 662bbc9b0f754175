import type { LoadState } from '../../app/chartFeeds';
import { useNow } from '../../hooks/useNow';

/** A history load that is still running or failed: what is missing, why, and when the next try is. */
export function LoadNotice({ what, state }: { what: string; state: LoadState }) {
  const now = useNow();
  if (state.state === 'ok') return null;
  if (state.state === 'loading') {
    return (
      <p className="chart-loading" role="status">
        Loading {what}…
      </p>
    );
  }
  return (
    <p className="notice" role="alert">
      <strong>{what} unavailable</strong> ({state.detail ?? 'unknown error'}).
      {state.retryAt !== null && ` Retrying in ${Math.max(0, Math.ceil((state.retryAt - now) / 1000))}s.`}
    </p>
  );
}
