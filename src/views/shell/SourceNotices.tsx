import { useShallow } from 'zustand/react/shallow';
import type { ExchangeId } from '../../domain/exchange';
import { useNow } from '../../hooks/useNow';
import { useSourceStatusStore } from '../../store/sourceStatusStore';
import { useUnreachable } from './UnreachableNotice';

function retryText(retryAt: number, now: number): string {
  const seconds = Math.ceil((retryAt - now) / 1000);
  return seconds > 0 ? `Retrying in ${seconds}s.` : 'Retrying now.';
}

/**
 * Which REST sources are missing, why, what is assumed meanwhile, and when the next try is. A venue
 * that cannot be reached at all has its own notice: its fallbacks lean on streams that are down too.
 */
export function SourceNotices({ exchanges }: { exchanges: readonly ExchangeId[] }) {
  const down = useUnreachable(exchanges);
  const failed = useSourceStatusStore(
    useShallow((state) =>
      Object.values(state.sources).filter((source) => source.state === 'failed' && exchanges.includes(source.exchange) && !down.includes(source.exchange)),
    ),
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
