/**
 * The ingests' shared batching: whatever arrives between two flushes is applied in one. The
 * returned function requests a flush; requests before it runs add nothing.
 */
export function flushOncePerTick(schedule: (run: () => void) => void, flush: () => void): () => void {
  let scheduled = false;
  const run = (): void => {
    scheduled = false;
    flush();
  };
  return () => {
    if (scheduled) return;
    scheduled = true;
    schedule(run);
  };
}

/** A row's newest events since the last flush, created empty on first use. */
export function pendingOf<Newest extends object>(pending: Map<string, Newest>, key: string): Newest {
  let newest = pending.get(key);
  if (!newest) {
    newest = {} as Newest;
    pending.set(key, newest);
  }
  return newest;
}
