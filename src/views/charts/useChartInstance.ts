import { useEffect, useState, type RefObject } from 'react';

/**
 * An imperative chart made for `key` (its interval and symbols) in `container`, disposed when the
 * key changes or the view unmounts. On the render where the key has just changed it is null, not
 * the chart of the old key: a feed started in that commit must not reach a chart being disposed.
 */
export function useChartInstance<T extends { dispose(): void }>(container: RefObject<HTMLElement | null>, key: string, create: (element: HTMLElement) => T): T | null {
  const [made, setMade] = useState<{ key: string; chart: T } | null>(null);
  useEffect(() => {
    const chart = create(container.current!);
    setMade({ key, chart });
    return () => {
      setMade(null);
      chart.dispose();
    };
    // The chart is remade for a new key only; `create` is a new closure every render.
  }, [key]);
  return made?.key === key ? made.chart : null;
}
