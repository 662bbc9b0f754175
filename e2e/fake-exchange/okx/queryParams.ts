import { parameterError } from './rest.ts';

/** A millisecond cursor (`after`, `before`), or undefined when not given; anything else is 51000. */
export function optionalTime(query: URLSearchParams, name: string): number | undefined {
  const text = query.get(name);
  if (text === null || text === '') return undefined;
  if (!/^\d{1,16}$/.test(text)) throw parameterError(name);
  return Number(text);
}

/** `limit`, defaulting to and capped at the endpoint's maximum (what OKX answers above it is not documented). */
export function limitOf(query: URLSearchParams, max: number): number {
  const text = query.get('limit');
  if (text === null || text === '') return max;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 1) throw parameterError('limit');
  return Math.min(limit, max);
}
