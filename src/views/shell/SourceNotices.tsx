import { useShallow } from 'zustand/react/shallow';
import type { ExchangeId } from '../../domain/exchange';
import { useNow } from '../../hooks/useNow';
import { useSourceStatusStore } from '../../store/sourceStatusStore';

function retryText(retryAt: number, now: number): string {
  const seconds = Math.ceil((retryAt - now) / 1000);
  return seconds > 0 ? `Retrying in ${seconds}s.` : 'Retrying now.';
}

/** Which REST sources are missing, why, what is assumed meanwhile, and when the next try is. */
export function SourceNotices({ exchanges }: { exchanges: readonly ExchangeId[] }) {
  const failed = useSourceStatusStore(
    useShallow((state) => Object.values(state.sources).filter((source) => source.state === 'failed' && exchanges.includes(source.exchange))),
  );
  const now = useNow();
  if (failed.length === 0) return null;
  return (
    <ul className="notices" aria-label="Data source problems">
      {failed.map((source) => (
        <li key={source.id} className="notice">
          <strong>{source.label} unavailable</strong> ({source.detail ?? 'unknown error'}): {source.fallback}.
          {source.retryAt !== null && ` ${retryText(source.retryAt, now)}`}
        </li>
      ))}
    </ul>
  );
}
