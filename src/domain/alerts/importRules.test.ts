import { describe, expect, it } from 'vitest';
import { exportRules, importRules } from './importRules';
import type { AlertRule } from './rule';

const NOW = 1_760_000_000_000;

const RULES: AlertRule[] = [
  {
    id: 'btc-hot',
    condition: { kind: 'funding-level', target: { scope: 'contract', contract: { exchange: 'binance', symbol: 'BTCUSDT' } }, basis: 'current', side: 'above', level: 0.3 },
    paused: false,
    hysteresis: 0.05,
    cooldownMs: 900_000,
    createdAt: 1,
  },
  { id: 'carry', condition: { kind: 'carry-level', pair: { coin: 'ETH', margin: 'linear' }, side: 'above', level: 0.2 }, paused: true, hysteresis: 0.1, cooldownMs: 0, createdAt: 2 },
  { id: 'flip', condition: { kind: 'sign-change', target: { scope: 'every' } }, paused: false, hysteresis: 0.05, cooldownMs: 900_000, createdAt: 3 },
  {
    id: 'settle',
    condition: { kind: 'settlement', target: { scope: 'watchlist', contracts: [{ exchange: 'okx', symbol: 'BTC-USDT-SWAP' }, { exchange: 'binance', symbol: 'ETHUSDT' }] }, minutes: 10 },
    paused: false,
    hysteresis: 0.05,
    cooldownMs: 900_000,
    createdAt: 4,
  },
  { id: 'interval', condition: { kind: 'interval-change', target: { scope: 'every' } }, paused: false, hysteresis: 0.05, cooldownMs: 900_000, createdAt: 5 },
  { id: 'iv', condition: { kind: 'atm-iv', chain: { exchange: 'okx', underlying: 'BTC-USD' }, side: 'below', level: 0.4 }, paused: false, hysteresis: 0.05, cooldownMs: 900_000, createdAt: 6 },
  { id: 'down', condition: { kind: 'link-down', exchange: 'okx', minutes: 5 }, paused: false, hysteresis: 0.05, cooldownMs: 900_000, createdAt: 7 },
];

/** An export of the rules with one rule replaced by `rule`. */
function fileWith(index: number, rule: unknown): string {
  const file = JSON.parse(exportRules(RULES)) as { rules: unknown[] };
  file.rules[index] = rule;
  return JSON.stringify(file);
}

function withCondition(index: number, change: Record<string, unknown>): string {
  const rule = structuredClone(RULES[index]!) as unknown as { condition: Record<string, unknown> };
  return fileWith(index, { ...rule, condition: { ...rule.condition, ...change } });
}

function refusal(text: string): string {
  const result = importRules(text, NOW);
  if (result.ok) throw new Error('expected the import to be refused');
  return result.message;
}

describe('importRules', () => {
  it('reads back every kind of rule exportRules wrote', () => {
    expect(importRules(exportRules(RULES), NOW)).toEqual({ ok: true, rules: RULES });
  });

  it('fills in what a hand-written rule leaves out: not paused, 5 % band, 15 minutes, made now', () => {
    const text = JSON.stringify({ format: 'funding-desk-alert-rules', version: 1, rules: [{ id: 'x', condition: { kind: 'link-down', exchange: 'binance', minutes: 2 } }] });
    expect(importRules(text, NOW)).toEqual({
      ok: true,
      rules: [{ id: 'x', condition: { kind: 'link-down', exchange: 'binance', minutes: 2 }, paused: false, hysteresis: 0.05, cooldownMs: 900_000, createdAt: NOW }],
    });
  });

  it('keeps only the fields a rule has', () => {
    const result = importRules(fileWith(6, { ...RULES[6], colour: 'red', condition: { ...RULES[6]!.condition, extra: 1 } }), NOW);
    expect(result).toEqual({ ok: true, rules: RULES });
  });

  it('refuses a file that is not JSON, not rules, or another version', () => {
    expect(refusal('{"rules": [')).toBe('The file is not JSON.');
    expect(refusal('[]')).toBe('The file is not a set of alert rules exported from Funding Desk.');
    expect(refusal(JSON.stringify({ format: 'something-else', version: 1, rules: [] }))).toBe('The file is not a set of alert rules exported from Funding Desk.');
    expect(refusal(JSON.stringify({ format: 'funding-desk-alert-rules', version: 2, rules: [] }))).toBe('The file is alert rules version 2; this page reads version 1.');
    expect(refusal(JSON.stringify({ format: 'funding-desk-alert-rules', rules: [] }))).toBe('The file is alert rules version (none); this page reads version 1.');
    expect(refusal(JSON.stringify({ format: 'funding-desk-alert-rules', version: 1, rules: {} }))).toBe('The file holds no list of rules.');
  });

  describe('refuses the whole file for one bad rule, naming it by place and id', () => {
    const cases: [string, string][] = [
      [withCondition(0, { kind: 'funding-abvoe' }), 'Rule 1 (id "btc-hot"): unknown kind "funding-abvoe"; known: funding-level, carry-level, sign-change, settlement, interval-change, atm-iv, link-down.'],
      [withCondition(0, { level: undefined }), 'Rule 1 (id "btc-hot"): level must be a number.'],
      [withCondition(0, { level: 'NaN' }), 'Rule 1 (id "btc-hot"): level must be a number.'],
      [withCondition(0, { side: 'over' }), 'Rule 1 (id "btc-hot"): side must be "above" or "below", not "over".'],
      [withCondition(0, { basis: undefined }), 'Rule 1 (id "btc-hot"): basis must be "current" or "next", not missing.'],
      [withCondition(0, { target: { scope: 'contract', contract: { exchange: 'bybit', symbol: 'BTCUSDT' } } }), 'Rule 1 (id "btc-hot"): exchange must be "binance" or "okx", not "bybit".'],
      [withCondition(0, { target: { scope: 'contract', contract: { exchange: 'okx', symbol: '' } } }), 'Rule 1 (id "btc-hot"): symbol must be a non-empty text.'],
      [withCondition(0, { target: { scope: 'watchlist', contracts: [] } }), 'Rule 1 (id "btc-hot"): a watchlist must list at least one contract.'],
      [withCondition(0, { target: { scope: 'watchlist', contracts: [{ exchange: 'okx', symbol: 'A' }, 'B'] } }), 'Rule 1 (id "btc-hot"): contract 2 of the watchlist must be an object.'],
      [withCondition(1, { pair: { coin: 'ETH', margin: 'cross' } }), 'Rule 2 (id "carry"): margin must be "linear" or "inverse", not "cross".'],
      [withCondition(3, { minutes: -5 }), 'Rule 4 (id "settle"): minutes must be more than 0, not -5.'],
      [withCondition(3, { minutes: 0 }), 'Rule 4 (id "settle"): minutes must be more than 0, not 0.'],
      [withCondition(3, { target: { scope: 'every' } }), 'Rule 4 (id "settle"): a settlement countdown watches named contracts, not every contract.'],
      [withCondition(5, { level: -0.1 }), 'Rule 6 (id "iv"): level must not be negative: an implied volatility never is (-0.1).'],
      [withCondition(6, { exchange: 'kraken' }), 'Rule 7 (id "down"): exchange must be "binance" or "okx", not "kraken".'],
      [fileWith(2, { ...RULES[2], hysteresis: 5 }), 'Rule 3 (id "flip"): hysteresis must be a fraction from 0 to below 1 (0.05 is 5 %), not 5.'],
      [fileWith(2, { ...RULES[2], cooldownMs: -1 }), 'Rule 3 (id "flip"): cooldownMs must not be negative, not -1.'],
      [fileWith(2, { ...RULES[2], paused: 'no' }), 'Rule 3 (id "flip"): paused must be true or false.'],
      [fileWith(4, { ...RULES[4], id: 'flip' }), 'Rule 5 (id "flip"): the same id as rule 3.'],
      [fileWith(4, { ...RULES[4], id: '' }), 'Rule 5 (interval-change): id must be a non-empty text.'],
      [fileWith(4, { condition: 'every' }), 'Rule 5: condition must be an object.'],
      [fileWith(4, 7), 'Rule 5: a rule must be an object.'],
    ];
    it.each(cases.map(([text, message]) => ({ text, message })))('$message', ({ text, message }) => {
      expect(refusal(text)).toBe(message);
    });
  });
});
