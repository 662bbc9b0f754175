/**
 * An ingest's rows by key, and which rows were set or deleted since their changes were last taken,
 * each with the row it held then. Rows stay immutable (a change replaces the row object), so the
 * taker can tell what changed in each.
 */
export class RowTable<Row extends { key: string }> {
  private readonly rows = new Map<string, Row>();
  private changes = new Map<string, Row | undefined>();

  get size(): number {
    return this.rows.size;
  }

  get hasChanges(): boolean {
    return this.changes.size > 0;
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

  values(): IterableIterator<Row> {
    return this.rows.values();
  }

  /**
   * Each key set or deleted since it was last taken, with the row it held then (undefined: none).
   * An update of a row `holds` says yes to stays for a later take; new and removed rows never wait.
   */
  takeChanges(holds?: (row: Row) => boolean): ReadonlyMap<string, Row | undefined> {
    const changes = this.changes;
    if (!holds) {
      this.changes = new Map();
      return changes;
    }
    const taken = new Map<string, Row | undefined>();
    for (const [key, before] of changes) {
      const row = this.rows.get(key);
      if (before !== undefined && row !== undefined && holds(row)) continue;
      taken.set(key, before);
      changes.delete(key);
    }
    return taken;
  }

  private noteChange(key: string): void {
    if (!this.changes.has(key)) this.changes.set(key, this.rows.get(key));
  }
}
