import { useCallback } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * Replaces the current page's query string. A search-only navigation resolves against the
 * router's location, which already names the next page while this one is still rendered during
 * a route change; a page correcting its own link from an effect then wrote its parameters onto
 * the next page's URL. This navigates to the page's own path, and not at all once the browser
 * has moved on.
 */
export function useReplaceSearch(): (search: URLSearchParams, options?: { flushSync?: boolean }) => void {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return useCallback(
    (search, options) => {
      if (window.location.pathname !== pathname) return;
      const query = search.toString();
      void navigate({ pathname, search: query ? `?${query}` : '' }, { replace: true, flushSync: options?.flushSync });
    },
    [navigate, pathname],
  );
}
