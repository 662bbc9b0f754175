import type { CarryFillCost, CarryOutcome, CarryQuote } from '../../domain/carry';
import type { CarrySettings } from '../../domain/carrySettings';
import { EXCHANGE_LABEL } from '../../domain/exchange';
import { formatHours } from '../format/durations';
import { formatBps, formatPercent, NO_VALUE } from '../format/numbers';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A cost or gain in USD, signed as it adds to the trader's result; null is a dash. */
export function formatUsd(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  const text = usd.format(Math.abs(value));
  return value < 0 ? `−${text}` : text;
}

const negated = (value: number | null) => (value === null ? null : -value);

function fillLabel(fill: CarryFillCost): string {
  return `${fill.stage === 'open' ? 'Open' : 'Close'} ${fill.leg}: ${fill.side} on ${EXCHANGE_LABEL[fill.exchange]}`;
}

function Line(props: { label: string; value: string; strong?: boolean }) {
  return (
    <tr className={props.strong ? 'total' : undefined}>
      <th scope="row">{props.label}</th>
      <td>{props.value}</td>
    </tr>
  );
}

function OutcomeLines({ outcome, leverage }: { outcome: CarryOutcome; leverage: number }) {
  return (
    <>
      <Line label="Costs" value={formatUsd(negated(outcome.costsUsd))} strong />
      <Line label="Net" value={formatUsd(outcome.netUsd)} strong />
      <Line label="Net APR on notional" value={formatPercent(outcome.netAprOnNotional, 2)} />
      <Line label={`Net APR on capital at ${leverage}×`} value={formatPercent(outcome.netAprOnCapital, 2)} />
      <Line label="Break-even" value={outcome.breakEvenHours === null ? 'never at these rates' : formatHours(outcome.breakEvenHours)} />
    </>
  );
}

/** The round trip line by line: what the spread earns over the period, each fill's fee, half spread and slippage, and what is left. */
export function CostBreakdown({ quote, settings, label }: { quote: CarryQuote; settings: CarrySettings; label: string }) {
  return (
    <table className="breakdown" aria-label={label}>
      <tbody>
        <Line label={`Gross over ${formatHours(settings.holdingHours)} (${formatPercent(quote.grossApr, 2)} a year)`} value={formatUsd(quote.grossUsd)} strong />
        {quote.fills.map((fill) => (
          <tr key={`${fill.stage}-${fill.leg}`}>
            <th scope="row">{fillLabel(fill)}</th>
            <td>
              fee {formatUsd(-fill.feeUsd)} · half spread {formatUsd(negated(fill.halfSpreadUsd))} · slippage {formatUsd(negated(fill.slippageUsd))}
            </td>
          </tr>
        ))}
        <Line label="Fees" value={formatUsd(-quote.feesUsd)} />
        <Line label="Half spreads" value={formatUsd(negated(quote.halfSpreadUsd))} />
        <Line label="Slippage through the books" value={formatUsd(negated(quote.slippageUsd))} />
        <OutcomeLines outcome={quote.net} leverage={settings.leverage} />
        <Line label="Entry basis (bps)" value={formatBps(quote.entryBasis)} />
      </tbody>
    </table>
  );
}
