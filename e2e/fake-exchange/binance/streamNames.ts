import type { Market } from '../markets/market.ts';
import type { Instrument } from '../markets/instrument.ts';

/**
 * What a Binance stream name means. Names are matched exactly as the exchange does: the symbol
 * part must be lowercase (`btcusdt@markPrice@1s`); `BTCUSDT@markPrice@1s` is accepted and acked
 * by the real server but never delivers anything, and so it is here (kind 'silent').
 */
export type StreamTarget =
  | { kind: 'allMarkPrice'; everySecond: boolean }
  | { kind: 'markPrice'; instrument: Instrument; everySecond: boolean }
  | { kind: 'allMiniTicker' }
  | { kind: 'miniTicker'; instrument: Instrument }
  | { kind: 'optionMarkPrice'; underlying: string }
  | { kind: 'silent' };

export function resolveStream(name: string, market: Market): StreamTarget {
  switch (name) {
    case '!markPrice@arr':
      return { kind: 'allMarkPrice', everySecond: false };
    case '!markPrice@arr@1s':
      return { kind: 'allMarkPrice', everySecond: true };
    case '!miniTicker@arr':
      return { kind: 'allMiniTicker' };
  }
  const at = name.indexOf('@');
  if (at <= 0) return { kind: 'silent' };
  const symbolPart = name.slice(0, at);
  const channel = name.slice(at + 1);
  if (symbolPart !== symbolPart.toLowerCase()) return { kind: 'silent' };
  if (channel === 'optionMarkPrice') return { kind: 'optionMarkPrice', underlying: symbolPart.toUpperCase() };
  const instrument = market.find('binance', symbolPart.toUpperCase());
  if (!instrument) return { kind: 'silent' };
  switch (channel) {
    case 'markPrice':
      return { kind: 'markPrice', instrument, everySecond: false };
    case 'markPrice@1s':
      return { kind: 'markPrice', instrument, everySecond: true };
    case 'miniTicker':
      return { kind: 'miniTicker', instrument };
    default:
      return { kind: 'silent' };
  }
}
