import { carryLegOf, carryQuote, pickLegs } from '../carry';
import type { CarrySettings } from '../carrySettings';
import type { ExchangeLinkStatus } from '../connectionState';
import { mainContractFor } from '../contractPairs';
import { annualiseFunding, nextSettlement } from '../funding';
import { chainKey } from '../option';
import { perpKey, type PerpRow } from '../perp';
import { evaluateRule, INITIAL_SUBJECT_STATE, type Observation, type SubjectState } from './evaluate';
import { subjectKey, type AlertCondition, type AlertRule, type AlertSubject, type ContractTarget, type FiredAlert, type PairRef } from './rule';

/** What one thread holds at `time`: a worker its own venue's rows and link, the page both. */
export interface MarketSnapshot {
  time: number;
  perps: readonly PerpRow[];
  /** The carry desk's settings; carry rules wait while they are not known here. */
  carrySettings: CarrySettings | null;
  /** Each chain's ATM IV (see `atmIv`), by `chainKey`; a chain not held here is left out and reads as missing. */
  atmIvs: ReadonlyMap<string, number | null>;
  links: readonly ExchangeLinkStatus[];
}

/** One rule's states per subject, and the rule's condition they were built under. */
export interface RuleMemory {
  fingerprint: string;
  subjects: ReadonlyMap<string, SubjectState>;
}

/** By rule id. */
export type RuleStates = ReadonlyMap<string, RuleMemory>;

/** The subjects of one rule whose state moved in one evaluation: what the page keeps across reloads. */
export interface RuleStateChange {
  ruleId: string;
  fingerprint: string;
  subjects: [subjectKey: string, state: SubjectState][];
}

export interface RulesEvaluation {
  states: Map<string, RuleMemory>;
  fired: FiredAlert[];
  changed: RuleStateChange[];
}

/** An edited condition or band starts afresh; a changed cooldown or pause does not count as an edit. */
export function ruleFingerprint(rule: AlertRule): string {
  return JSON.stringify([rule.condition, rule.hysteresis]);
}

function contractsOf(target: ContractTarget, perps: readonly PerpRow[], byKey: ReadonlyMap<string, PerpRow>): readonly PerpRow[] {
  switch (target.scope) {
    case 'every':
      return perps;
    case 'contract': {
      const row = byKey.get(perpKey(target.contract.exchange, target.contract.symbol));
      return row ? [row] : [];
    }
    case 'watchlist':
      return target.contracts.flatMap((contract) => byKey.get(perpKey(contract.exchange, contract.symbol)) ?? []);
  }
}

/** The figure a contract rule reads from a row; null while the row does not know it. */
function contractValue(condition: AlertCondition, row: PerpRow, time: number): number | null {
  switch (condition.kind) {
    case 'funding-level':
      if (condition.basis === 'current') return row.annualised;
      return row.nextFundingRate === null || row.intervalHours === null ? null : annualiseFunding(row.nextFundingRate, row.intervalHours);
    case 'sign-change':
      return row.fundingRate;
    case 'settlement':
      if (row.nextFundingTime === null) return null;
      return row.intervalHours === null ? row.nextFundingTime : nextSettlement(row.nextFundingTime, row.intervalHours, time);
    case 'interval-change':
      // An assumed 8 h is not the contract's interval: its replacement by the real one is no change.
      return row.intervalAssumed ? null : row.intervalHours;
    default:
      return null;
  }
}

/** The pair's net APR on notional after fees and half spreads, at the desk's size, as the Carry table shows it. */
export function pairNetCarry(perps: readonly PerpRow[], pair: PairRef, settings: CarrySettings): number | null {
  const binance = mainContractFor(perps, 'binance', pair.coin, pair.margin);
  const okx = mainContractFor(perps, 'okx', pair.coin, pair.margin);
  const binanceLeg = binance && carryLegOf(binance);
  const okxLeg = okx && carryLegOf(okx);
  const legs = binanceLeg && okxLeg ? pickLegs(binanceLeg, okxLeg) : null;
  return legs ? carryQuote(legs.long, legs.short, settings).beforeSlippage.netAprOnNotional : null;
}

/** Each subject the rule watches that this snapshot holds, with what it reads there. */
function observationsOf(condition: AlertCondition, snapshot: MarketSnapshot, byKey: ReadonlyMap<string, PerpRow>): [AlertSubject, Observation][] {
  const { time } = snapshot;
  switch (condition.kind) {
    case 'funding-level':
    case 'sign-change':
    case 'settlement':
    case 'interval-change':
      return contractsOf(condition.target, snapshot.perps, byKey).map((row) => [
        { kind: 'contract', exchange: row.exchange, symbol: row.symbol },
        { time, value: contractValue(condition, row, time) },
      ]);
    case 'carry-level': {
      if (snapshot.carrySettings === null) return [];
      return [[{ kind: 'pair', ...condition.pair }, { time, value: pairNetCarry(snapshot.perps, condition.pair, snapshot.carrySettings) }]];
    }
    case 'atm-iv':
      return [[{ kind: 'chain', ...condition.chain }, { time, value: snapshot.atmIvs.get(chainKey(condition.chain.exchange, condition.chain.underlying)) ?? null }]];
    case 'link-down': {
      const link = snapshot.links.find((status) => status.exchange === condition.exchange);
      return link ? [[{ kind: 'exchange', exchange: condition.exchange }, { time, link: link.state }]] : [];
    }
  }
}

/**
 * Every active rule over the snapshot. The states returned hold only rules still listed and not
 * paused (a resumed rule starts armed); a subject this snapshot does not hold keeps its state.
 */
export function evaluateRules(rules: readonly AlertRule[], states: RuleStates, snapshot: MarketSnapshot): RulesEvaluation {
  const byKey = new Map(snapshot.perps.map((row) => [row.key, row]));
  const next = new Map<string, RuleMemory>();
  const fired: FiredAlert[] = [];
  const changed: RuleStateChange[] = [];
  for (const rule of rules) {
    if (rule.paused) continue;
    const fingerprint = ruleFingerprint(rule);
    const kept = states.get(rule.id);
    const subjects = new Map(kept?.fingerprint === fingerprint ? kept.subjects : []);
    const moved: [string, SubjectState][] = [];
    for (const [subject, observation] of observationsOf(rule.condition, snapshot, byKey)) {
      const key = subjectKey(subject);
      const before = subjects.get(key) ?? INITIAL_SUBJECT_STATE;
      const step = evaluateRule(rule, subject, before, observation);
      subjects.set(key, step.state);
      if (step.state !== before) moved.push([key, step.state]);
      if (step.fired) fired.push(step.fired);
    }
    next.set(rule.id, { fingerprint, subjects });
    if (moved.length > 0) changed.push({ ruleId: rule.id, fingerprint, subjects: moved });
  }
  return { states: next, fired, changed };
}
