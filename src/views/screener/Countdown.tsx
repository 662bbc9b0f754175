import type { ExchangeId } from '../../domain/exchange';
import { nextSettlement } from '../../domain/funding';
import { useVenueNow } from '../../hooks/useVenueNow';
import { formatCountdown, NO_VALUE } from '../format/numbers';

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
  const target = intervalHours === null ? nextFundingTime : nextSettlement(nextFundingTime, intervalHours, now);
  return <time dateTime={new Date(target).toISOString()}>{formatCountdown(target - now)}</time>;
}
