import type { CallPut, OptionRow } from '../option';
import { bracket, interpolateTotalVariance } from './totalVariance';

const YEAR_MS = 365 * 86_400_000;

/** The delta of the wings quoted: a 25-delta call and a −25-delta put. */
export const WING_DELTA = 0.25;

/** One expiry's vol figures, as annualised fractions (0.52 = 52 vol points); null where the chain cannot give one. */
export interface ExpiryVols {
  expiry: number;
  /** Time to expiry, ACT/365. */
  years: number;
  forward: number;
  atm: number | null;
  call25: number | null;
  put25: number | null;
  /** call25 − put25. */
  riskReversal: number | null;
  /** (call25 + put25) / 2 − atm. */
  butterfly: number | null;
}

/** The expiry's forward as the newest greeks carry it (Binance: the index grown at `rf`; OKX: `fwdPx`). */
function forwardOf(options: readonly OptionRow[]): number | null {
  let newest: OptionRow | null = null;
  for (const option of options) if (option.underlyingPrice !== null && (newest === null || option.greeksTime > newest.greeksTime)) newest = option;
  return newest?.underlyingPrice ?? null;
}

/** Per strike, the out-of-the-money side's mark IV (the put below the forward, the call at or above it), else the other side's. */
export function smileOf(options: readonly OptionRow[], forward: number): { strike: number; iv: number }[] {
  const sides = new Map<number, Partial<Record<CallPut, number>>>();
  for (const option of options) {
    if (option.markIv === null || !(option.markIv > 0)) continue;
    const held = sides.get(option.strike) ?? {};
    held[option.callPut] = option.markIv;
    sides.set(option.strike, held);
  }
  return [...sides]
    .map(([strike, iv]) => ({ strike, iv: (strike < forward ? (iv.put ?? iv.call) : (iv.call ?? iv.put))! }))
    .sort((a, b) => a.strike - b.strike);
}

/** The IV at the forward: total variance linear in log-moneyness between the two strikes around it; null outside the strikes. */
export function atmVol(smile: readonly { strike: number; iv: number }[], forward: number, years: number): number | null {
  const points = smile.map(({ strike, iv }) => ({ x: Math.log(strike / forward), vol: iv, t: years }));
  const around = bracket(points, 0);
  return around ? interpolateTotalVariance({ x: 0, t: years }, around[0], around[1]) : null;
}

/** The mark IV at `delta` on one side, linear in delta between the two options around it, by the venue's own deltas; null when none are. */
export function volAtDelta(options: readonly OptionRow[], side: CallPut, delta: number): number | null {
  const points = options
    .filter((option) => option.callPut === side && option.delta !== null && option.markIv !== null && option.markIv > 0)
    .map((option) => ({ x: option.delta!, iv: option.markIv! }))
    .sort((a, b) => a.x - b.x);
  const around = bracket(points, delta);
  if (!around) return null;
  const [low, high] = around;
  return low.x === high.x ? low.iv : low.iv + ((high.iv - low.iv) * (delta - low.x)) / (high.x - low.x);
}

/** ATM, 25-delta wings, risk reversal and butterfly of one expiry's options at `now`; null once it has expired or while it has no forward. */
export function expiryVols(options: readonly OptionRow[], now: number): ExpiryVols | null {
  const expiry = options[0]?.expiry;
  if (expiry === undefined || expiry <= now) return null;
  const forward = forwardOf(options);
  if (forward === null || !(forward > 0)) return null;
  const years = (expiry - now) / YEAR_MS;
  const atm = atmVol(smileOf(options, forward), forward, years);
  const call25 = volAtDelta(options, 'call', WING_DELTA);
  const put25 = volAtDelta(options, 'put', -WING_DELTA);
  return { expiry, years, forward, atm, call25, put25, ...wingsOf(atm, call25, put25) };
}

/** Risk reversal and butterfly from the ATM and wing vols; null where a figure they need is. */
export function wingsOf(atm: number | null, call25: number | null, put25: number | null): { riskReversal: number | null; butterfly: number | null } {
  return {
    riskReversal: call25 !== null && put25 !== null ? call25 - put25 : null,
    butterfly: call25 !== null && put25 !== null && atm !== null ? (call25 + put25) / 2 - atm : null,
  };
}

/** Every expiry of a chain still ahead at `now` that gives a forward, nearest first. */
export function chainExpiryVols(options: Iterable<OptionRow>, now: number): ExpiryVols[] {
  const byExpiry = new Map<number, OptionRow[]>();
  for (const option of options) {
    if (option.expiry <= now) continue;
    const held = byExpiry.get(option.expiry);
    if (held) held.push(option);
    else byExpiry.set(option.expiry, [option]);
  }
  return [...byExpiry.values()].flatMap((expiry) => expiryVols(expiry, now) ?? []).sort((a, b) => a.expiry - b.expiry);
}

/** The ATM IV of the chain's nearest expiry still ahead at `now`, as the Term panel reads it; what an ATM IV alert watches. */
export function nearestExpiryAtm(options: Iterable<OptionRow>, now: number): number | null {
  let nearest: OptionRow[] = [];
  for (const option of options) {
    if (option.expiry <= now) continue;
    const expiry = nearest[0]?.expiry;
    if (expiry === undefined || option.expiry < expiry) nearest = [option];
    else if (option.expiry === expiry) nearest.push(option);
  }
  return expiryVols(nearest, now)?.atm ?? null;
}
