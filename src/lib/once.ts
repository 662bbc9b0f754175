/** `fn` run at the first call only: a release called twice undoes its acquire once. */
export function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    fn();
  };
}

/** Something shared, started for its first user and stopped after the last has gone. */
export function refCounted(start: () => () => void): () => () => void {
  let users = 0;
  let stop: (() => void) | null = null;
  return () => {
    if (users++ === 0) stop = start();
    return once(() => {
      if (--users > 0) return;
      stop?.();
      stop = null;
    });
  };
}
