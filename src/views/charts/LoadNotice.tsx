import type { LoadState } from '../../app/chartFeeds';
import { useNow } from '../../hooks/useNow';

/** What a price chart without its history still shows. */
export const LIVE_ONLY = 'Live points are drawn from when the chart opened';

/**
 * A history load that is still running or failed: what is missing, why, what the chart shows
 * meanwhile, and when the next try is.
 */
export function LoadNotice({ what, state, meanwhile }: { what: string; state: LoadState; meanwhile?: string }) {
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
      {meanwhile && ` ${meanwhile}.`}
      {state.retryAt !== null && ` Retrying in ${Math.max(0, Math.ceil((state.retryAt - now) / 1000))}s.`}
    </p>
  );
}
