import { atmIv } from '../domain/alerts/atmIv';
import { evaluateRules, type RuleStateChange, type RuleStates } from '../domain/alerts/evaluateRules';
import { withRestored } from '../domain/alerts/ruleMemory';
import type { AlertRule, FiredAlert } from '../domain/alerts/rule';
import type { ExchangeLinkStatus } from '../domain/connectionState';
import type { ExchangeId } from '../domain/exchange';
import { chainKey, type OptionRow } from '../domain/option';
import type { PerpRow } from '../domain/perp';

/** What a worker holds at one tick, read only while it has rules: the rows that changed, its chains, and its newest link statuses. */
export interface VenueTick {
  time: number;
  changedPerps: () => readonly PerpRow[];
  /** A chain's rows (by `chainKey`) if it changed this tick, else null. */
  changedChain: (key: string) => Iterable<OptionRow> | null;
  /** Link statuses that changed this tick. */
  links: readonly ExchangeLinkStatus[];
}


/**
 * The page's alert rules as one venue's worker can answer them, kept between ticks. Carry rules
 * read both venues: the page evaluates them.
 */
export class AlertWatch {
  private rules: AlertRule[] = [];
  private states: RuleStates = new Map();
  private stateChanges: RuleStateChange[] = [];
  private readonly links = new Map<ExchangeId, ExchangeLinkStatus>();

  /** The rules to answer; `restored` (the page's kept states) seeds each rule this watch holds no state of, as a fresh worker after a reload. */
  setRules(rules: readonly AlertRule[], restored: RuleStates = new Map()): void {
    this.rules = rules.filter((rule) => rule.condition.kind !== 'carry-level');
    const active = new Set(this.rules.filter((rule) => !rule.paused).map((rule) => rule.id));
    const held = new Map([...this.states].filter(([id]) => active.has(id)));
    this.states = withRestored(held, new Map([...restored].filter(([id]) => active.has(id))));
  }

  /** True while a rule can fire with no new data (a link down for long enough): the worker then ticks on its own. */
  get watchesTime(): boolean {
    return this.rules.some((rule) => !rule.paused && rule.condition.kind === 'link-down');
  }

  /** The alerts this tick fires; a subject not in it (an unchanged row) keeps its state. */
  observe(tick: VenueTick): FiredAlert[] {
    for (const link of tick.links) this.links.set(link.exchange, link);
    if (this.rules.length === 0) return [];
    const { states, fired, changed } = evaluateRules(this.rules, this.states, {
      time: tick.time,
      perps: tick.changedPerps(),
      carrySettings: null,
      atmIvs: this.atmIvsOf(tick),
      links: [...this.links.values()],
    });
    this.states = states;
    this.stateChanges.push(...changed);
    return fired;
  }

  /** The rule states that moved since the last call, for the page to keep. */
  takeStateChanges(): RuleStateChange[] {
    const changes = this.stateChanges;
    this.stateChanges = [];
    return changes;
  }

  /** The ATM IV of each changed chain a rule watches. */
  private atmIvsOf(tick: VenueTick): Map<string, number | null> {
    const ivs = new Map<string, number | null>();
    for (const { condition } of this.rules) {
      if (condition.kind !== 'atm-iv') continue;
      const key = chainKey(condition.chain.exchange, condition.chain.underlying);
      if (ivs.has(key)) continue;
      const rows = tick.changedChain(key);
      if (rows) ivs.set(key, atmIv(rows, tick.time));
    }
    return ivs;
  }
}
