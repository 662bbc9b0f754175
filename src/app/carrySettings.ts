import { DEFAULT_CARRY_SETTINGS, validateCarrySettings, type CarrySettings, type CarrySettingsInput } from '../domain/carrySettings';
import { useCarrySettingsStore } from '../store/carrySettingsStore';
import { browserStorage, readStoredJson, writeStoredJson } from './browserStorage';

const STORAGE_KEY = 'funding-desk.carry-settings';

/** The stored settings, checked as a form's would be; anything missing or refused is the defaults. */
export function readCarrySettings(storage: Pick<Storage, 'getItem'> | null): CarrySettings {
  const stored = readStoredJson(storage, STORAGE_KEY);
  if (typeof stored !== 'object' || stored === null) return DEFAULT_CARRY_SETTINGS;
  const check = validateCarrySettings(stored as CarrySettingsInput);
  return check.ok ? check.settings : DEFAULT_CARRY_SETTINGS;
}

/** Applies settings already validated, and keeps them for the next visit. */
export function applyCarrySettings(settings: CarrySettings): void {
  useCarrySettingsStore.setState({ settings });
  writeStoredJson(browserStorage(), STORAGE_KEY, settings);
}

/** Restores the trader's settings from the last visit. */
export function restoreCarrySettings(): void {
  useCarrySettingsStore.setState({ settings: readCarrySettings(browserStorage()) });
}
