import { useShallow } from 'zustand/react/shallow';
import type { ExchangeId } from '../../domain/exchange';
import { useConnectionStatusStore } from '../../store/connectionStatusStore';
import { unreachableOf, unreachableWords } from './unreachable';

/** The venues among `exchanges` that cannot be reached, from the header's link statuses. */
export function useUnreachable(exchanges: readonly ExchangeId[]): ExchangeId[] {
  return useConnectionStatusStore(useShallow((state) => unreachableOf(state.byExchange, exchanges)));
}

/** Says, in a view's main area, which of the venues it uses cannot be reached and what that usually means. */
export function UnreachableNotice({ exchanges }: { exchanges: readonly ExchangeId[] }) {
  const down = useUnreachable(exchanges);
  if (down.length === 0) return null;
  const words = unreachableWords(down, exchanges);
  return (
    <div className="unreachable" role="alert">
      <p>
        <strong>{words.headline}</strong> {words.causes}
        {words.stillShown && ` ${words.stillShown}`}
      </p>
      <p>
        To see the product without the venues, run <code>npm run demo</code>: it serves the app offline against a local stand-in for both.
      </p>
    </div>
  );
}
