import { useEffect, useRef } from 'react';

/**
 * Calls `report` with `value` once it has held for `quietMs`, or `maxWaitMs` after its first
 * unreported change however often it moves: rows flying past in a scroll are never reported, and a
 * live re-sort that keeps moving the rows at the edges still reports every `maxWaitMs`.
 */
export function useSettledReport<T>(value: T, report: ((value: T) => void) | undefined, quietMs: number, maxWaitMs: number): void {
  const latest = useRef(value);
  latest.current = value;
  const firstChangeAt = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!report) return;
    const now = performance.now();
    firstChangeAt.current ??= now;
    if (timer.current !== null) clearTimeout(timer.current);
    const wait = Math.min(quietMs, firstChangeAt.current + maxWaitMs - now);
    timer.current = setTimeout(() => {
      timer.current = null;
      firstChangeAt.current = null;
      report(latest.current);
    }, Math.max(0, wait));
  }, [value, report, quietMs, maxWaitMs]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
      firstChangeAt.current = null;
    },
    [report],
  );
}
