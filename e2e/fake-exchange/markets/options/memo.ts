/**
 * The last value computed for a (version, time) key: a payload is built once per tick and served
 * to every socket and request of that tick, and static lists are rebuilt only when listings change.
 */
export class Memo<T> {
  private version = Number.NaN;
  private time = Number.NaN;
  private value: T | undefined;

  get(version: number, time: number, compute: () => T): T {
    if (this.value === undefined || version !== this.version || time !== this.time) {
      this.value = compute();
      this.version = version;
      this.time = time;
    }
    return this.value;
  }
}
