/** Counts users of a shared feed: starts it for the first, stops it after the last has gone. */
export function refCounted(start: () => () => void): () => () => void {
  let users = 0;
  let stop: (() => void) | null = null;
  return () => {
    users++;
    if (users === 1) stop = start();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      users--;
      if (users === 0) {
        stop?.();
        stop = null;
      }
    };
  };
}
