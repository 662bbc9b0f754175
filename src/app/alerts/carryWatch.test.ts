import { describe, expect, it } from 'vitest';
import type { RuleMemory } from '../../domain/alerts/evaluateRules';
import type { AlertCondition, AlertRule } from '../../domain/alerts/rule';
import { applyStateChanges } from '../../domain/alerts/ruleMemory';
import { DEFAULT_CARRY_SETTINGS } from '../../domain/carrySettings';
import type { ExchangeId } from '../../domain/exchange';
import type { PerpRow } from '../../domain/perp';
import { emptyRow, withDerived } from '../../ingest/perpRows';
import { CARRY_CHECK_MS, CarryWatch } from './carryWatch';

function perp(exchange: ExchangeId, symbol: string, fundingRate: number): PerpRow {
  const row = emptyRow({ exchange, symbol, base: 'BTC', quoteAsset: 'USDT', coin: 'BTC', market: 'crypto', margin: 'linear' }, null);
  return withDerived({ ...row, intervalHours: 8, bid: 99.99, ask: 100.01, mark: 100, fundingRate });
}

function rule(id: string, condition: AlertCondition): AlertRule {
  return { id, condition, paused: false, hysteresis: 0.05, cooldownMs: 0, createdAt: 0 };
}

const carry = rule('carry', { kind: 'carry-level', pair: { coin: 'BTC', margin: 'linear' }, side: 'above', level: 0.3 });
const funding = rule('hot', { kind: 'funding-level', target: { scope: 'every' }, basis: 'current', side: 'above', level: 0.01 });

describe('the carry watch on the page', () => {
  it('evaluates only the carry rules, over both venues’ rows, at most once a second', () => {
    // The pair of evaluateRules.test.ts: a net carry of 31.29 % a year at the default settings.
    const rows = [perp('binance', 'BTCUSDT', 0.0001), perp('okx', 'BTC-USDT-SWAP', 0.0005)];
    const watch = new CarryWatch();
    let reads = 0;
    const market = () => {
      reads += 1;
      return { perps: rows, settings: DEFAULT_CARRY_SETTINGS };
    };
    const fired = watch.check(0, [funding, carry], market);
    expect(fired.map((alert) => alert.text)).toEqual(['BTC linear pair net carry 31.29% is above 30%']);
    expect(watch.check(CARRY_CHECK_MS - 1, [funding, carry], market)).toEqual([]);
    expect(reads).toBe(1);
    // Checked again a second later: still true, not re-armed, so nothing new.
    expect(watch.check(CARRY_CHECK_MS, [funding, carry], market)).toEqual([]);
    expect(reads).toBe(2);
  });

  it('reads no rows while there is no carry rule', () => {
    const watch = new CarryWatch();
    const fired = watch.check(0, [funding], () => {
      throw new Error('read the rows');
    });
    expect(fired).toEqual([]);
  });

  it('restored from the states the page kept, does not fire again for a carry still over its level', () => {
    const rows = [perp('binance', 'BTCUSDT', 0.0001), perp('okx', 'BTC-USDT-SWAP', 0.0005)];
    const market = () => ({ perps: rows, settings: DEFAULT_CARRY_SETTINGS });
    const before = new CarryWatch();
    expect(before.check(0, [carry], market)).toHaveLength(1);
    const kept = new Map<string, RuleMemory>();
    applyStateChanges(kept, before.takeStateChanges(), [carry]);

    const reloaded = new CarryWatch();
    reloaded.setRules([carry], kept);
    expect(reloaded.check(CARRY_CHECK_MS, [carry], market)).toEqual([]);
    expect(new CarryWatch().check(CARRY_CHECK_MS, [carry], market)).toHaveLength(1);
  });
});
