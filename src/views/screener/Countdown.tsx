import { nextSettlement } from '../../domain/funding';
import { useNow } from '../../hooks/useNow';
import { formatCountdown, NO_VALUE } from '../format/numbers';

/** Time to the next funding, ticking each second and rolling over at each settlement. */
export function Countdown({ nextFundingTime, intervalHours }: { nextFundingTime: number | null; intervalHours: number | null }) {
  const now = useNow();
  if (nextFundingTime === null) return <>{NO_VALUE}</>;
  const target = intervalHours === null ? nextFundingTime : nextSettlement(nextFundingTime, intervalHours, now);
  return <time dateTime={new Date(target).toISOString()}>{formatCountdown(target - now)}</time>;
}
