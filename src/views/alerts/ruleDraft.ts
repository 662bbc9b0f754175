import {
  DEFAULT_COOLDOWN_MS,
  DEFAULT_HYSTERESIS,
  type AlertCondition,
  type AlertKind,
  type AlertRule,
  type AlertSubject,
  type ChainRef,
  type ContractRef,
  type FundingBasis,
  type LevelSide,
  type PairRef,
} from '../../domain/alerts/rule';

/** Where a bell was opened: what a rule made there watches, and the figure shown there (a fraction) to start its level at. */
export type RuleOrigin =
  | { scope: 'contract'; contract: ContractRef; annualised: number | null }
  | { scope: 'pair'; pair: PairRef; netApr: number | null }
  | { scope: 'chain'; chain: ChainRef; atmIv: number | null };

/** A rule's fields as the forms hold them: text, in the units a trader types (percent, minutes). */
export interface RuleDraft {
  kind: AlertKind;
  basis: FundingBasis;
  side: LevelSide;
  level: string;
  minutes: string;
  cooldownMinutes: string;
  hysteresisPercent: string;
}

export type RuleDraftField = 'level' | 'minutes' | 'cooldownMinutes' | 'hysteresisPercent';
export type RuleProblems = Partial<Record<RuleDraftField, string>>;
export type DraftCheck<T> = { ok: true; value: T } | { ok: false; problems: RuleProblems };

const PERCENT = 100;
const MINUTE_MS = 60_000;
const DEFAULT_SETTLEMENT_MINUTES = 15;

/** Up to 8 decimals, trailing zeros dropped: 0.3 → "30" (percent). */
const plain = (value: number) => String(Number(value.toFixed(8)));

export function originSubject(origin: RuleOrigin): AlertSubject {
  switch (origin.scope) {
    case 'contract':
      return { kind: 'contract', ...origin.contract };
    case 'pair':
      return { kind: 'pair', ...origin.pair };
    case 'chain':
      return { kind: 'chain', ...origin.chain };
  }
}

/** The kinds a bell offers where it was opened, the first chosen to start with. */
export function kindsFor(origin: RuleOrigin): AlertKind[] {
  switch (origin.scope) {
    case 'contract':
      return ['funding-level', 'sign-change', 'settlement', 'interval-change'];
    case 'pair':
      return ['carry-level'];
    case 'chain':
      return ['atm-iv'];
  }
}

function figureOf(origin: RuleOrigin): number | null {
  switch (origin.scope) {
    case 'contract':
      return origin.annualised;
    case 'pair':
      return origin.netApr;
    case 'chain':
      return origin.atmIv;
  }
}

/** A new rule's draft: its level at the figure on screen, to two decimals of a percent (empty when none is shown). */
export function draftOfOrigin(origin: RuleOrigin): RuleDraft {
  const figure = figureOf(origin);
  return {
    kind: kindsFor(origin)[0]!,
    basis: 'current',
    side: 'above',
    level: figure === null || !Number.isFinite(figure) ? '' : plain(Math.round(figure * PERCENT * 100) / 100),
    minutes: String(DEFAULT_SETTLEMENT_MINUTES),
    cooldownMinutes: plain(DEFAULT_COOLDOWN_MS / MINUTE_MS),
    hysteresisPercent: plain(DEFAULT_HYSTERESIS * PERCENT),
  };
}

export function draftOfRule({ condition, cooldownMs, hysteresis }: AlertRule): RuleDraft {
  const draft: RuleDraft = {
    kind: condition.kind,
    basis: 'current',
    side: 'above',
    level: '',
    minutes: '',
    cooldownMinutes: plain(cooldownMs / MINUTE_MS),
    hysteresisPercent: plain(hysteresis * PERCENT),
  };
  switch (condition.kind) {
    case 'funding-level':
      return { ...draft, basis: condition.basis, side: condition.side, level: plain(condition.level * PERCENT) };
    case 'carry-level':
    case 'atm-iv':
      return { ...draft, side: condition.side, level: plain(condition.level * PERCENT) };
    case 'settlement':
    case 'link-down':
      return { ...draft, minutes: plain(condition.minutes) };
    default:
      return draft;
  }
}

/** Whether a rule of this kind watches a level (and so has a side, a level and a hysteresis). */
export function isLevelKind(kind: AlertKind): kind is 'funding-level' | 'carry-level' | 'atm-iv' {
  return kind === 'funding-level' || kind === 'carry-level' || kind === 'atm-iv';
}

/** Whether a rule of this kind counts minutes (before a settlement, or of a connection down). */
export function isMinutesKind(kind: AlertKind): kind is 'settlement' | 'link-down' {
  return kind === 'settlement' || kind === 'link-down';
}

type Check = { value: number } | { problem: string };

function numberOf(text: string): number | null {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : null;
}

function checkLevel(kind: AlertKind, text: string): Check {
  const percent = numberOf(text);
  if (percent === null) return { problem: 'Level must be a number, in %.' };
  if (kind === 'atm-iv' && percent < 0) return { problem: 'Level cannot be negative: an implied volatility never is.' };
  return { value: percent / PERCENT };
}

function checkMinutes(text: string): Check {
  const minutes = numberOf(text);
  if (minutes === null) return { problem: 'Minutes must be a number.' };
  return minutes > 0 ? { value: minutes } : { problem: 'Minutes must be more than 0.' };
}

function checkCooldown(text: string): Check {
  const minutes = numberOf(text);
  if (minutes === null) return { problem: 'Cooldown must be a number of minutes.' };
  return minutes >= 0 ? { value: minutes * MINUTE_MS } : { problem: 'Cooldown cannot be negative.' };
}

function checkHysteresis(text: string): Check {
  const percent = numberOf(text);
  if (percent === null) return { problem: 'Hysteresis must be a number, in %.' };
  return percent >= 0 && percent < PERCENT ? { value: percent / PERCENT } : { problem: 'Hysteresis must be from 0 to below 100 %.' };
}

/** The condition with the draft's basis, side, level and minutes; its kind and what it watches stay. */
function refilled(condition: AlertCondition, draft: RuleDraft, problems: RuleProblems): AlertCondition {
  if (condition.kind === 'funding-level' || condition.kind === 'carry-level' || condition.kind === 'atm-iv') {
    const level = checkLevel(condition.kind, draft.level);
    if ('problem' in level) {
      problems.level = level.problem;
      return condition;
    }
    if (condition.kind === 'funding-level') return { ...condition, basis: draft.basis, side: draft.side, level: level.value };
    return { ...condition, side: draft.side, level: level.value };
  }
  if (condition.kind === 'settlement' || condition.kind === 'link-down') {
    const minutes = checkMinutes(draft.minutes);
    if ('problem' in minutes) {
      problems.minutes = minutes.problem;
      return condition;
    }
    return { ...condition, minutes: minutes.value };
  }
  return condition;
}

/** The condition a bell's kind makes where it was opened, its figures still to be filled from the draft. */
function outline(origin: RuleOrigin, kind: AlertKind): AlertCondition {
  if (origin.scope === 'pair') return { kind: 'carry-level', pair: origin.pair, side: 'above', level: 0 };
  if (origin.scope === 'chain') return { kind: 'atm-iv', chain: origin.chain, side: 'above', level: 0 };
  const target = { scope: 'contract', contract: origin.contract } as const;
  switch (kind) {
    case 'sign-change':
    case 'interval-change':
      return { kind, target };
    case 'settlement':
      return { kind, target, minutes: DEFAULT_SETTLEMENT_MINUTES };
    default:
      return { kind: 'funding-level', target, basis: 'current', side: 'above', level: 0 };
  }
}

function checked<T>(value: T, problems: RuleProblems): DraftCheck<T> {
  return Object.keys(problems).length === 0 ? { ok: true, value } : { ok: false, problems };
}

/** The condition a bell's form makes, or what is wrong with its fields. */
export function createdCondition(origin: RuleOrigin, draft: RuleDraft): DraftCheck<AlertCondition> {
  const problems: RuleProblems = {};
  const condition = refilled(outline(origin, draft.kind), draft, problems);
  return checked(condition, problems);
}

/** The rule with the edit form's fields, or what is wrong with them (the rule unchanged). */
export function editedRule(rule: AlertRule, draft: RuleDraft): DraftCheck<AlertRule> {
  const problems: RuleProblems = {};
  const condition = refilled(rule.condition, draft, problems);
  const cooldown = checkCooldown(draft.cooldownMinutes);
  if ('problem' in cooldown) problems.cooldownMinutes = cooldown.problem;
  let hysteresis = rule.hysteresis;
  if (isLevelKind(rule.condition.kind)) {
    const check = checkHysteresis(draft.hysteresisPercent);
    if ('problem' in check) problems.hysteresisPercent = check.problem;
    else hysteresis = check.value;
  }
  const cooldownMs = 'value' in cooldown ? cooldown.value : rule.cooldownMs;
  return checked({ ...rule, condition, cooldownMs, hysteresis }, problems);
}
