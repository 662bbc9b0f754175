import { nearestExpiryAtm } from '../domain/termStructure/expiryVols';
import { evaluateRules, type RuleStateChange, type RuleStates } from '../domain/alerts/evaluateRules';
import { holdRules } from '../domain/alerts/ruleMemory';
import type { AlertRule, FiredAlert } from '../domain/alerts/rule';
import type { ExchangeLinkStatus } from '../domain/connectionState';
import type { ExchangeId } from '../domain/exchange';
import { chainKey, type OptionRow } from '../domain/option';
import type { PerpRow } from '../domain/perp';

/** Settlement countdowns are asked this often: they turn true with time, not with a row's change. */
export const SETTLEMENT_CHECK_MS = 1_000;

/** What a worker holds at one tick, read only while it has rules: its rows, those that changed, its chains, and its newest link statuses. */
export interface VenueTick {
  time: number;
  perps: () => Iterable<PerpRow>;
  changedPerps: () => readonly PerpRow[];
  /** A chain's rows (by `chainKey`) if it changed this tick, else null. */
  changedChain: (key: string) => Iterable<OptionRow> | null;
  /** Link statuses that changed this tick. */
  links: readonly ExchangeLinkStatus[];
}

/** Whether two versions of a row give every funding rule the same answer: a book update alone moves none. */
function sameFunding(a: PerpRow, b: PerpRow): boolean {
  return (
    a.annualised === b.annualised &&
    a.fundingRate === b.fundingRate &&
    a.nextFundingRate === b.nextFundingRate &&
    a.intervalHours === b.intervalHours &&
    a.intervalAssumed === b.intervalAssumed
  );
}

const isSettlement = (rule: AlertRule): boolean => rule.condition.kind === 'settlement';

/**
 * The page's alert rules as one venue's worker can answer them, kept between ticks. Carry rules
 * read both venues: the page evaluates them. Rules on rows are asked of the rows whose funding
 * moved (and of every row once, when the rules change); settlement countdowns once a second.
 */
export class AlertWatch {
  private rowRules: AlertRule[] = [];
  private settlementRules: AlertRule[] = [];
  private readonly rowStates: RuleStates = new Map();
  private readonly settlementStates: RuleStates = new Map();
  private stateChanges: RuleStateChange[] = [];
  private readonly links = new Map<ExchangeId, ExchangeLinkStatus>();
  /** Each row as the rules last read it. */
  private readonly evaluatedRows = new Map<string, PerpRow>();
  private everyRowDue = true;
  private settlementsCheckedAt = Number.NEGATIVE_INFINITY;
  /** True while a rule can fire with no new data (a link down, a settlement near): the worker then ticks on its own. */
  watchesTime = false;

  /** The rules to answer; `restored` (the page's kept states) seeds each rule this watch holds no state of, as a fresh worker after a reload. */
  setRules(rules: readonly AlertRule[], restored: RuleStates = new Map()): void {
    const answered = rules.filter((rule) => rule.condition.kind !== 'carry-level');
    this.rowRules = answered.filter((rule) => !isSettlement(rule));
    this.settlementRules = answered.filter(isSettlement);
    holdRules(this.rowStates, this.rowRules, restored);
    holdRules(this.settlementStates, this.settlementRules, restored);
    this.watchesTime = answered.some((rule) => !rule.paused && (rule.condition.kind === 'link-down' || isSettlement(rule)));
    this.everyRowDue = true;
    this.settlementsCheckedAt = Number.NEGATIVE_INFINITY;
  }


  /** The alerts this tick fires; a subject not in it (an unchanged row) keeps its state. */
  observe(tick: VenueTick): FiredAlert[] {
    for (const link of tick.links) this.links.set(link.exchange, link);
    if (this.rowRules.length === 0 && this.settlementRules.length === 0) return [];
    const links = [...this.links.values()];
    const fired: FiredAlert[] = [];
    const evaluate = (rules: readonly AlertRule[], states: RuleStates, perps: readonly PerpRow[], atmIvs: Map<string, number | null>) => {
      const step = evaluateRules(rules, states, { time: tick.time, perps, carrySettings: null, atmIvs, links });
      fired.push(...step.fired);
      this.stateChanges.push(...step.changed);
    };
    if (this.rowRules.length > 0) evaluate(this.rowRules, this.rowStates, this.rowsToEvaluate(tick), this.atmIvsOf(tick));
    if (this.settlementRules.length > 0 && tick.time - this.settlementsCheckedAt >= SETTLEMENT_CHECK_MS) {
      this.settlementsCheckedAt = tick.time;
      evaluate(this.settlementRules, this.settlementStates, [...tick.perps()], new Map());
    }
    return fired;
  }

  /** The rule states that moved since the last call, for the page to keep. */
  takeStateChanges(): RuleStateChange[] {
    const changes = this.stateChanges;
    this.stateChanges = [];
    return changes;
  }

  private rowsToEvaluate(tick: VenueTick): readonly PerpRow[] {
    const candidates = this.everyRowDue ? [...tick.perps()] : tick.changedPerps();
    const due = this.everyRowDue ? candidates : candidates.filter((row) => {
      const last = this.evaluatedRows.get(row.key);
      return last === undefined || !sameFunding(last, row);
    });
    this.everyRowDue = false;
    for (const row of due) this.evaluatedRows.set(row.key, row);
    return due;
  }

  /** The ATM IV of each changed chain a rule watches. */
  private atmIvsOf(tick: VenueTick): Map<string, number | null> {
    const ivs = new Map<string, number | null>();
    for (const { condition } of this.rowRules) {
      if (condition.kind !== 'atm-iv') continue;
      const key = chainKey(condition.chain.exchange, condition.chain.underlying);
      if (ivs.has(key)) continue;
      const rows = tick.changedChain(key);
      if (rows) ivs.set(key, nearestExpiryAtm(rows, tick.time));
    }
    return ivs;
  }
}
