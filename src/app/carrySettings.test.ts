import { describe, expect, it } from 'vitest';
import { DEFAULT_CARRY_SETTINGS } from '../domain/carrySettings';
import { readCarrySettings } from './carrySettings';

const storing = (value: string | null): Pick<Storage, 'getItem'> => ({ getItem: () => value });

describe('stored carry settings', () => {
  it('restores settings that pass the form’s checks', () => {
    const settings = { ...DEFAULT_CARRY_SETTINGS, notionalUsd: 50_000, holdingHours: 72, leverage: 3, fill: 'maker' as const };
    expect(readCarrySettings(storing(JSON.stringify(settings)))).toEqual(settings);
  });

  it('falls back to the defaults for nothing stored, broken JSON or a refused value', () => {
    expect(readCarrySettings(null)).toEqual(DEFAULT_CARRY_SETTINGS);
    expect(readCarrySettings(storing(null))).toEqual(DEFAULT_CARRY_SETTINGS);
    expect(readCarrySettings(storing('{"notionalUsd":'))).toEqual(DEFAULT_CARRY_SETTINGS);
    expect(readCarrySettings(storing(JSON.stringify({ ...DEFAULT_CARRY_SETTINGS, notionalUsd: -10 })))).toEqual(DEFAULT_CARRY_SETTINGS);
    expect(readCarrySettings({ getItem: () => { throw new Error('SecurityError'); } })).toEqual(DEFAULT_CARRY_SETTINGS);
  });
});
