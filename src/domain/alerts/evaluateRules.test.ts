import { describe, expect, it } from 'vitest';
import { emptyRow, withDerived } from '../../ingest/perpRows';
import { DEFAULT_CARRY_SETTINGS } from '../carrySettings';
import { initialLinkStatus, type LinkState } from '../connectionState';
import type { ExchangeId } from '../exchange';
import type { PerpRow } from '../perp';
import { evaluateRules, type MarketSnapshot, type RuleStates } from './evaluateRules';
import type { AlertCondition, AlertRule, FiredAlert } from './rule';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function perp(exchange: ExchangeId, symbol: string, coin: string, values: Partial<PerpRow>): PerpRow {
  const row = emptyRow({ exchange, symbol, base: coin, quoteAsset: 'USDT', coin, market: 'crypto', margin: 'linear' }, null);
  return withDerived({ ...row, intervalHours: 8, ...values });
}

function rule(id: string, condition: AlertCondition, overrides: Partial<AlertRule> = {}): AlertRule {
  return { id, condition, paused: false, hysteresis: 0.05, cooldownMs: 0, createdAt: 0, ...overrides };
}

function snapshot(time: number, perps: PerpRow[], extra: Partial<MarketSnapshot> = {}): MarketSnapshot {
  return { time, perps, carrySettings: null, atmIvs: new Map(), links: [], ...extra };
}

/** Runs the snapshots in order, the states carried from one to the next; the alerts fired in each. */
function run(rules: readonly AlertRule[] | ((step: number) => readonly AlertRule[]), snapshots: readonly MarketSnapshot[]): FiredAlert[][] {
  const states: RuleStates = new Map();
  return snapshots.map((market, step) => evaluateRules(typeof rules === 'function' ? rules(step) : rules, states, market).fired);
}

const subjects = (fired: FiredAlert[][]) => fired.map((alerts) => alerts.map((alert) => (alert.subject.kind === 'contract' ? alert.subject.symbol : alert.subject.kind)));

const above30 = rule('hot', { kind: 'funding-level', target: { scope: 'every' }, basis: 'current', side: 'above', level: 0.3 });

describe('evaluateRules', () => {
  it('an every-contract rule fires per contract; a contract the snapshot does not hold keeps its state', () => {
    // 0.0003 every 8 h = 32.85 %; 0.0002 = 21.9 %.
    const btcHot = perp('binance', 'BTCUSDT', 'BTC', { fundingRate: 0.0003 });
    const ethCool = perp('binance', 'ETHUSDT', 'ETH', { fundingRate: 0.0002 });
    const ethHot = perp('binance', 'ETHUSDT', 'ETH', { fundingRate: 0.0003 });
    const fired = run([above30], [snapshot(0, [btcHot, ethCool]), snapshot(MINUTE, [ethCool]), snapshot(2 * MINUTE, [btcHot, ethHot])]);
    expect(subjects(fired)).toEqual([['BTCUSDT'], [], ['ETHUSDT']]);
    expect(fired[0]![0]!.values).toEqual({ kind: 'level', value: 0.0003 * 3 * 365, level: 0.3, side: 'above' });
  });

  it('watches only the named contracts of a watchlist', () => {
    const watch = rule('w', { kind: 'funding-level', target: { scope: 'watchlist', contracts: [{ exchange: 'okx', symbol: 'ETH-USDT-SWAP' }] }, basis: 'current', side: 'above', level: 0.3 });
    const rows = [perp('binance', 'BTCUSDT', 'BTC', { fundingRate: 0.0003 }), perp('okx', 'ETH-USDT-SWAP', 'ETH', { fundingRate: 0.0004 })];
    expect(subjects(run([watch], [snapshot(0, rows)]))).toEqual([['ETH-USDT-SWAP']]);
  });

  it('the next-interval basis annualises the next rate over the interval', () => {
    // Current 0.0001 every 4 h = 21.9 %; next 0.0002 every 4 h = 43.8 %.
    const next = rule('n', { kind: 'funding-level', target: { scope: 'every' }, basis: 'next', side: 'above', level: 0.4 });
    const fired = run([next, { ...above30, id: 'c' }], [snapshot(0, [perp('okx', 'BTC-USDT-SWAP', 'BTC', { fundingRate: 0.0001, nextFundingRate: 0.0002, intervalHours: 4 })])]);
    expect(fired[0]!.map((alert) => [alert.ruleId, alert.values])).toEqual([['n', { kind: 'level', value: 0.0002 * 6 * 365, level: 0.4, side: 'above' }]]);
  });

  it('an assumed interval replaced by the real one is no interval change', () => {
    const intervalRule = rule('i', { kind: 'interval-change', target: { scope: 'every' } });
    const at = (values: Partial<PerpRow>) => [perp('binance', 'XUSDT', 'X', values)];
    const fired = run([intervalRule], [snapshot(0, at({ intervalHours: 8, intervalAssumed: true })), snapshot(1, at({ intervalHours: 4 })), snapshot(2, at({ intervalHours: 8 }))]);
    expect(fired.map((alerts) => alerts.map((alert) => alert.values))).toEqual([[], [], [{ kind: 'interval-change', intervalHours: 8, previousHours: 4 }]]);
  });

  it('a settlement time the feed has not moved on yet rolls on by the interval', () => {
    const countdown = rule('s', { kind: 'settlement', target: { scope: 'contract', contract: { exchange: 'binance', symbol: 'BTCUSDT' } }, minutes: 10 });
    // The feed still says 08:00 at 15:52: the next settlement is 16:00, eight minutes ahead.
    const fired = run([countdown], [snapshot(15 * HOUR + 52 * MINUTE, [perp('binance', 'BTCUSDT', 'BTC', { nextFundingTime: 8 * HOUR })])]);
    expect(fired[0]!.map((alert) => alert.values)).toEqual([{ kind: 'settlement', settlementTime: 16 * HOUR, msLeft: 8 * MINUTE }]);
  });

  it("a pair's net carry at the desk's settings, once the settings are known", () => {
    // Hourly: Binance 0.0001 / 8 = 0.0000125, OKX 0.0005 / 8 = 0.0000625; long Binance, short OKX.
    // 10,000 USD for 168 h: gross 0.00005 × 168 × 10,000 = 84; taker fees 4 × 5 = 20; half spreads
    // 4 × 0.0001 × 10,000 = 4; net 60, over a year 60 / 10,000 × 8,760 / 168 = 0.312857…
    const legs = { bid: 99.99, ask: 100.01, mark: 100 };
    const rows = [perp('binance', 'BTCUSDT', 'BTC', { ...legs, fundingRate: 0.0001 }), perp('okx', 'BTC-USDT-SWAP', 'BTC', { ...legs, fundingRate: 0.0005 })];
    const carry = rule('carry', { kind: 'carry-level', pair: { coin: 'BTC', margin: 'linear' }, side: 'above', level: 0.3 });
    const fired = run([carry], [snapshot(0, rows), snapshot(1, rows, { carrySettings: DEFAULT_CARRY_SETTINGS })]);
    expect(fired[0]).toEqual([]);
    const alert = fired[1]![0]!;
    expect(alert.subject).toEqual({ kind: 'pair', coin: 'BTC', margin: 'linear' });
    expect(alert.values.kind === 'level' && alert.values.value).toBeCloseTo((60 / 10_000) * (8760 / 168), 10);
    expect(alert.text).toBe('BTC linear pair net carry 31.29% is above 30%');
  });

  it('an ATM IV rule reads its chain, and waits where the chain is not held', () => {
    const iv = rule('iv', { kind: 'atm-iv', chain: { exchange: 'okx', underlying: 'BTC-USD' }, side: 'below', level: 0.4 });
    const fired = run([iv], [snapshot(0, [], { atmIvs: new Map([['binance:BTCUSDT', 0.3]]) }), snapshot(1, [], { atmIvs: new Map([['okx:BTC-USD', 0.35]]) })]);
    expect(subjects(fired)).toEqual([[], ['chain']]);
    expect(fired[1]![0]!.text).toBe('BTC-USD options (OKX) ATM IV (nearest expiry) 35% is below 40%');
  });

  it("a link-down rule reads its exchange's link status", () => {
    const down = rule('d', { kind: 'link-down', exchange: 'okx', minutes: 5 });
    const links = (state: LinkState) => [initialLinkStatus('binance'), { ...initialLinkStatus('okx'), state }];
    const fired = run([down], [snapshot(0, [], { links: links('reconnecting') }), snapshot(4 * MINUTE, [], { links: links('down') }), snapshot(5 * MINUTE, [], { links: links('down') })]);
    expect(subjects(fired)).toEqual([[], [], ['exchange']]);
  });

  it('keeps no state for a paused or deleted rule, and starts an edited one afresh', () => {
    const hot = [perp('binance', 'BTCUSDT', 'BTC', { fundingRate: 0.0003 })];
    const market = (step: number) => snapshot(step * MINUTE, hot);
    // Still over the level throughout: each restart fires again, an unedited rule only once.
    const steps: AlertRule[][] = [
      [above30],
      [above30],
      [{ ...above30, paused: true }],
      [above30],
      [],
      [above30],
      [{ ...above30, cooldownMs: HOUR }],
      [{ ...above30, condition: { ...above30.condition, level: 0.31 } as AlertCondition }],
    ];
    const fired = run((step) => steps[step]!, steps.map((_, step) => market(step)));
    expect(fired.map((alerts) => alerts.length)).toEqual([1, 0, 0, 1, 0, 1, 0, 1]);
  });

  it('lists the subjects that fired or re-armed, and not a value first seen', () => {
    const states: RuleStates = new Map();
    const flips = rule('flip', { kind: 'sign-change', target: { scope: 'every' } });
    const rows = (btc: number, eth: number) => [perp('binance', 'BTCUSDT', 'BTC', { fundingRate: btc }), perp('binance', 'ETHUSDT', 'ETH', { fundingRate: eth })];
    const first = evaluateRules([above30, flips], states, snapshot(0, rows(0.0003, 0.0001)));
    // BTC fired (disarmed); ETH under the level is as a fresh subject; the signs are only first seen.
    expect(first.changed).toEqual([{ ruleId: 'hot', fingerprint: expect.any(String), subjects: [['contract:binance:BTCUSDT', expect.objectContaining({ armed: false, lastFiredAt: 0 })]] }]);
    expect(evaluateRules([above30, flips], states, snapshot(1, rows(0.00031, 0.0001))).changed).toEqual([]);
    // BTC back under the band re-arms; ETH's sign flips and fires.
    const third = evaluateRules([above30, flips], states, snapshot(2, rows(0.0001, -0.0001)));
    expect(third.changed.map((change) => [change.ruleId, change.subjects.map(([key]) => key)])).toEqual([
      ['hot', ['contract:binance:BTCUSDT']],
      ['flip', ['contract:binance:ETHUSDT']],
    ]);
  });
});
