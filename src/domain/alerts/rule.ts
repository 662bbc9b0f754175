import type { LinkState } from '../connectionState';
import type { ExchangeId } from '../exchange';
import type { PerpMargin } from '../perp';

/** The version `exportRules` writes and `importRules` accepts: raise it when a rule changes shape. */
export const ALERT_RULES_VERSION = 1;
/** Names the file's content, so a JSON file of something else is refused by name. */
export const ALERT_RULES_FORMAT = 'funding-desk-alert-rules';

export const DEFAULT_HYSTERESIS = 0.05;
export const DEFAULT_COOLDOWN_MS = 15 * 60_000;

export interface ContractRef {
  exchange: ExchangeId;
  symbol: string;
}

/** The contracts a contract rule watches. */
export type ContractTarget =
  | { scope: 'contract'; contract: ContractRef }
  | { scope: 'watchlist'; contracts: ContractRef[] }
  | { scope: 'every' };

/** A settlement countdown watches named contracts only: on every contract it would ring at each settlement of hundreds. */
export type WatchedTarget = Exclude<ContractTarget, { scope: 'every' }>;

/** A carry pair, as `pairKey` names it: the coin's main contract of that margin on both venues. */
export interface PairRef {
  coin: string;
  margin: PerpMargin;
}

/** An options chain: Binance underlying (`BTCUSDT`) or OKX family (`BTC-USD`). */
export interface ChainRef {
  exchange: ExchangeId;
  underlying: string;
}

export type LevelSide = 'above' | 'below';
/** Current: the rate of the period running; next: the following period's estimate (OKX publishes it on some contracts). */
export type FundingBasis = 'current' | 'next';

/** Levels are fractions, as rows hold them: 0.3 is 30 %, annualised. */
export type AlertCondition =
  | { kind: 'funding-level'; target: ContractTarget; basis: FundingBasis; side: LevelSide; level: number }
  | { kind: 'carry-level'; pair: PairRef; side: LevelSide; level: number }
  | { kind: 'sign-change'; target: ContractTarget }
  | { kind: 'settlement'; target: WatchedTarget; minutes: number }
  | { kind: 'interval-change'; target: ContractTarget }
  | { kind: 'atm-iv'; chain: ChainRef; side: LevelSide; level: number }
  | { kind: 'link-down'; exchange: ExchangeId; minutes: number };

export type AlertKind = AlertCondition['kind'];

export const ALERT_KINDS: readonly AlertKind[] = ['funding-level', 'carry-level', 'sign-change', 'settlement', 'interval-change', 'atm-iv', 'link-down'];

export interface AlertRule {
  id: string;
  condition: AlertCondition;
  paused: boolean;
  /** Level rules re-arm once the value is this fraction of |level| beyond it on the false side. */
  hysteresis: number;
  /** No firing within this long of the rule's last firing on the same subject. */
  cooldownMs: number;
  createdAt: number;
}

/** What one firing is about: a rule on many contracts fires per contract. */
export type AlertSubject =
  | { kind: 'contract'; exchange: ExchangeId; symbol: string }
  | { kind: 'pair'; coin: string; margin: PerpMargin }
  | { kind: 'chain'; exchange: ExchangeId; underlying: string }
  | { kind: 'exchange'; exchange: ExchangeId };

export function subjectKey(subject: AlertSubject): string {
  switch (subject.kind) {
    case 'contract':
      return `contract:${subject.exchange}:${subject.symbol}`;
    case 'pair':
      return `pair:${subject.coin}:${subject.margin}`;
    case 'chain':
      return `chain:${subject.exchange}:${subject.underlying}`;
    case 'exchange':
      return `exchange:${subject.exchange}`;
  }
}

/** The figures that fired an alert, kept as numbers so a view formats them its own way. */
export type FiredValues =
  | { kind: 'level'; value: number; level: number; side: LevelSide }
  | { kind: 'sign-change'; rate: number; previousRate: number }
  | { kind: 'settlement'; settlementTime: number; msLeft: number }
  | { kind: 'interval-change'; intervalHours: number; previousHours: number }
  | { kind: 'link-down'; state: LinkState; downSince: number };

export interface FiredAlert {
  /** Rule, subject and time: a rule fires on a subject at most once at a time. */
  id: string;
  ruleId: string;
  time: number;
  subject: AlertSubject;
  values: FiredValues;
  /** Plain words with the figures, made where it fired (a worker has no view formatters). */
  text: string;
}
