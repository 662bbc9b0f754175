import { EXCHANGE_LABEL } from '../../domain/exchange';
import type { CarryCandidate, CarryChoice, CarryQuote } from '../../domain/termStructure/carryChoice';
import { formatPercent } from '../format/numbers';
import { formatTime } from '../format/times';

const deliveryDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function named(quote: CarryQuote): string {
  return `${EXCHANGE_LABEL[quote.exchange]} ${quote.symbol}${quote.kind === 'perp' ? ' perpetual' : ''}`;
}

/** How a perpetual's rate was counted: the worse for the holder of current and 7-day median, which the sentence names. */
function perpCounting(candidate: CarryCandidate): string {
  const quote = candidate.quote;
  if (quote.kind !== 'perp') return '';
  if (quote.median7d === null) return ` (its current funding: the 7-day median is not loaded yet)`;
  const worse = candidate.side === 'short-derivative' ? 'lower' : 'higher';
  return ` (the ${worse} of its current ${formatPercent(quote.current, 2)} and 7-day median ${formatPercent(quote.median7d, 2)} funding)`;
}

function earnings(candidate: CarryCandidate): string {
  const quote = candidate.quote;
  const pays = `${formatPercent(candidate.earns, 2)} a year`;
  if (quote.kind === 'perp') return `whose funding pays ${pays}${perpCounting(candidate)}`;
  return `whose ${candidate.side === 'short-derivative' ? 'premium' : 'discount'} to the index pays ${pays} to delivery on ${formatTime(quote.expiry, (date) => deliveryDate.format(date))}`;
}

/**
 * One sentence: which side, which instrument on which venue, and why — against the best of the
 * other kind. Funding floats and a basis is locked, so a perpetual is counted conservatively.
 */
export function carryVerdictText(coin: string, choice: CarryChoice | null): string {
  if (choice === null) return `No way to hold the ${coin} carry can be named: no fresh quote is priced yet (stale quotes are never chosen).`;
  const { best, rival } = choice;
  const legs = best.side === 'short-derivative' ? `buy ${coin} spot and short` : `sell ${coin} spot and buy`;
  const other = best.quote.kind === 'perp' ? 'dated future' : 'perpetual';
  const against =
    rival === null
      ? `; no fresh ${other} is priced to compare`
      : `, more than the best ${other}, ${named(rival.quote)} at ${formatPercent(rival.earns, 2)} a year${perpCounting(rival)}`;
  return `Cheapest carry now: ${legs} ${named(best.quote)}, ${earnings(best)}${against}.`;
}
