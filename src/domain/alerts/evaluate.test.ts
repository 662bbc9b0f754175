import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LinkState } from '../connectionState';
import { evaluateRule, INITIAL_SUBJECT_STATE, type Observation } from './evaluate';
import type { AlertCondition, AlertRule, AlertSubject, FiredAlert } from './rule';

const MINUTE = 60_000;
const BTC: AlertSubject = { kind: 'contract', exchange: 'binance', symbol: 'BTCUSDT' };

function rule(condition: AlertCondition, overrides: Partial<AlertRule> = {}): AlertRule {
  return { id: 'r1', condition, paused: false, hysteresis: 0.05, cooldownMs: 0, createdAt: 0, ...overrides };
}

function levelRule(side: 'above' | 'below', level: number, overrides: Partial<AlertRule> = {}): AlertRule {
  return rule({ kind: 'funding-level', target: { scope: 'contract', contract: { exchange: 'binance', symbol: 'BTCUSDT' } }, basis: 'current', side, level }, overrides);
}

/** Feeds the observations in order, one a minute from minute 0 unless timed; returns every alert fired. */
function run(subjectRule: AlertRule, observations: readonly Observation[], subject: AlertSubject = BTC): FiredAlert[] {
  let state = INITIAL_SUBJECT_STATE;
  const fired: FiredAlert[] = [];
  for (const observation of observations) {
    const step = evaluateRule(subjectRule, subject, state, observation);
    state = step.state;
    if (step.fired) fired.push(step.fired);
  }
  return fired;
}

/** Values one a minute from minute 0. */
function minutely(values: readonly (number | null)[]): Observation[] {
  return values.map((value, minute) => ({ time: minute * MINUTE, value }));
}

const firedMinutes = (fired: readonly FiredAlert[]) => fired.map((alert) => alert.time / MINUTE);

describe('a level rule', () => {
  // Above 30 % with a 5 % band: re-arms below 28.5 %.
  it('fires once when the rate crosses over and stays', () => {
    const fired = run(levelRule('above', 0.3), minutely([0.2, 0.31, 0.32, 0.4, 0.35]));
    expect(firedMinutes(fired)).toEqual([1]);
    expect(fired[0]!.values).toEqual({ kind: 'level', value: 0.31, level: 0.3, side: 'above' });
    expect(fired[0]!.ruleId).toBe('r1');
    expect(fired[0]!.subject).toEqual(BTC);
    expect(fired[0]!.text).toBe('BTCUSDT (Binance) annualised funding 31% is above 30%');
  });

  it('does not fire again when the rate dips under the level but stays within the band', () => {
    // 0.29 and 0.2851 are under 30 % but not below 28.5 %: still disarmed.
    expect(firedMinutes(run(levelRule('above', 0.3), minutely([0.31, 0.29, 0.31, 0.2851, 0.33])))).toEqual([0]);
  });

  it('fires again once the rate has left the band and comes back over', () => {
    expect(firedMinutes(run(levelRule('above', 0.3), minutely([0.31, 0.28, 0.31])))).toEqual([0, 2]);
  });

  it('a firing the cooldown holds happens at the first observation after it, if still over', () => {
    const cooled = levelRule('above', 0.3, { cooldownMs: 15 * MINUTE });
    // Fires at 0, re-arms at 1, over again at 2..: held until minute 15.
    const values = [0.31, 0.2, ...Array.from({ length: 15 }, () => 0.31)];
    expect(firedMinutes(run(cooled, minutely(values)))).toEqual([0, 15]);
    // Over again within the cooldown but back under before it ends: nothing more.
    expect(firedMinutes(run(cooled, minutely([0.31, 0.2, 0.31, 0.2, ...Array.from({ length: 20 }, () => 0.2)])))).toEqual([0]);
  });

  it('a first observation already over the level fires: the rule starts armed', () => {
    expect(firedMinutes(run(levelRule('above', 0.3), minutely([0.5])))).toEqual([0]);
  });

  it('the level itself is not over it', () => {
    expect(run(levelRule('above', 0.3), minutely([0.3, 0.3]))).toEqual([]);
  });

  it('a negative level re-arms |level| × band below it, not at level × (1 − band)', () => {
    // Above −10 %: re-arms below −10.5 %. −9.5 % (level × 0.95) is on the true side: no re-arm there.
    const above = levelRule('above', -0.1);
    expect(firedMinutes(run(above, minutely([-0.09, -0.102, -0.09, -0.11, -0.09])))).toEqual([0, 4]);
  });

  it('a below rule fires under the level and re-arms |level| × band above it', () => {
    // Below 10 %: re-arms above 10.5 %.
    const below = levelRule('below', 0.1);
    expect(firedMinutes(run(below, minutely([0.12, 0.09, 0.104, 0.09, 0.106, 0.09])))).toEqual([1, 5]);
  });

  it('a below rule on a negative level re-arms above level + |level| × band', () => {
    // Below −20 %: re-arms above −19 %.
    const below = levelRule('below', -0.2);
    expect(firedMinutes(run(below, minutely([-0.21, -0.195, -0.21, -0.18, -0.21])))).toEqual([0, 4]);
  });

  it('a missing value neither fires nor re-arms', () => {
    expect(run(levelRule('above', 0.3), minutely([null, null]))).toEqual([]);
    expect(firedMinutes(run(levelRule('above', 0.3), minutely([0.31, null, 0.31])))).toEqual([0]);
  });

  it('a paused rule never fires', () => {
    expect(run(levelRule('above', 0.3, { paused: true }), minutely([0.31, 0.2, 0.31]))).toEqual([]);
  });

  it('a value anywhere within the band never fires twice', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }).filter((level) => Math.abs(level) > 1e-6),
        fc.constantFrom<'above' | 'below'>('above', 'below'),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (level, side, offsets) => {
          const band = Math.abs(level) * 0.05;
          const values = offsets.map((offset) => level + offset * band);
          expect(run(levelRule(side, level), minutely(values)).length).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('a sign-change rule', () => {
  const signRule = rule({ kind: 'sign-change', target: { scope: 'every' } });

  it('fires when the rate flips, not on first sight, and zero keeps the sign', () => {
    // + + 0 + (no flip) − (flip) 0 − (no flip) + (flip)
    const fired = run(signRule, minutely([0.0001, 0.0002, 0, 0.0001, -0.0001, 0, -0.0002, 0.0003]));
    expect(firedMinutes(fired)).toEqual([4, 7]);
    expect(fired[0]!.values).toEqual({ kind: 'sign-change', rate: -0.0001, previousRate: 0.0001 });
    expect(fired[0]!.text).toBe('BTCUSDT (Binance) funding turned negative: −0.01% (was +0.01%)');
  });

  it('from zero to a sign is a first sight, not a flip', () => {
    expect(run(signRule, minutely([0, 0, -0.0001, null, -0.0001]))).toEqual([]);
  });

  it('within the cooldown a flip waits; a flip and flip back tells nothing', () => {
    const cooled = rule({ kind: 'sign-change', target: { scope: 'every' } }, { cooldownMs: 10 * MINUTE });
    // Flip at 1 fires; back to + at 2 and − at 3 within the cooldown: as told, nothing to say.
    expect(firedMinutes(run(cooled, minutely([0.0001, -0.0001, 0.0001, -0.0001, ...Array.from({ length: 12 }, () => -0.0001)])))).toEqual([1]);
    // Flip at 1, back to + at 2 and staying: told once the cooldown has run out, at 11.
    expect(firedMinutes(run(cooled, minutely([0.0001, -0.0001, ...Array.from({ length: 12 }, () => 0.0001)])))).toEqual([1, 11]);
  });
});

describe('a settlement countdown', () => {
  const countdown = rule({ kind: 'settlement', target: { scope: 'contract', contract: { exchange: 'binance', symbol: 'BTCUSDT' } }, minutes: 10 });
  const settlement = 60 * MINUTE;

  it('fires once per settlement, N minutes before it', () => {
    const next = 2 * settlement;
    const observations: Observation[] = [
      { time: 45 * MINUTE, value: settlement },
      { time: 50 * MINUTE, value: settlement },
      { time: 55 * MINUTE, value: settlement },
      { time: 59 * MINUTE, value: settlement },
      { time: 61 * MINUTE, value: next },
      { time: 110 * MINUTE + 1, value: next },
      { time: 111 * MINUTE, value: next },
    ];
    const fired = run(countdown, observations);
    expect(fired.map((alert) => alert.time)).toEqual([50 * MINUTE, 110 * MINUTE + 1]);
    expect(fired[0]!.values).toEqual({ kind: 'settlement', settlementTime: settlement, msLeft: 10 * MINUTE });
    expect(fired[0]!.text).toBe('BTCUSDT (Binance) settles in 10 minutes');
  });

  it('a settlement already past is not announced', () => {
    expect(run(countdown, [{ time: 61 * MINUTE, value: settlement }, { time: settlement, value: settlement }])).toEqual([]);
  });
});

describe('an interval-change rule', () => {
  const intervalRule = rule({ kind: 'interval-change', target: { scope: 'every' } });

  it('fires when the interval differs from the last one seen, never on first sight', () => {
    const fired = run(intervalRule, minutely([8, 8, null, 4, 4, 8]));
    expect(firedMinutes(fired)).toEqual([3, 5]);
    expect(fired[0]!.values).toEqual({ kind: 'interval-change', intervalHours: 4, previousHours: 8 });
    expect(fired[0]!.text).toBe('BTCUSDT (Binance) funding interval changed from 8 h to 4 h');
  });
});

describe('a link-down rule', () => {
  const binance: AlertSubject = { kind: 'exchange', exchange: 'binance' };
  const downRule = rule({ kind: 'link-down', exchange: 'binance', minutes: 5 });
  const links = (states: readonly LinkState[]): Observation[] => states.map((link, minute) => ({ time: minute * MINUTE, link }));

  it('fires once the venue has been down for N minutes without a break, and again only after it came up', () => {
    // Down from 1; at 6 five minutes: fires; still down at 7, 8; live at 9; down again from 10; fires at 15.
    const states: LinkState[] = ['live', 'reconnecting', 'down', 'down', 'down', 'reconnecting', 'down', 'down', 'down', 'live', 'stalled', 'reconnecting', 'down', 'down', 'down', 'down'];
    const fired = run(downRule, links(states), binance);
    expect(firedMinutes(fired)).toEqual([6, 15]);
    expect(fired[0]!.values).toEqual({ kind: 'link-down', state: 'down', downSince: MINUTE });
    expect(fired[0]!.text).toBe('Binance connection down for 5 minutes (down)');
  });

  it('a moment up restarts the count', () => {
    expect(run(downRule, links(['down', 'down', 'down', 'down', 'live', 'down', 'down', 'down', 'down']), binance)).toEqual([]);
  });

  it('ignores a numeric observation', () => {
    expect(run(downRule, minutely([1, 1, 1, 1, 1, 1, 1]), binance)).toEqual([]);
  });
});
