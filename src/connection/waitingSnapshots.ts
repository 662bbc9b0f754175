/** Reads one waiting push: its text, when it arrived, and how many earlier pushes of its topic it replaced. */
export type SnapshotReader = (raw: string, receivedAt: number, superseded: number) => void;

/** Whether a topic's newest push may stay unread past this read (what it carries is applied later anyway). */
export type MayWait = (key: string) => boolean;

interface DeferredPush {
  raw: string;
  receivedAt: number;
  superseded: number;
}

/**
 * A socket's snapshot pushes waiting to be read, kept in arrival order and reduced to the newest
 * per topic only when read: a lookup per arriving push was the costliest step of an OKX push in the
 * browser's profile (bench/decisions.md), while appending costs little and the reduction runs once a
 * read, over the whole batch at once.
 */
export class WaitingSnapshots {
  private keys: string[] = [];
  private texts: string[] = [];
  private times: number[] = [];
  /** Per topic, the newest push a read let wait, until a read without `mayWait` or a newer push. */
  private deferred = new Map<string, DeferredPush>();
  /** Bumped by clear(): a read in progress stops at the next push. */
  private generation = 0;

  /** Pushes that arrived since the last read. */
  get size(): number {
    return this.keys.length;
  }

  /** Whether some topic's push was let wait by a read and is still unread. */
  get hasDeferred(): boolean {
    return this.deferred.size > 0;
  }

  add(key: string, raw: string, receivedAt: number): void {
    this.keys.push(key);
    this.texts.push(raw);
    this.times.push(receivedAt);
  }

  /**
   * Hands each topic's newest push to `read`, topics in the order they first arrived, and leaves
   * the set empty. A topic for which `mayWait` says so keeps its newest push, unread, until a
   * later read without `mayWait` (or one whose `mayWait` says no once a newer push arrives); its
   * `superseded` then counts every push it replaced across reads. What arrives while reading
   * waits for the next read; a clear() while reading drops the rest.
   */
  read(read: SnapshotReader, mayWait?: MayWait): void {
    const { keys, texts, times } = this;
    if (keys.length === 0) {
      if (mayWait === undefined) this.readDeferred(read, this.generation);
      return;
    }
    this.keys = [];
    this.texts = [];
    this.times = [];
    const generation = this.generation;

    const slotOf = new Map<string, number>();
    const newest: number[] = [];
    const pushes: number[] = [];
    for (let index = 0; index < keys.length; index++) {
      const key = keys[index]!;
      const slot = slotOf.get(key);
      if (slot === undefined) {
        slotOf.set(key, newest.length);
        newest.push(index);
        pushes.push(1);
      } else {
        newest[slot] = index;
        pushes[slot]!++;
      }
    }
    const { deferred } = this;
    for (let slot = 0; slot < newest.length && generation === this.generation; slot++) {
      const index = newest[slot]!;
      const key = keys[index]!;
      let superseded = pushes[slot]! - 1;
      if (deferred.size > 0) {
        const older = deferred.get(key);
        if (older !== undefined) {
          superseded += older.superseded + 1;
          deferred.delete(key);
        }
      }
      if (mayWait?.(key)) deferred.set(key, { raw: texts[index]!, receivedAt: times[index]!, superseded });
      else read(texts[index]!, times[index]!, superseded);
    }
    if (mayWait === undefined) this.readDeferred(read, generation);
  }

  private readDeferred(read: SnapshotReader, generation: number): void {
    if (this.deferred.size === 0 || generation !== this.generation) return;
    const deferred = this.deferred;
    this.deferred = new Map();
    for (const push of deferred.values()) {
      if (generation !== this.generation) return;
      read(push.raw, push.receivedAt, push.superseded);
    }
  }

  clear(): void {
    this.keys = [];
    this.texts = [];
    this.times = [];
    this.deferred = new Map();
    this.generation++;
  }
}
