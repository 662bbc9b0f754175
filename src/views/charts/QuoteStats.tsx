import type { PerpRow } from '../../domain/perp';
import { formatBps, formatPercent, formatPrice, signClass } from '../format/numbers';
import { Countdown } from '../screener/Countdown';
import { formatTime } from '../format/times';

/** The perpetual's live numbers above its chart: the same normalised values the screener shows. */
export function QuoteStats({ quote }: { quote: PerpRow }) {
  const interval = quote.intervalHours === null ? '' : ` per ${quote.intervalHours}h${quote.intervalAssumed ? ' (assumed)' : ''}`;
  return (
    <dl className="quote-stats" aria-label={`${quote.symbol} live values`}>
      <div>
        <dt>Mark</dt>
        <dd>{formatPrice(quote.mark)}</dd>
      </div>
      <div>
        <dt>Index</dt>
        <dd>{formatPrice(quote.index)}</dd>
      </div>
      <div>
        <dt>Premium (bps)</dt>
        <dd className={signClass(quote.premium)}>{formatBps(quote.premium)}</dd>
      </div>
      <div>
        <dt>Funding{interval}</dt>
        <dd className={signClass(quote.fundingRate)}>{formatPercent(quote.fundingRate, 4)}</dd>
      </div>
      <div>
        <dt>Annualised</dt>
        <dd className={signClass(quote.annualised)}>{formatPercent(quote.annualised, 2)}</dd>
      </div>
      <div>
        <dt>Last settled</dt>
        <dd className={signClass(quote.settledFundingRate)}>
          {formatPercent(quote.settledFundingRate, 4)}
          {quote.lastSettlementTime === null ? null : <small> at {settlementClock(quote.lastSettlementTime)}</small>}
        </dd>
      </div>
      <div>
        <dt>Next funding</dt>
        <dd>
          <Countdown exchange={quote.exchange} nextFundingTime={quote.nextFundingTime} intervalHours={quote.intervalHours} />
        </dd>
      </div>
    </dl>
  );
}

/** The settlement's time of day in UTC, as the venues schedule them: "08:00 UTC". */
function settlementClock(time: number): string {
  return formatTime(time, (date) => `${date.toISOString().slice(11, 16)} UTC`);
}
