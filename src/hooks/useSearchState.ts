import { startTransition, useCallback, useMemo, useOptimistic } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * A page's parameters, kept in its query string so that a link or a reload opens the same view.
 *
 * A change shows at once; the address follows in a task of its own. The new parameters render as
 * an optimistic update in the trader's own click, and the router writes the address afterwards as
 * a transition: `history.replaceState`, route matching and a render of every route element. With
 * all of that inside the click, a header click's handlers took several times longer
 * (bench/decisions.md). The optimistic value stands
 * in until that transition commits, so several quick clicks (shift-click sorting) each build on
 * the last, and a navigation from elsewhere shows once it lands.
 *
 * The address is written against the page's own path, and not at all once the browser has moved
 * on: a search-only navigation resolves against the router's location, which already names the
 * next page while this one is still rendered during a route change, and a page correcting its
 * own link then wrote its parameters onto the next page's address.
 */
export function useSearchState<P>(parse: (search: URLSearchParams) => P, serialize: (params: P) => URLSearchParams): [P, (next: P) => void] {
  const [search] = useSearchParams();
  const inAddress = useMemo(() => parse(search), [parse, search]);
  const [params, show] = useOptimistic(inAddress);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const change = useCallback(
    (next: P) =>
      startTransition(async () => {
        show(next);
        await nextTask();
        if (window.location.pathname !== pathname) return;
        const query = serialize(next).toString();
        await navigate({ pathname, search: query ? `?${query}` : '' }, { replace: true });
      }),
    [navigate, pathname, serialize, show],
  );
  return [params, change];
}
