import { describe, expect, it } from 'vitest';
import type { RuleMemory } from '../domain/alerts/evaluateRules';
import type { AlertCondition, AlertRule, FiredAlert } from '../domain/alerts/rule';
import { applyStateChanges } from '../domain/alerts/ruleMemory';
import { initialLinkStatus, type LinkState } from '../domain/connectionState';
import type { OptionRow } from '../domain/option';
import type { PerpRow } from '../domain/perp';
import { AlertWatch, type VenueTick } from './alertWatch';
import { emptyRow, withDerived } from './perpRows';

const MINUTE = 60_000;
const DAY = 86_400_000;

function rule(id: string, condition: AlertCondition, overrides: Partial<AlertRule> = {}): AlertRule {
  return { id, condition, paused: false, hysteresis: 0.05, cooldownMs: 0, createdAt: 0, ...overrides };
}

/** BTCUSDT on Binance at an 8 h interval: a rate of 0.0003 a period is 32.85 % a year. */
function btc(fundingRate: number): PerpRow {
  const row = emptyRow({ exchange: 'binance', symbol: 'BTCUSDT', base: 'BTC', quoteAsset: 'USDT', coin: 'BTC', market: 'crypto', margin: 'linear' }, null);
  return withDerived({ ...row, intervalHours: 8, fundingRate });
}

/** A tick in which the worker holds only the rows that changed in it. */
function tick(time: number, extra: Partial<VenueTick> = {}): VenueTick {
  const changedPerps = extra.changedPerps ?? (() => []);
  return { time, perps: changedPerps, changedPerps, changedChain: () => null, links: [], ...extra };
}

const ids = (alerts: FiredAlert[]) => alerts.map((alert) => alert.ruleId);

const above30: AlertCondition = { kind: 'funding-level', target: { scope: 'contract', contract: { exchange: 'binance', symbol: 'BTCUSDT' } }, basis: 'current', side: 'above', level: 0.3 };

describe('the worker alert watch', () => {
  it('fires once when the level is crossed, re-arms only beyond the band, and holds a firing through the cooldown', () => {
    const watch = new AlertWatch();
    watch.setRules([rule('hot', above30, { cooldownMs: 10 * MINUTE })]);
    // Annualised: 0.0002 → 21.9 %, 0.0003 → 32.85 %, 0.00027 → 29.565 % (inside the band: 30 % − 1.5 points = 28.5 %).
    const rates = [0.0002, 0.0003, 0.00031, 0.00027, 0.0003, 0.0002, 0.0003, 0.00032];
    const times = [0, 1, 2, 3, 4, 5, 6, 11].map((minute) => minute * MINUTE);
    const fired = rates.map((rate, step) => ids(watch.observe(tick(times[step]!, { changedPerps: () => [btc(rate)] }))));
    // Re-armed at step 5, true again at step 6 but cooling down (fired at minute 1), fires at minute 11.
    expect(fired).toEqual([[], ['hot'], [], [], [], [], [], ['hot']]);
  });

  it('keeps a subject’s state through ticks in which its row did not change', () => {
    const watch = new AlertWatch();
    watch.setRules([rule('hot', above30)]);
    expect(ids(watch.observe(tick(0, { changedPerps: () => [btc(0.0003)] })))).toEqual(['hot']);
    expect(ids(watch.observe(tick(1)))).toEqual([]);
    // Still not re-armed: no firing at the same level again.
    expect(ids(watch.observe(tick(2, { changedPerps: () => [btc(0.0003)] })))).toEqual([]);
  });

  it('leaves carry rules to the page, and ticks on its own only for rules that time alone can fire', () => {
    const watch = new AlertWatch();
    watch.setRules([rule('carry', { kind: 'carry-level', pair: { coin: 'BTC', margin: 'linear' }, side: 'above', level: 0.1 })]);
    expect(watch.watchesTime).toBe(false);
    watch.setRules([rule('down', { kind: 'link-down', exchange: 'binance', minutes: 2 }, { paused: true })]);
    expect(watch.watchesTime).toBe(false);
    watch.setRules([rule('down', { kind: 'link-down', exchange: 'binance', minutes: 2 })]);
    expect(watch.watchesTime).toBe(true);
  });

  it('fires a link down from the newest status it was told, as time passes with no new status', () => {
    const watch = new AlertWatch();
    watch.setRules([rule('down', { kind: 'link-down', exchange: 'binance', minutes: 2 })]);
    const link = (state: LinkState) => ({ ...initialLinkStatus('binance'), state });
    expect(ids(watch.observe(tick(0, { links: [link('reconnecting')] })))).toEqual([]);
    expect(ids(watch.observe(tick(MINUTE)))).toEqual([]);
    const fired = watch.observe(tick(2 * MINUTE));
    expect(fired.map((alert) => alert.text)).toEqual(['Binance connection down for 2 minutes (reconnecting)']);
    expect(ids(watch.observe(tick(3 * MINUTE)))).toEqual([]);
  });

  it('reads a watched chain’s ATM IV only when the chain changed', () => {
    const option = (callPut: 'call' | 'put', markIv: number): OptionRow => ({
      exchange: 'binance', symbol: `BTC-3-100000-${callPut}`, underlying: 'BTCUSDT', base: 'BTC', expiry: 3 * DAY, strike: 100_000, callPut, priceCurrency: 'USDT',
      key: `binance:BTC-3-100000-${callPut}`, mark: null, bid: null, ask: null, bidSize: null, askSize: null, markIv, bidIv: null, askIv: null,
      delta: null, gamma: null, theta: null, vega: null, underlyingPrice: 100_000, highLimit: null, lowLimit: null, greeksTime: 1, markTime: 0, bookTime: 0, appliedAt: 0,
    });
    const watch = new AlertWatch();
    watch.setRules([rule('iv', { kind: 'atm-iv', chain: { exchange: 'binance', underlying: 'BTCUSDT' }, side: 'above', level: 0.6 })]);
    const asked: string[] = [];
    const chainOf = (rows: OptionRow[]) => (key: string) => {
      asked.push(key);
      return rows;
    };
    expect(ids(watch.observe(tick(DAY, { changedChain: chainOf([option('call', 0.5), option('put', 0.6)]) })))).toEqual([]);
    // (0.62 + 0.64) / 2 = 0.63, above 60 %.
    expect(ids(watch.observe(tick(DAY + 1, { changedChain: chainOf([option('call', 0.62), option('put', 0.64)]) })))).toEqual(['iv']);
    expect(asked).toEqual(['binance:BTCUSDT', 'binance:BTCUSDT']);
  });

  it('seeded from the states the page kept, does not fire again for a level still crossed after a reload', () => {
    const before = new AlertWatch();
    before.setRules([rule('hot', above30)]);
    expect(ids(before.observe(tick(0, { changedPerps: () => [btc(0.0003)] })))).toEqual(['hot']);
    const kept = new Map<string, RuleMemory>();
    applyStateChanges(kept, before.takeStateChanges(), [rule('hot', above30)]);
    expect(before.takeStateChanges()).toEqual([]);

    const reloaded = new AlertWatch();
    reloaded.setRules([rule('hot', above30)], kept);
    expect(ids(reloaded.observe(tick(MINUTE, { changedPerps: () => [btc(0.0003)] })))).toEqual([]);
    // Past the band it re-arms, and fires on the next crossing as before.
    reloaded.observe(tick(2 * MINUTE, { changedPerps: () => [btc(0.0002)] }));
    expect(ids(reloaded.observe(tick(3 * MINUTE, { changedPerps: () => [btc(0.0003)] })))).toEqual(['hot']);
    // Without the kept states, the same first tick would have fired again.
    const forgetful = new AlertWatch();
    forgetful.setRules([rule('hot', above30)]);
    expect(ids(forgetful.observe(tick(MINUTE, { changedPerps: () => [btc(0.0003)] })))).toEqual(['hot']);
  });

  it('a rule paused and resumed starts armed, whatever was kept for it', () => {
    const watch = new AlertWatch();
    watch.setRules([rule('hot', above30)]);
    watch.observe(tick(0, { changedPerps: () => [btc(0.0003)] }));
    watch.setRules([rule('hot', above30, { paused: true })]);
    watch.setRules([rule('hot', above30)]);
    expect(ids(watch.observe(tick(MINUTE, { changedPerps: () => [btc(0.0003)] })))).toEqual(['hot']);
  });

  it('asks a new rule of every row at once, not only of the rows that change next', () => {
    const watch = new AlertWatch();
    const held = () => [btc(0.0003)];
    watch.setRules([rule('hot', above30)]);
    expect(ids(watch.observe({ ...tick(0), perps: held }))).toEqual(['hot']);
    watch.setRules([rule('hot', above30), rule('hotter', { ...above30, level: 0.32 })]);
    expect(ids(watch.observe({ ...tick(1), perps: held }))).toEqual(['hotter']);
  });

  it('counts a settlement down with time alone, asking once a second', () => {
    const settlesAt = 10 * MINUTE;
    const row = { ...btc(0.0001), nextFundingTime: settlesAt };
    const watch = new AlertWatch();
    watch.setRules([rule('soon', { kind: 'settlement', target: { scope: 'contract', contract: { exchange: 'binance', symbol: 'BTCUSDT' } }, minutes: 5 })]);
    expect(watch.watchesTime).toBe(true);
    const at = (time: number) => ids(watch.observe({ ...tick(time), perps: () => [row] }));
    expect(at(0)).toEqual([]);
    // Five minutes out, the row unchanged: due, but asked only a second after the last check.
    expect(at(5 * MINUTE - 500)).toEqual([]);
    expect(at(5 * MINUTE + 200)).toEqual([]);
    expect(at(5 * MINUTE + 600)).toEqual(['soon']);
    expect(at(6 * MINUTE)).toEqual([]);
  });
});
