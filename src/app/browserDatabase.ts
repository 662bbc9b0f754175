import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** Why the browser would not keep the data, in a trader's words. */
export function storageRefusal(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') return "the browser's storage for this site is full";
  if (name === 'SecurityError' || name === 'InvalidStateError') return 'the browser keeps no storage here (a private window?)';
  return error instanceof Error && error.message !== '' ? error.message : 'the browser refused to store it';
}

export interface BrowserDatabaseOptions<Schema extends DBSchema> {
  name: string;
  version: number;
  /** Creates what this version needs that the stored database lacks. */
  upgrade: (db: IDBPDatabase<Schema>) => void;
  /** The database in a trader's words ("the alert database"), for the reasons given. */
  called: string;
  /** An open database was taken away, and why: the page carries on in memory. */
  onLost: (detail: string) => void;
}

export type OpenedDatabase<Schema extends DBSchema> = { db: IDBPDatabase<Schema> } | { refused: string };

/**
 * Opens an IndexedDB database, or says why the page must keep to its memory (no IndexedDB, another
 * tab holding an older version open, the browser refusing). Never rejects.
 */
export function openBrowserDatabase<Schema extends DBSchema>(options: BrowserDatabaseOptions<Schema>): Promise<OpenedDatabase<Schema>> {
  if (typeof indexedDB === 'undefined') return Promise.resolve({ refused: 'this browser has no IndexedDB' });
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: OpenedDatabase<Schema>) => {
      if (settled) return false;
      settled = true;
      resolve(result);
      return true;
    };
    try {
      openDB<Schema>(options.name, options.version, {
        upgrade: (db) => options.upgrade(db),
        blocked: () => settle({ refused: `another tab holds an older ${options.called} open` }),
        // A newer version of the page wants to upgrade the database: this one steps aside.
        blocking: () => options.onLost(`a newer version of the page took the ${options.called} over`),
        terminated: () => options.onLost(`the browser closed the ${options.called}`),
      }).then(
        (db) => {
          if (!settle({ db })) db.close();
        },
        (error: unknown) => settle({ refused: storageRefusal(error) }),
      );
    } catch (error) {
      settle({ refused: storageRefusal(error) });
    }
  });
}
