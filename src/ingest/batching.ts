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

/** The pending patch of one row, created empty on first use. */
export function pendingOf<P extends object>(patches: Map<string, P>, key: string): P {
  let patch = patches.get(key);
  if (!patch) {
    patch = {} as P;
    patches.set(key, patch);
  }
  return patch;
}
