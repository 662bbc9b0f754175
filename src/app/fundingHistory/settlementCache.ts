import type { DBSchema, IDBPDatabase } from 'idb';
import type { FundingSettlement } from '../../domain/fundingHistory';
import type { HistoryStorage, SettlementSpan } from '../../store/fundingHistoryStore';
import { openBrowserDatabase, storageRefusal } from '../browserDatabase';
import { mergeSpans } from './spans';

const DB_NAME = 'funding-desk-history';
/** Raise it with an upgrade step whenever a stored record changes shape. */
export const CACHE_VERSION = 1;
const STORE = 'fundingSpans';

/** One contract's span, under its `exchange:symbol`. */
interface StoredSpan extends SettlementSpan {
  key: string;
}

interface HistoryDb extends DBSchema {
  [STORE]: { key: string; value: StoredSpan };
}

/** Settlements per contract, kept across visits where the browser allows. */
export interface SettlementCache {
  read(key: string): Promise<SettlementSpan | null>;
  /** Joins the span with what is stored (another tab may have stored more) and keeps the result. Never rejects. */
  write(key: string, span: SettlementSpan): Promise<void>;
}

function isSettlement(value: unknown): value is FundingSettlement {
  if (typeof value !== 'object' || value === null) return false;
  const { time, rate } = value as Record<string, unknown>;
  return typeof time === 'number' && Number.isFinite(time) && typeof rate === 'number' && Number.isFinite(rate);
}

/** A stored record, or null when it is not one this version wrote: a bad record is asked again, never shown. */
function spanOf(value: unknown): SettlementSpan | null {
  if (typeof value !== 'object' || value === null) return null;
  const { settlements, coveredFrom, coveredTo } = value as Record<string, unknown>;
  if (typeof coveredFrom !== 'number' || typeof coveredTo !== 'number' || !Number.isFinite(coveredFrom) || !Number.isFinite(coveredTo)) return null;
  if (!Array.isArray(settlements) || !settlements.every(isSettlement)) return null;
  return { settlements, coveredFrom, coveredTo };
}

class MemoryCache implements SettlementCache {
  private readonly spans = new Map<string, SettlementSpan>();

  async read(key: string): Promise<SettlementSpan | null> {
    return this.spans.get(key) ?? null;
  }

  async write(key: string, span: SettlementSpan): Promise<void> {
    const merged = mergeSpans(this.spans.get(key) ?? null, span);
    if (merged) this.spans.set(key, merged);
  }
}

/** IndexedDB while it works; at its first failure, this page's memory, said once. */
class BrowserCache implements SettlementCache {
  private readonly memory = new MemoryCache();
  private db: IDBPDatabase<HistoryDb> | null = null;

  constructor(private readonly onStorage: (storage: HistoryStorage) => void) {}

  open(db: IDBPDatabase<HistoryDb>): void {
    this.db = db;
    this.onStorage({ state: 'persistent' });
  }

  degrade(detail: string): void {
    if (this.db === null) return;
    this.db.close();
    this.db = null;
    this.onStorage({ state: 'memory', detail });
  }

  async read(key: string): Promise<SettlementSpan | null> {
    const db = this.db;
    if (!db) return this.memory.read(key);
    try {
      return spanOf(await db.get(STORE, key));
    } catch (error) {
      this.degrade(storageRefusal(error));
      return null;
    }
  }

  async write(key: string, span: SettlementSpan): Promise<void> {
    const db = this.db;
    if (!db) return this.memory.write(key, span);
    try {
      const transaction = db.transaction(STORE, 'readwrite');
      const merged = mergeSpans(spanOf(await transaction.store.get(key)), span);
      if (merged) await transaction.store.put({ key, settlements: [...merged.settlements], coveredFrom: merged.coveredFrom, coveredTo: merged.coveredTo });
      await transaction.done;
    } catch (error) {
      this.degrade(storageRefusal(error));
      await this.memory.write(key, span);
    }
  }
}

/**
 * The history cache: IndexedDB when the browser opens it, else this page's memory, and
 * `onStorage` told which (and why) once. Never rejects.
 */
export async function openSettlementCache(onStorage: (storage: HistoryStorage) => void): Promise<SettlementCache> {
  const cache = new BrowserCache(onStorage);
  const opened = await openBrowserDatabase<HistoryDb>({
    name: DB_NAME,
    version: CACHE_VERSION,
    upgrade: (db) => {
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'key' });
    },
    called: 'history cache',
    onLost: (detail) => cache.degrade(detail),
  });
  if ('refused' in opened) {
    onStorage({ state: 'memory', detail: opened.refused });
    return new MemoryCache();
  }
  cache.open(opened.db);
  return cache;
}
