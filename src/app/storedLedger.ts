import { memoryLedger, type SentLedger } from '../connection/requestPacer';
import { readStoredJson, type KeyValueStorage } from './browserStorage';

const isTimes = (value: unknown): value is number[] => Array.isArray(value) && value.every((time) => typeof time === 'number' && Number.isFinite(time));

/**
 * Send times kept in the page's local storage under `name`, so every tab of the page and every
 * reload spend one budget, as the venue counts them per IP. Once storage refuses a write, this
 * page's own memory counts instead: a refused write never frees the budget.
 */
export function storedLedger(storage: KeyValueStorage | null, name: string): SentLedger {
  const own = memoryLedger();
  let stored = storage;
  const keyOf = (key: string) => `funding-desk.sent.${name}.${key}`;
  return {
    read: (key) => {
      if (!stored) return own.read(key);
      const times = readStoredJson(stored, keyOf(key));
      return isTimes(times) ? times : [];
    },
    write: (key, times) => {
      own.write(key, times);
      try {
        stored?.setItem(keyOf(key), JSON.stringify(times));
      } catch {
        stored = null;
      }
    },
  };
}
