import { EXCHANGES, type ExchangeId } from '../exchange';
import type { PerpMargin } from '../perp';
import {
  ALERT_KINDS,
  ALERT_RULES_FORMAT,
  ALERT_RULES_VERSION,
  DEFAULT_COOLDOWN_MS,
  DEFAULT_HYSTERESIS,
  type AlertCondition,
  type AlertKind,
  type AlertRule,
  type ContractRef,
  type ContractTarget,
  type FundingBasis,
  type LevelSide,
} from './rule';

export type RulesImport = { ok: true; rules: AlertRule[] } | { ok: false; message: string };

export type RuleCheck = { ok: true; rule: AlertRule } | { ok: false; problem: string };

/** Why a field is refused; thrown only inside this file and caught per rule. */
class Refusal extends Error {}

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordAt(fields: Fields, name: string): Fields {
  const value = fields[name];
  if (!isRecord(value)) throw new Refusal(`${name} must be an object`);
  return value;
}

function textAt(fields: Fields, name: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || value.trim() === '') throw new Refusal(`${name} must be a non-empty text`);
  return value;
}

function numberAt(fields: Fields, name: string): number {
  const value = fields[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Refusal(`${name} must be a number`);
  return value;
}

function optionalNumberAt(fields: Fields, name: string, fallback: number): number {
  return fields[name] === undefined ? fallback : numberAt(fields, name);
}

function oneOf<T extends string>(fields: Fields, name: string, allowed: readonly T[]): T {
  const value = fields[name];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Refusal(`${name} must be ${allowed.map((choice) => `"${choice}"`).join(' or ')}, not ${JSON.stringify(value) ?? 'missing'}`);
  }
  return value as T;
}

function minutesAt(fields: Fields): number {
  const minutes = numberAt(fields, 'minutes');
  if (minutes <= 0) throw new Refusal(`minutes must be more than 0, not ${minutes}`);
  return minutes;
}

function contractOf(value: unknown, name: string): ContractRef {
  if (!isRecord(value)) throw new Refusal(`${name} must be an object`);
  return { exchange: oneOf<ExchangeId>(value, 'exchange', EXCHANGES), symbol: textAt(value, 'symbol') };
}

function targetOf(fields: Fields): ContractTarget {
  const target = recordAt(fields, 'target');
  const scope = oneOf(target, 'scope', ['contract', 'watchlist', 'every'] as const);
  if (scope === 'every') return { scope };
  if (scope === 'contract') return { scope, contract: contractOf(target.contract, 'contract') };
  const { contracts } = target;
  if (!Array.isArray(contracts) || contracts.length === 0) throw new Refusal('a watchlist must list at least one contract');
  return { scope, contracts: contracts.map((contract, index) => contractOf(contract, `contract ${index + 1} of the watchlist`)) };
}

const SIDES: readonly LevelSide[] = ['above', 'below'];
const BASES: readonly FundingBasis[] = ['current', 'next'];
const MARGINS: readonly PerpMargin[] = ['linear', 'inverse'];

function conditionOf(fields: Fields, kind: AlertKind): AlertCondition {
  switch (kind) {
    case 'funding-level':
      return { kind, target: targetOf(fields), basis: oneOf(fields, 'basis', BASES), side: oneOf(fields, 'side', SIDES), level: numberAt(fields, 'level') };
    case 'carry-level': {
      const pair = recordAt(fields, 'pair');
      return { kind, pair: { coin: textAt(pair, 'coin'), margin: oneOf(pair, 'margin', MARGINS) }, side: oneOf(fields, 'side', SIDES), level: numberAt(fields, 'level') };
    }
    case 'sign-change':
    case 'interval-change':
      return { kind, target: targetOf(fields) };
    case 'settlement': {
      const target = targetOf(fields);
      if (target.scope === 'every') throw new Refusal('a settlement countdown watches named contracts, not every contract');
      return { kind, target, minutes: minutesAt(fields) };
    }
    case 'atm-iv': {
      const chain = recordAt(fields, 'chain');
      const level = numberAt(fields, 'level');
      if (level < 0) throw new Refusal(`level must not be negative: an implied volatility never is (${level})`);
      return { kind, chain: { exchange: oneOf<ExchangeId>(chain, 'exchange', EXCHANGES), underlying: textAt(chain, 'underlying') }, side: oneOf(fields, 'side', SIDES), level };
    }
    case 'link-down':
      return { kind, exchange: oneOf<ExchangeId>(fields, 'exchange', EXCHANGES), minutes: minutesAt(fields) };
  }
}

/** One rule as stored or imported; `now` dates a rule that does not say when it was made. */
export function checkRule(value: unknown, now: number): RuleCheck {
  try {
    if (!isRecord(value)) throw new Refusal('a rule must be an object');
    const condition = recordAt(value, 'condition');
    const kindValue = condition.kind;
    if (typeof kindValue !== 'string' || !(ALERT_KINDS as readonly string[]).includes(kindValue)) {
      throw new Refusal(`unknown kind ${JSON.stringify(kindValue) ?? '(none)'}; known: ${ALERT_KINDS.join(', ')}`);
    }
    const paused = value.paused ?? false;
    if (typeof paused !== 'boolean') throw new Refusal('paused must be true or false');
    const hysteresis = optionalNumberAt(value, 'hysteresis', DEFAULT_HYSTERESIS);
    if (hysteresis < 0 || hysteresis >= 1) throw new Refusal(`hysteresis must be a fraction from 0 to below 1 (0.05 is 5 %), not ${hysteresis}`);
    const cooldownMs = optionalNumberAt(value, 'cooldownMs', DEFAULT_COOLDOWN_MS);
    if (cooldownMs < 0) throw new Refusal(`cooldownMs must not be negative, not ${cooldownMs}`);
    const createdAt = optionalNumberAt(value, 'createdAt', now);
    return { ok: true, rule: { id: textAt(value, 'id'), condition: conditionOf(condition, kindValue as AlertKind), paused, hysteresis, cooldownMs, createdAt } };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, problem: error.message };
    throw error;
  }
}

/** How a message names a rule: its place in the file, and its id, else its kind. */
function ruleName(value: unknown, index: number): string {
  const place = `Rule ${index + 1}`;
  if (!isRecord(value)) return place;
  if (typeof value.id === 'string' && value.id.trim() !== '') return `${place} (id "${value.id}")`;
  const kind = isRecord(value.condition) ? value.condition.kind : undefined;
  return typeof kind === 'string' ? `${place} (${kind})` : place;
}

/**
 * The rules of an exported file, or one message naming what is wrong: a file with any bad rule
 * is refused whole, so nothing partial is saved.
 */
export function importRules(text: string, now: number): RulesImport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The file is not JSON.' };
  }
  if (!isRecord(parsed) || parsed.format !== ALERT_RULES_FORMAT) return { ok: false, message: 'The file is not a set of alert rules exported from Funding Desk.' };
  if (parsed.version !== ALERT_RULES_VERSION) {
    return { ok: false, message: `The file is alert rules version ${JSON.stringify(parsed.version) ?? '(none)'}; this page reads version ${ALERT_RULES_VERSION}.` };
  }
  if (!Array.isArray(parsed.rules)) return { ok: false, message: 'The file holds no list of rules.' };
  const rules: AlertRule[] = [];
  const places = new Map<string, number>();
  for (const [index, value] of parsed.rules.entries()) {
    const check = checkRule(value, now);
    if (!check.ok) return { ok: false, message: `${ruleName(value, index)}: ${check.problem}.` };
    const earlier = places.get(check.rule.id);
    if (earlier !== undefined) return { ok: false, message: `${ruleName(value, index)}: the same id as rule ${earlier + 1}.` };
    places.set(check.rule.id, index);
    rules.push(check.rule);
  }
  return { ok: true, rules };
}

/** The rules as a versioned JSON file that `importRules` reads back. */
export function exportRules(rules: readonly AlertRule[]): string {
  return JSON.stringify({ format: ALERT_RULES_FORMAT, version: ALERT_RULES_VERSION, rules }, null, 2);
}
