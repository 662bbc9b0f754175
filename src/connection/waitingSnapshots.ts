/** Reads one waiting push: its text, when it arrived, and how many earlier pushes of its topic it replaced. */
export type SnapshotReader = (raw: string, receivedAt: number, coalesced: number) => void;

/** Snapshot pushes waiting for the next read, reduced to each topic's newest only when read, which is cheaper (bench/decisions.md). */
export class WaitingSnapshots {
  private keys: string[] = [];
  private texts: string[] = [];
  private times: number[] = [];
  /** Bumped by clear(): a read in progress stops at the next push. */
  private generation = 0;

  /** Pushes that arrived since the last read. */
  get size(): number {
    return this.keys.length;
  }

  add(key: string, raw: string, receivedAt: number): void {
    this.keys.push(key);
    this.texts.push(raw);
    this.times.push(receivedAt);
  }

  /** Hands each topic's newest push to `read`, topics in the order they first arrived; what arrives meanwhile waits for the next read. */
  read(read: SnapshotReader): void {
    const { keys, texts, times } = this;
    if (keys.length === 0) return;
    this.keys = [];
    this.texts = [];
    this.times = [];
    const generation = this.generation;
    const slotOf = new Map<string, number>();
    const newest: number[] = [];
    const pushes: number[] = [];
    for (let index = 0; index < keys.length; index++) {
      const slot = slotOf.get(keys[index]!);
      if (slot === undefined) {
        slotOf.set(keys[index]!, newest.length);
        newest.push(index);
        pushes.push(1);
      } else {
        newest[slot] = index;
        pushes[slot]!++;
      }
    }
    for (let slot = 0; slot < newest.length && generation === this.generation; slot++) {
      const index = newest[slot]!;
      read(texts[index]!, times[index]!, pushes[slot]! - 1);
    }
  }

  clear(): void {
    this.keys = [];
    this.texts = [];
    this.times = [];
    this.generation++;
  }
}
