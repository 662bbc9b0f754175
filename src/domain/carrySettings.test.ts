import { describe, expect, it } from 'vitest';
import { DEFAULT_CARRY_SETTINGS, ENTRY_TIER_FEES, validateCarrySettings, type CarrySettingsInput } from './carrySettings';

function input(changes: Partial<CarrySettingsInput> = {}): CarrySettingsInput {
  return { ...DEFAULT_CARRY_SETTINGS, fees: { binance: { ...ENTRY_TIER_FEES.binance }, okx: { ...ENTRY_TIER_FEES.okx } }, ...changes };
}

describe('validateCarrySettings', () => {
  it('takes the defaults, and numbers typed as text', () => {
    expect(validateCarrySettings(input())).toEqual({ ok: true, settings: DEFAULT_CARRY_SETTINGS });
    const typed = validateCarrySettings(input({ notionalUsd: ' 25000 ', holdingHours: '72', leverage: '3' }));
    expect(typed.ok && typed.settings).toMatchObject({ notionalUsd: 25_000, holdingHours: 72, leverage: 3 });
  });

  it.each([['abc'], [''], [null], [undefined], [Number.NaN], [Number.POSITIVE_INFINITY], ['1e999']])('refuses a notional of %j as not a number', (notionalUsd) => {
    expect(validateCarrySettings(input({ notionalUsd }))).toEqual({ ok: false, problems: { notionalUsd: 'Notional must be a number.' } });
  });

  it('refuses a zero or negative notional, period or leverage, one message each, and applies nothing', () => {
    const check = validateCarrySettings(input({ notionalUsd: -5, holdingHours: 0, leverage: '-2' }));
    expect(check).toEqual({
      ok: false,
      problems: {
        notionalUsd: 'Notional must be more than 0 USD.',
        holdingHours: 'Holding period must be more than 0 hours.',
        leverage: 'Leverage must be more than 0×.',
      },
    });
  });

  it('takes a zero fee and a maker rebate down to −0.02 %, no further; no taker rebate; nothing above 1 %', () => {
    const fees = (binanceMaker: unknown, okxTaker: unknown) => ({ binance: { maker: binanceMaker, taker: 0.0005 }, okx: { maker: 0.0002, taker: okxTaker } });
    expect(validateCarrySettings(input({ fees: fees(-0.0002, 0) })).ok).toBe(true);
    expect(validateCarrySettings(input({ fees: fees(-0.00021, -0.0001) }))).toEqual({
      ok: false,
      problems: {
        'fees.binance.maker': 'Binance maker fee cannot be below −0.02 %, beyond any venue’s maker rebate.',
        'fees.okx.taker': 'OKX taker fee cannot be negative: no venue pays takers.',
      },
    });
    expect(validateCarrySettings(input({ fees: fees('x', 0.05) }))).toEqual({
      ok: false,
      problems: { 'fees.binance.maker': 'Binance maker fee must be a number.', 'fees.okx.taker': 'OKX taker fee cannot be above 1 % a fill.' },
    });
  });

  it('refuses fills other than maker or taker', () => {
    expect(validateCarrySettings(input({ fill: 'limit' }))).toEqual({ ok: false, problems: { fill: 'Fills must be maker or taker.' } });
  });
});
