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

/** One held release at a time: the next is taken before the held one goes, so what both hold is never let go in between. */
export class Handover {
  private held: (() => void) | null = null;

  /** Acquires the next (its release, or null for nothing), then releases what was held. */
  pass(acquire: () => (() => void) | null): void {
    const previous = this.held;
    this.held = acquire();
    previous?.();
  }

  release(): void {
    this.pass(() => null);
  }
}
