import { EXCHANGE_LABEL } from '../exchange';
import type { PerpMargin } from '../perp';
import type { AlertCondition, AlertRule, AlertSubject, ContractRef, ContractTarget, FiredValues } from './rule';

const MINUTE_MS = 60_000;
/** A watchlist longer than this is counted, not spelled out. */
const NAMED_CONTRACTS = 3;

const MARGIN_LABEL: Record<PerpMargin, string> = { linear: 'linear', inverse: 'coin-margined' };

const percentFormats = new Map<number, Intl.NumberFormat>();

/** A fraction as a percentage, sign shown as the views show it (−5%); the caller never passes a missing value. */
function percentText(fraction: number, decimals: number): string {
  let format = percentFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals });
    percentFormats.set(decimals, format);
  }
  const text = format.format(Math.abs(fraction * 100));
  return `${fraction < 0 && text !== '0' ? '−' : ''}${text}%`;
}

/** A period's funding rate: small, so more decimals, and always signed. */
function rateText(rate: number): string {
  return `${rate > 0 ? '+' : ''}${percentText(rate, 4)}`;
}

function minutesText(minutes: number): string {
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

function contractText({ exchange, symbol }: ContractRef): string {
  return `${symbol} (${EXCHANGE_LABEL[exchange]})`;
}

function targetText(target: ContractTarget): string {
  switch (target.scope) {
    case 'contract':
      return contractText(target.contract);
    case 'watchlist':
      return target.contracts.length <= NAMED_CONTRACTS ? target.contracts.map(contractText).join(', ') : `${target.contracts.length} watched contracts`;
    case 'every':
      return 'Any contract';
  }
}

export function subjectText(subject: AlertSubject): string {
  switch (subject.kind) {
    case 'contract':
      return contractText(subject);
    case 'pair':
      return `${subject.coin} ${MARGIN_LABEL[subject.margin]} pair`;
    case 'chain':
      return `${subject.underlying} options (${EXCHANGE_LABEL[subject.exchange]})`;
    case 'exchange':
      return EXCHANGE_LABEL[subject.exchange];
  }
}

/** The figure a level rule watches, in words. */
function measureText(condition: AlertCondition): string {
  switch (condition.kind) {
    case 'funding-level':
      return condition.basis === 'current' ? 'annualised funding' : 'next-interval annualised funding';
    case 'carry-level':
      return 'net carry';
    case 'atm-iv':
      return 'ATM IV (nearest expiry)';
    default:
      return '';
  }
}

/** The rule in one line: "BTCUSDT (Binance) annualised funding above 30%". */
export function describeRule({ condition }: AlertRule): string {
  switch (condition.kind) {
    case 'funding-level':
      return `${targetText(condition.target)} ${measureText(condition)} ${condition.side} ${percentText(condition.level, 2)}`;
    case 'carry-level':
      return `${subjectText({ kind: 'pair', ...condition.pair })} ${measureText(condition)} ${condition.side} ${percentText(condition.level, 2)}`;
    case 'atm-iv':
      return `${subjectText({ kind: 'chain', ...condition.chain })} ${measureText(condition)} ${condition.side} ${percentText(condition.level, 2)}`;
    case 'sign-change':
      return `${targetText(condition.target)} funding changes sign`;
    case 'settlement':
      return `${targetText(condition.target)} ${minutesText(condition.minutes)} before each settlement`;
    case 'interval-change':
      return `${targetText(condition.target)} funding interval changes`;
    case 'link-down':
      return `${EXCHANGE_LABEL[condition.exchange]} connection down for ${minutesText(condition.minutes)}`;
  }
}

/** What fired, with its figures: "BTCUSDT (Binance) annualised funding 31.5% is above 30%". */
export function firedText({ condition }: AlertRule, subject: AlertSubject, values: FiredValues, time: number): string {
  const who = subjectText(subject);
  switch (values.kind) {
    case 'level':
      return `${who} ${measureText(condition)} ${percentText(values.value, 2)} is ${values.side} ${percentText(values.level, 2)}`;
    case 'sign-change':
      return `${who} funding turned ${values.rate > 0 ? 'positive' : 'negative'}: ${rateText(values.rate)} (was ${rateText(values.previousRate)})`;
    case 'settlement':
      return `${who} settles in ${minutesText(Math.ceil(values.msLeft / MINUTE_MS))}`;
    case 'interval-change':
      return `${who} funding interval changed from ${values.previousHours} h to ${values.intervalHours} h`;
    case 'link-down':
      return `${who} connection down for ${minutesText(Math.floor((time - values.downSince) / MINUTE_MS))} (${values.state})`;
  }
}
