import { readStoredJson, writeStoredJson, type KeyValueStorage } from './browserStorage';

/** The columns a trader showed (true) or hid (false), by column id; a column never chosen keeps its default. */
export type ColumnChoice = Readonly<Record<string, boolean>>;

const storageKey = (table: string) => `funding-desk.columns.${table}`;

/** The stored choice for a table; nothing stored, unreadable or not a map of booleans is no choice. */
export function readColumnChoice(storage: Pick<Storage, 'getItem'> | null, table: string): ColumnChoice {
  const stored = readStoredJson(storage, storageKey(table));
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'));
}

/** The choice with one column shown or hidden, kept for the next visit. */
export function chooseColumn(storage: KeyValueStorage | null, table: string, choice: ColumnChoice, id: string, shown: boolean): ColumnChoice {
  const next = { ...choice, [id]: shown };
  writeStoredJson(storage, storageKey(table), next);
  return next;
}

/** Whether a column shows: as the trader chose it, else by its default. */
export function isColumnShown(choice: ColumnChoice, column: { id: string; hiddenByDefault?: boolean }): boolean {
  return choice[column.id] ?? !column.hiddenByDefault;
}
