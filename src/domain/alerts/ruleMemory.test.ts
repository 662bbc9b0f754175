import { describe, expect, it } from 'vitest';
import { INITIAL_SUBJECT_STATE, type SubjectState } from './evaluate';
import { ruleFingerprint, type RuleMemory, type RuleStateChange } from './evaluateRules';
import type { AlertCondition, AlertRule } from './rule';
import { applyStateChanges, pruneStates, holdRules } from './ruleMemory';

function rule(id: string, condition: AlertCondition, overrides: Partial<AlertRule> = {}): AlertRule {
  return { id, condition, paused: false, hysteresis: 0.05, cooldownMs: 0, createdAt: 0, ...overrides };
}

const hot = rule('hot', { kind: 'funding-level', target: { scope: 'every' }, basis: 'current', side: 'above', level: 0.3 });
const down = rule('down', { kind: 'link-down', exchange: 'okx', minutes: 5 });
const fired: SubjectState = { ...INITIAL_SUBJECT_STATE, armed: false, lastFiredAt: 10 };

function change(of: AlertRule, subjects: [string, SubjectState][], fingerprint = ruleFingerprint(of)): RuleStateChange {
  return { ruleId: of.id, fingerprint, subjects };
}

const keys = (memory: RuleMemory | undefined) => [...(memory?.subjects.keys() ?? [])];

describe('kept rule states', () => {
  it("merges each worker's subjects into one memory per rule", () => {
    const states = new Map<string, RuleMemory>();
    applyStateChanges(states, [change(hot, [['contract:binance:BTCUSDT', fired]])], [hot]);
    const moved = applyStateChanges(states, [change(hot, [['contract:okx:BTC-USDT-SWAP', fired]])], [hot]);
    expect(keys(states.get('hot'))).toEqual(['contract:binance:BTCUSDT', 'contract:okx:BTC-USDT-SWAP']);
    expect(moved.map((kept) => kept.ruleId)).toEqual(['hot']);
  });

  it('ignores a change for a rule removed, paused, edited since, or watching a link', () => {
    const states = new Map<string, RuleMemory>();
    const edited = { ...hot, condition: { ...hot.condition, level: 0.4 } as AlertCondition };
    const changes = [change(hot, [['contract:binance:BTCUSDT', fired]]), change(down, [['exchange:okx', fired]])];
    expect(applyStateChanges(states, changes, [])).toEqual([]);
    expect(applyStateChanges(states, changes, [{ ...hot, paused: true }, down])).toEqual([]);
    expect(applyStateChanges(states, changes, [edited])).toEqual([]);
    expect(states.size).toBe(0);
  });

  it('a change under a new fingerprint starts the memory afresh, and pruning drops what no rule can use', () => {
    const states = new Map<string, RuleMemory>();
    applyStateChanges(states, [change(hot, [['contract:binance:BTCUSDT', fired]])], [hot]);
    const edited = { ...hot, hysteresis: 0.2 };
    applyStateChanges(states, [change(edited, [['contract:binance:ETHUSDT', fired]])], [edited]);
    expect(keys(states.get('hot'))).toEqual(['contract:binance:ETHUSDT']);
    expect(pruneStates(states, [edited])).toEqual([]);
    expect(pruneStates(states, [{ ...edited, hysteresis: 0.1 }])).toEqual(['hot']);
    expect(states.size).toBe(0);
  });

  it('holds only the active rules listed, and what a thread holds live wins over what was kept', () => {
    const live: RuleMemory = { fingerprint: 'live', subjects: new Map() };
    const kept: RuleMemory = { fingerprint: 'kept', subjects: new Map([['contract:binance:BTCUSDT', fired]]) };
    const held = new Map([['hot', live], ['gone', live]]);
    const other = { ...hot, id: 'other' };
    holdRules(held, [hot, other, { ...down, paused: true }], new Map([['hot', kept], ['other', kept], ['down', kept], ['unlisted', kept]]));
    expect([...held.keys()]).toEqual(['hot', 'other']);
    expect(held.get('hot')).toBe(live);
    // A copy: the thread updates its states in place, never the kept ones.
    expect(held.get('other')).toEqual(kept);
    expect(held.get('other')!.subjects).not.toBe(kept.subjects);
  });
});
