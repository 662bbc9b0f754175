/**
 * An ingest's rows by key, and which rows were set or deleted since the changes were last taken,
 * each with the row it held then. Rows stay immutable (a change replaces the row object), so the
 * taker can tell what changed in each. Every perpetual changes on every tick at ×10; the worker's
 * tick used to find them by walking a record of every row, copied once per flush, where this
 * hands them over directly.
 */
export class RowTable<Row extends { key: string }> {
  private readonly rows = new Map<string, Row>();
  private changes = new Map<string, Row | undefined>();

  get size(): number {
    return this.rows.size;
  }

  get(key: string): Row | undefined {
    return this.rows.get(key);
  }

  set(row: Row): void {
    this.noteChange(row.key);
    this.rows.set(row.key, row);
  }

  delete(key: string): void {
    if (!this.rows.has(key)) return;
    this.noteChange(key);
    this.rows.delete(key);
  }

  keys(): IterableIterator<string> {
    return this.rows.keys();
  }

  values(): IterableIterator<Row> {
    return this.rows.values();
  }

  /** Each key set or deleted since the last call, with the row it held at that call (undefined: none). */
  takeChanges(): ReadonlyMap<string, Row | undefined> {
    const changes = this.changes;
    this.changes = new Map();
    return changes;
  }

  private noteChange(key: string): void {
    if (!this.changes.has(key)) this.changes.set(key, this.rows.get(key));
  }
}
