import { describe, expect, it } from 'vitest';
import { DEFAULT_CARRY_SETTINGS, validateCarrySettings } from '../../domain/carrySettings';
import { draftOf, inputOf } from './settingsDraft';

describe('the settings form’s draft', () => {
  it('shows the defaults in days and percent, and reads them back exactly', () => {
    const draft = draftOf(DEFAULT_CARRY_SETTINGS);
    expect(draft).toMatchObject({ notionalUsd: '10000', holdingDays: '7', leverage: '1', fees: { binance: { maker: '0.02', taker: '0.05' } } });
    expect(validateCarrySettings(inputOf(draft))).toEqual({ ok: true, settings: DEFAULT_CARRY_SETTINGS });
  });

  it('hands text that is not a number to the check as typed, which refuses it', () => {
    const draft = { ...draftOf(DEFAULT_CARRY_SETTINGS), notionalUsd: 'ten grand', holdingDays: '' };
    const check = validateCarrySettings(inputOf(draft));
    expect(check.ok).toBe(false);
    expect(!check.ok && Object.keys(check.problems).sort()).toEqual(['holdingHours', 'notionalUsd']);
  });

  it('turns 0.04 % into 0.0004 and 3 days into 72 hours', () => {
    const draft = { ...draftOf(DEFAULT_CARRY_SETTINGS), holdingDays: '3', fees: { binance: { maker: '0', taker: '0.04' }, okx: { maker: '0.02', taker: '0.05' } } };
    const check = validateCarrySettings(inputOf(draft));
    expect(check.ok && check.settings.holdingHours).toBe(72);
    expect(check.ok && check.settings.fees.binance.taker).toBeCloseTo(0.0004, 12);
  });
});
