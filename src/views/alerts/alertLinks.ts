import { subjectText } from '../../domain/alerts/alertText';
import type { AlertCondition, FiredValues } from '../../domain/alerts/rule';
import { EXCHANGE_LABEL } from '../../domain/exchange';
import { formatPercent } from '../format/numbers';
import { formatTime } from '../format/times';

/** What a rule watches, in a few words: "BTCUSDT (Binance)", "3 watched contracts", "Any contract". */
export function watchedText(condition: AlertCondition): string {
  switch (condition.kind) {
    case 'carry-level':
      return subjectText({ kind: 'pair', ...condition.pair });
    case 'atm-iv':
      return subjectText({ kind: 'chain', ...condition.chain });
    case 'link-down':
      return EXCHANGE_LABEL[condition.exchange];
    default: {
      const { target } = condition;
      if (target.scope === 'every') return 'Any contract';
      if (target.scope === 'contract') return subjectText({ kind: 'contract', ...target.contract });
      return target.contracts.length === 1 ? subjectText({ kind: 'contract', ...target.contracts[0]! }) : `${target.contracts.length} watched contracts`;
    }
  }
}

const localTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A time in the trader's own time zone. */
export function localTimeText(ms: number): string {
  return formatTime(ms, (date) => localTime.format(date));
}

/** The figures that fired an alert, as the views show figures. */
export function firedValuesText(values: FiredValues): string {
  switch (values.kind) {
    case 'level':
      return `${formatPercent(values.value, 2)} (${values.side} ${formatPercent(values.level, 2)})`;
    case 'sign-change':
      return `${formatPercent(values.rate, 4)} (was ${formatPercent(values.previousRate, 4)})`;
    case 'settlement':
      return `settles ${localTimeText(values.settlementTime)}`;
    case 'interval-change':
      return `${values.previousHours} h → ${values.intervalHours} h`;
    case 'link-down':
      return `${values.state} since ${localTimeText(values.downSince)}`;
  }
}
