import { nextSettlement } from '../../domain/funding';
import { useNow } from '../../hooks/useNow';
import { formatCountdown, NO_VALUE } from '../format/numbers';
import { realDate } from '../format/times';

/** Time to the next funding, ticking each second and rolling over at each settlement. */
export function Countdown({ nextFundingTime, intervalHours }: { nextFundingTime: number | null; intervalHours: number | null }) {
  const now = useNow();
  if (nextFundingTime === null) return <>{NO_VALUE}</>;
  const target = realDate(intervalHours === null ? nextFundingTime : nextSettlement(nextFundingTime, intervalHours, now));
  if (target === null) return <>{NO_VALUE}</>;
  return <time dateTime={target.toISOString()}>{formatCountdown(target.getTime() - now)}</time>;
}
