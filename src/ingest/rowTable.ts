/** An ingest's rows by key, and what changed since the last take: rows are replaced on change, so the taker can tell. */
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

  /** The rows changed since their last take that are still held: a row held back for a later take stays in it until then. */
  changedRows(): Row[] {
    const rows: Row[] = [];
    for (const key of this.changes.keys()) {
      const row = this.rows.get(key);
      if (row !== undefined) rows.push(row);
    }
    return rows;
  }

  /** Each key changed since it was last taken, with its row then; updates `holds` says yes to stay for a later take. */
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
