export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The page's local storage, or null where the browser refuses it (storage disabled, some private modes). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** A stored JSON value, or undefined when nothing readable is stored. */
export function readStoredJson(storage: Pick<Storage, 'getItem'> | null, key: string): unknown {
  try {
    const stored = storage?.getItem(key);
    return stored ? (JSON.parse(stored) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a value for the next visit; where storage refuses it, the value still holds until the page closes. */
export function writeStoredJson(storage: Pick<Storage, 'setItem'> | null, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // A full or blocked storage only loses the value for later visits.
  }
}
