import type { OkxArg, OkxPath } from './connection.ts';

/** Bars OKX offers for candle channels: Hong Kong-aligned by default, `utc` variants aligned to UTC. */
export const OKX_BARS = ['1m', '3m', '5m', '15m', '30m', '1H', '2H', '4H', '6H', '12H', '1D', '2D', '3D', '1W',
  '6Hutc', '12Hutc', '1Dutc', '2Dutc', '3Dutc', '1Wutc'] as const;
export type OkxBar = (typeof OKX_BARS)[number];

/** What a subscription resolves to; `key` identifies one payload stream shared by all its subscribers. */
export type OkxChannel =
  | { kind: 'instruments'; key: string; instType: 'SWAP' | 'OPTION' }
  | { kind: 'mark-price' | 'tickers'; key: string; instId: string }
  | { kind: 'funding-rate'; key: string; instId: string }
  | { kind: 'index-tickers'; key: string; instId: string }
  | { kind: 'opt-summary'; key: string; instFamily: string }
  | { kind: 'mark-price-candle' | 'index-candle'; key: string; instId: string; bar: OkxBar };

/** What exists, for validating args (the options model adds its instruments and families). */
export interface OkxCatalog {
  hasSwap(instId: string): boolean;
  hasOption(instId: string): boolean;
  /** A dated future (FUTURES): it has a mark-price channel, and no funding. */
  hasFuture(instId: string): boolean;
  hasIndex(instId: string): boolean;
  hasOptionFamily(instFamily: string): boolean;
}

const PUBLIC_CHANNELS = new Set(['instruments', 'mark-price', 'tickers', 'funding-rate', 'index-tickers', 'opt-summary']);

/** Resolves an arg on a path, or null: OKX then answers 60018 "wrong URL or channel". */
export function resolveOkxChannel(arg: OkxArg, path: OkxPath, catalog: OkxCatalog): OkxChannel | null {
  const { channel, instId, instType, instFamily } = arg;
  if (!channel) return null;
  if (path === 'public' && PUBLIC_CHANNELS.has(channel)) {
    switch (channel) {
      case 'instruments':
        return instType === 'SWAP' || instType === 'OPTION' ? { kind: 'instruments', key: `instruments|${instType}`, instType } : null;
      case 'mark-price':
      case 'tickers':
        return instId && (catalog.hasSwap(instId) || catalog.hasOption(instId) || (channel === 'mark-price' && catalog.hasFuture(instId)))
          ? { kind: channel, key: `${channel}|${instId}`, instId }
          : null;
      case 'funding-rate':
        return instId && catalog.hasSwap(instId) ? { kind: channel, key: `${channel}|${instId}`, instId } : null;
      case 'index-tickers':
        return instId && catalog.hasIndex(instId) ? { kind: channel, key: `${channel}|${instId}`, instId } : null;
      case 'opt-summary':
        return instFamily && catalog.hasOptionFamily(instFamily) ? { kind: channel, key: `${channel}|${instFamily}`, instFamily } : null;
    }
  }
  if (path === 'business') {
    const candle = /^(mark-price-candle|index-candle)(.+)$/.exec(channel);
    const bar = candle?.[2] as OkxBar | undefined;
    if (!candle || !bar || !(OKX_BARS as readonly string[]).includes(bar) || !instId) return null;
    const kind = candle[1] as 'mark-price-candle' | 'index-candle';
    const exists = kind === 'index-candle' ? catalog.hasIndex(instId) : catalog.hasSwap(instId) || catalog.hasOption(instId);
    return exists ? { kind, key: `${channel}|${instId}`, instId, bar } : null;
  }
  return null;
}

/** "channel:mark-price,instId:FOO-USDT-SWAP": how OKX names the failed arg in 60018. */
export function describeArg(arg: OkxArg): string {
  return Object.entries(arg)
    .map(([name, value]) => `${name}:${value}`)
    .join(',');
}
