import type { LinkState } from '../connectionState';
import { firedText } from './alertText';
import { subjectKey, type AlertRule, type AlertSubject, type FiredAlert, type FiredValues, type LevelSide } from './rule';

const MINUTE_MS = 60_000;

/** Where one rule stands on one subject. Plain data: it can be posted between threads. */
export interface SubjectState {
  /** False from a firing until the condition has re-armed (level: beyond the band; link: up again). */
  armed: boolean;
  lastFiredAt: number | null;
  /** Sign change: the non-zero rate whose sign was last told (or first seen). */
  reportedRate: number | null;
  /** Interval change: the interval last told (or first seen). */
  reportedHours: number | null;
  /** Settlement countdown: the settlement already told. */
  alertedSettlement: number | null;
  /** Link down: when the venue was first seen down in the current run of down states. */
  downSince: number | null;
}

export const INITIAL_SUBJECT_STATE: Readonly<SubjectState> = {
  armed: true,
  lastFiredAt: null,
  reportedRate: null,
  reportedHours: null,
  alertedSettlement: null,
  downSince: null,
};

/**
 * What a rule reads at `time` (ms, the caller's clock). `value` by kind: level rules the level's
 * figure; sign change the funding rate; settlement the next settlement time (ms); interval change
 * the interval in hours. Null is missing: it never fires and never re-arms.
 */
export type Observation = { time: number; value: number | null } | { time: number; link: LinkState };

export interface Evaluation {
  state: SubjectState;
  fired: FiredAlert | null;
}

/** The states in which an exchange's data is not arriving: stalled, reconnecting, unreachable, or the browser offline. */
const DOWN_STATES: ReadonlySet<LinkState> = new Set<LinkState>(['stalled', 'reconnecting', 'down', 'offline']);

function isLinkDown(state: LinkState): boolean {
  return DOWN_STATES.has(state);
}

function isTrue(side: LevelSide, value: number, level: number): boolean {
  return side === 'above' ? value > level : value < level;
}

/** Beyond the band on the false side: the band is |level| × hysteresis, so a negative level re-arms on its own far side. */
function isBeyondBand(side: LevelSide, value: number, level: number, hysteresis: number): boolean {
  const band = Math.abs(level) * hysteresis;
  return side === 'above' ? value < level - band : value > level + band;
}

function signOf(rate: number): 1 | -1 {
  return rate > 0 ? 1 : -1;
}

function unchanged(state: SubjectState): Evaluation {
  return { state, fired: null };
}

/**
 * One step of a rule on one subject: the state after the observation, and the alert it fired, if
 * any. A rule fires when its condition is true, it is armed and its cooldown since the last firing
 * on this subject has run out; a firing held by the cooldown happens at the first observation after
 * it in which the condition is still true.
 */
export function evaluateRule(rule: AlertRule, subject: AlertSubject, state: SubjectState, observation: Observation): Evaluation {
  if (rule.paused) return unchanged(state);
  const { time } = observation;
  const coolingDown = state.lastFiredAt !== null && time - state.lastFiredAt < rule.cooldownMs;
  const fire = (next: SubjectState, values: FiredValues): Evaluation => ({
    state: { ...next, lastFiredAt: time },
    fired: {
      id: `${rule.id}|${subjectKey(subject)}|${time}`,
      ruleId: rule.id,
      time,
      subject,
      values,
      text: firedText(rule, subject, values, time),
    },
  });
  const { condition } = rule;
  if (condition.kind === 'link-down') {
    if (!('link' in observation)) return unchanged(state);
    if (!isLinkDown(observation.link)) return unchanged(state.downSince === null && state.armed ? state : { ...state, armed: true, downSince: null });
    const downSince = state.downSince ?? time;
    const next = downSince === state.downSince ? state : { ...state, downSince };
    if (!next.armed || coolingDown || time - downSince < condition.minutes * MINUTE_MS) return unchanged(next);
    return fire({ ...next, armed: false }, { kind: 'link-down', state: observation.link, downSince });
  }
  if (!('value' in observation) || observation.value === null) return unchanged(state);
  const { value } = observation;
  switch (condition.kind) {
    case 'funding-level':
    case 'carry-level':
    case 'atm-iv': {
      const { side, level } = condition;
      if (isTrue(side, value, level)) {
        if (!state.armed || coolingDown) return unchanged(state);
        return fire({ ...state, armed: false }, { kind: 'level', value, level, side });
      }
      return !state.armed && isBeyondBand(side, value, level, rule.hysteresis) ? unchanged({ ...state, armed: true }) : unchanged(state);
    }
    case 'sign-change': {
      // Zero keeps the sign last seen: a rate resting on zero is no flip.
      if (value === 0) return unchanged(state);
      const reported = state.reportedRate;
      if (reported === null) return unchanged({ ...state, reportedRate: value });
      if (signOf(value) === signOf(reported) || coolingDown) return unchanged(state);
      return fire({ ...state, reportedRate: value }, { kind: 'sign-change', rate: value, previousRate: reported });
    }
    case 'settlement': {
      const msLeft = value - time;
      // A settlement already past (the worker slept through it) is not announced.
      if (state.alertedSettlement === value || msLeft <= 0 || msLeft > condition.minutes * MINUTE_MS || coolingDown) return unchanged(state);
      return fire({ ...state, alertedSettlement: value }, { kind: 'settlement', settlementTime: value, msLeft });
    }
    case 'interval-change': {
      const reported = state.reportedHours;
      if (reported === null) return unchanged({ ...state, reportedHours: value });
      if (value === reported || coolingDown) return unchanged(state);
      return fire({ ...state, reportedHours: value }, { kind: 'interval-change', intervalHours: value, previousHours: reported });
    }
  }
}
