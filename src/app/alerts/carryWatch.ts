import type { CarrySettings } from '../../domain/carrySettings';
import { evaluateRules, type RuleStateChange, type RuleStates } from '../../domain/alerts/evaluateRules';
import { holdRules } from '../../domain/alerts/ruleMemory';
import type { AlertRule, FiredAlert } from '../../domain/alerts/rule';
import type { PerpRow } from '../../domain/perp';

const isCarry = (rule: AlertRule): boolean => rule.condition.kind === 'carry-level';

/** Carry rules are asked at most this often: a pair's net carry needs every row of both venues. */
export const CARRY_CHECK_MS = 1_000;

export interface CarryMarket {
  perps: readonly PerpRow[];
  settings: CarrySettings;
}

/** The carry rules, on the page: a pair's legs live in both workers, and only the page holds both venues' rows. */
export class CarryWatch {
  private readonly states: RuleStates = new Map();
  private stateChanges: RuleStateChange[] = [];
  private checkedAt = Number.NEGATIVE_INFINITY;

  /** Holds the carry rules of `rules`, each it holds no state of seeded from the page's kept states (after a reload). */
  setRules(rules: readonly AlertRule[], kept: RuleStates): void {
    holdRules(this.states, rules.filter(isCarry), kept);
  }

  /** The rule states that moved since the last call, for the page to keep. */
  takeStateChanges(): RuleStateChange[] {
    const changes = this.stateChanges;
    this.stateChanges = [];
    return changes;
  }

  /** The alerts the carry rules fire at `time`; `market` is read only when a check is due. */
  check(time: number, rules: readonly AlertRule[], market: () => CarryMarket): FiredAlert[] {
    if (time - this.checkedAt < CARRY_CHECK_MS) return [];
    this.checkedAt = time;
    const carryRules = rules.filter(isCarry);
    if (carryRules.length === 0) {
      this.states.clear();
      return [];
    }
    const { perps, settings } = market();
    const { fired, changed } = evaluateRules(carryRules, this.states, { time, perps, carrySettings: settings, atmIvs: new Map(), links: [] });
    this.stateChanges.push(...changed);
    return fired;
  }
}
