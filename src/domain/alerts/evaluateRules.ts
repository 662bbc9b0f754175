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
  /** Each chain's ATM IV (see `nearestExpiryAtm`), by `chainKey`; a chain not held here is left out and reads as missing. */
  atmIvs: ReadonlyMap<string, number | null>;
  links: readonly ExchangeLinkStatus[];
}

/** One rule's states per subject, and the rule's condition they were built under. */
export interface RuleMemory {
  fingerprint: string;
  subjects: Map<string, SubjectState>;
}

/** By rule id; kept by one thread and updated in place, since an every-contract rule holds a state per contract. */
export type RuleStates = Map<string, RuleMemory>;

/**
 * The subjects of one rule that fired or re-armed in one evaluation, with their new states: what
 * the page keeps across reloads. A value first seen is not kept: a closed tab watches nothing, and
 * the next page starts from what it sees.
 */
export interface RuleStateChange {
  ruleId: string;
  fingerprint: string;
  subjects: [subjectKey: string, state: SubjectState][];
}

export interface RulesEvaluation {
  fired: FiredAlert[];
  changed: RuleStateChange[];
}

const fingerprints = new WeakMap<AlertRule, string>();

/** An edited condition or band starts afresh; a changed cooldown or pause does not count as an edit. */
export function ruleFingerprint(rule: AlertRule): string {
  let fingerprint = fingerprints.get(rule);
  if (fingerprint === undefined) {
    fingerprint = JSON.stringify([rule.condition, rule.hysteresis]);
    fingerprints.set(rule, fingerprint);
  }
  return fingerprint;
}

function contractsOf(target: ContractTarget, perps: readonly PerpRow[], rowsByKey: () => ReadonlyMap<string, PerpRow>): readonly PerpRow[] {
  switch (target.scope) {
    case 'every':
      return perps;
    case 'contract': {
      const row = rowsByKey().get(perpKey(target.contract.exchange, target.contract.symbol));
      return row ? [row] : [];
    }
    case 'watchlist':
      return target.contracts.flatMap((contract) => rowsByKey().get(perpKey(contract.exchange, contract.symbol)) ?? []);
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
function observationsOf(condition: AlertCondition, snapshot: MarketSnapshot, rowsByKey: () => ReadonlyMap<string, PerpRow>): [AlertSubject, Observation][] {
  const { time } = snapshot;
  switch (condition.kind) {
    case 'funding-level':
    case 'sign-change':
    case 'settlement':
    case 'interval-change':
      return contractsOf(condition.target, snapshot.perps, rowsByKey).map((row) => [
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
 * Every active rule over the snapshot, `states` updated in place: afterwards it holds only rules
 * still listed and not paused (a resumed rule starts armed), an edited rule afresh; a subject this
 * snapshot does not hold keeps its state.
 */
export function evaluateRules(rules: readonly AlertRule[], states: RuleStates, snapshot: MarketSnapshot): RulesEvaluation {
  let byKey: Map<string, PerpRow> | null = null;
  const rowsByKey = () => (byKey ??= new Map(snapshot.perps.map((row) => [row.key, row])));
  const fired: FiredAlert[] = [];
  const changed: RuleStateChange[] = [];
  const active = new Set<string>();
  for (const rule of rules) {
    if (rule.paused) continue;
    active.add(rule.id);
    const fingerprint = ruleFingerprint(rule);
    let memory = states.get(rule.id);
    if (memory?.fingerprint !== fingerprint) {
      memory = { fingerprint, subjects: new Map() };
      states.set(rule.id, memory);
    }
    const { subjects } = memory;
    const moved: [string, SubjectState][] = [];
    for (const [subject, observation] of observationsOf(rule.condition, snapshot, rowsByKey)) {
      const key = subjectKey(subject);
      const before = subjects.get(key) ?? INITIAL_SUBJECT_STATE;
      const step = evaluateRule(rule, subject, before, observation);
      if (step.fired) fired.push(step.fired);
      if (step.state === before) continue;
      subjects.set(key, step.state);
      if (step.fired || step.state.armed !== before.armed) moved.push([key, step.state]);
    }
    if (moved.length > 0) changed.push({ ruleId: rule.id, fingerprint, subjects: moved });
  }
  for (const id of states.keys()) if (!active.has(id)) states.delete(id);
  return { fired, changed };
}
