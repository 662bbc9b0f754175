import type { ExchangeId } from '../../domain/exchange';
import { nextSettlement } from '../../domain/funding';
import { useVenueNow } from '../../hooks/useVenueNow';
import { formatCountdown, NO_VALUE } from '../format/numbers';
import { realDate } from '../format/times';

interface CountdownProps {
  /** Whose clock the settlement is counted on. */
  exchange: ExchangeId;
  nextFundingTime: number | null;
  intervalHours: number | null;
}

/** Time to the next funding by the venue's clock, ticking each second and rolling over at each settlement. */
export function Countdown({ exchange, nextFundingTime, intervalHours }: CountdownProps) {
  const now = useVenueNow(exchange);
  if (nextFundingTime === null) return <>{NO_VALUE}</>;
  const target = realDate(intervalHours === null ? nextFundingTime : nextSettlement(nextFundingTime, intervalHours, now));
  if (target === null) return <>{NO_VALUE}</>;
  return <time dateTime={target.toISOString()}>{formatCountdown(target.getTime() - now)}</time>;
}
