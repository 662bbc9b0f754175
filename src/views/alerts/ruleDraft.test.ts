import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../../domain/alerts/rule';
import { createdCondition, draftOfOrigin, draftOfRule, editedRule, type RuleOrigin } from './ruleDraft';

const btc: RuleOrigin = { scope: 'contract', contract: { exchange: 'binance', symbol: 'BTCUSDT' }, annualised: 0.123456 };
const target = { scope: 'contract', contract: { exchange: 'binance', symbol: 'BTCUSDT' } } as const;

const levelRule: AlertRule = {
  id: 'r1',
  condition: { kind: 'funding-level', target, basis: 'current', side: 'above', level: 0.3 },
  paused: false,
  hysteresis: 0.05,
  cooldownMs: 15 * 60_000,
  createdAt: 1,
};

describe('a bell’s rule draft', () => {
  it('starts the level at the figure on screen, in percent to two decimals', () => {
    expect(draftOfOrigin(btc)).toMatchObject({ kind: 'funding-level', side: 'above', level: '12.35', minutes: '15' });
    expect(draftOfOrigin({ ...btc, annualised: null }).level).toBe('');
  });

  it('stores a level typed in percent as a fraction', () => {
    const check = createdCondition(btc, { ...draftOfOrigin(btc), side: 'below', level: '-25', basis: 'next' });
    expect(check).toEqual({ ok: true, value: { kind: 'funding-level', target, basis: 'next', side: 'below', level: -0.25 } });
  });

  it('makes a settlement countdown on the row’s contract with its minutes', () => {
    expect(createdCondition(btc, { ...draftOfOrigin(btc), kind: 'settlement', minutes: '5', level: 'not read' })).toEqual({
      ok: true,
      value: { kind: 'settlement', target, minutes: 5 },
    });
  });

  it('makes a carry level on the pair and an ATM IV level on the chain', () => {
    const pair: RuleOrigin = { scope: 'pair', pair: { coin: 'ETH', margin: 'linear' }, netApr: 0.1 };
    expect(createdCondition(pair, draftOfOrigin(pair))).toEqual({ ok: true, value: { kind: 'carry-level', pair: { coin: 'ETH', margin: 'linear' }, side: 'above', level: 0.1 } });
    const chain: RuleOrigin = { scope: 'chain', chain: { exchange: 'okx', underlying: 'BTC-USD' }, atmIv: 0.55 };
    expect(createdCondition(chain, { ...draftOfOrigin(chain), level: '70' })).toEqual({
      ok: true,
      value: { kind: 'atm-iv', chain: { exchange: 'okx', underlying: 'BTC-USD' }, side: 'above', level: 0.7 },
    });
  });

  it('refuses a level that is not a number, a negative volatility and minutes of 0, naming the field', () => {
    expect(createdCondition(btc, { ...draftOfOrigin(btc), level: 'lots' })).toEqual({ ok: false, problems: { level: 'Level must be a number, in %.' } });
    const chain: RuleOrigin = { scope: 'chain', chain: { exchange: 'binance', underlying: 'BTCUSDT' }, atmIv: null };
    expect(createdCondition(chain, { ...draftOfOrigin(chain), level: '-1' }).ok).toBe(false);
    expect(createdCondition(btc, { ...draftOfOrigin(btc), kind: 'settlement', minutes: '0' })).toEqual({ ok: false, problems: { minutes: 'Minutes must be more than 0.' } });
  });
});

describe('the edit form’s draft', () => {
  it('shows a rule in percent and minutes, and reads it back unchanged', () => {
    const draft = draftOfRule(levelRule);
    expect(draft).toMatchObject({ side: 'above', level: '30', cooldownMinutes: '15', hysteresisPercent: '5' });
    expect(editedRule(levelRule, draft)).toEqual({ ok: true, value: levelRule });
  });

  it('changes the level, cooldown and hysteresis, keeping what the rule watches', () => {
    const check = editedRule(levelRule, { ...draftOfRule(levelRule), level: '45', cooldownMinutes: '60', hysteresisPercent: '10' });
    expect(check).toEqual({ ok: true, value: { ...levelRule, condition: { ...levelRule.condition, level: 0.45 }, cooldownMs: 3_600_000, hysteresis: 0.1 } });
  });

  it('refuses every bad field at once', () => {
    const check = editedRule(levelRule, { ...draftOfRule(levelRule), level: '', cooldownMinutes: '-1', hysteresisPercent: '100' });
    expect(check.ok).toBe(false);
    expect(!check.ok && Object.keys(check.problems).sort()).toEqual(['cooldownMinutes', 'hysteresisPercent', 'level']);
  });
});
