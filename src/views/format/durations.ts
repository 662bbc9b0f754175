import { NO_VALUE } from './numbers';

/** Hours as a trader reads a holding time: "45 min", "14.0 h", "3.2 d"; null is a dash. */
export function formatHours(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours) || hours < 0) return NO_VALUE;
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${hours.toFixed(1)} h`;
  return `${(hours / 24).toFixed(1)} d`;
}
