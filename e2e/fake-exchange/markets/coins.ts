import { logNormal, pick, type Random } from '../core/prng.ts';

/**
 * The coins behind every instrument. A coin carries one spot price that both exchanges index
 * from, so the same coin on Binance and OKX moves together (cross-exchange rows make sense).
 */
export interface Coin {
  /** Ticker as both exchanges list it (PEPE; Binance adds the 1000 prefix per instrument). */
  name: string;
  /** Starting spot in USD. */
  price: number;
  /** Annualised volatility of the spot walk. */
  volatility: number;
  /** Median 24h quote volume of one USDT perpetual on this coin, in USD. */
  quoteVolume: number;
  /** Binance lists it as 1000X / 1000000X because one coin is worth too little. */
  binanceMultiplier: number;
  kind: 'crypto' | 'commodity' | 'equity';
  /** 0..1: how often it trades and its mark moves; thin coins sit still for seconds. */
  activity: number;
}

type MajorRow = [name: string, price: number, volatility: number, quoteVolume: number, multiplier?: number];

/** Late-2026 ballpark prices and volumes of the names a trader expects to find. */
const MAJORS: readonly MajorRow[] = [
  ['BTC', 95_400, 0.5, 14e9],
  ['ETH', 3_180, 0.65, 9e9],
  ['SOL', 182, 0.8, 3e9],
  ['BNB', 905, 0.55, 6e8],
  ['XRP', 2.31, 0.8, 1.6e9],
  ['DOGE', 0.221, 0.9, 1.4e9],
  ['ADA', 0.74, 0.85, 5e8],
  ['TRX', 0.285, 0.5, 1.5e8],
  ['AVAX', 27.8, 0.9, 4e8],
  ['LINK', 18.2, 0.85, 4.5e8],
  ['TON', 4.15, 0.8, 1.2e8],
  ['DOT', 5.42, 0.85, 1.8e8],
  ['SUI', 3.62, 1.0, 9e8],
  ['LTC', 94.5, 0.75, 3.5e8],
  ['BCH', 478, 0.75, 2.5e8],
  ['NEAR', 4.81, 0.95, 2.4e8],
  ['APT', 7.95, 0.95, 1.6e8],
  ['UNI', 9.48, 0.95, 2.2e8],
  ['ICP', 8.55, 0.95, 9e7],
  ['ETC', 21.9, 0.85, 1.1e8],
  ['FIL', 4.48, 0.95, 1.3e8],
  ['ATOM', 5.96, 0.9, 9e7],
  ['ARB', 0.652, 1.0, 2.1e8],
  ['OP', 1.61, 1.0, 1.5e8],
  ['INJ', 19.7, 1.05, 1.2e8],
  ['HBAR', 0.238, 0.95, 1.7e8],
  ['XLM', 0.381, 0.85, 1.1e8],
  ['AAVE', 281, 0.9, 3e8],
  ['TIA', 4.02, 1.1, 1.4e8],
  ['SEI', 0.352, 1.1, 1.2e8],
  ['WLD', 2.08, 1.15, 2.6e8],
  ['JUP', 0.894, 1.1, 9e7],
  ['ENA', 0.702, 1.2, 4.2e8],
  ['ONDO', 1.02, 1.1, 1.9e8],
  ['TAO', 418, 1.1, 2.2e8],
  ['FET', 1.21, 1.15, 1.7e8],
  ['RENDER', 6.05, 1.1, 1.1e8],
  ['STX', 1.52, 1.05, 6e7],
  ['IMX', 1.31, 1.05, 5e7],
  ['GALA', 0.0302, 1.1, 6e7],
  ['SAND', 0.402, 1.0, 6e7],
  ['MANA', 0.398, 1.0, 4e7],
  ['AXS', 6.1, 1.0, 4e7],
  ['CRV', 0.71, 1.1, 1.1e8],
  ['LDO', 1.49, 1.05, 8e7],
  ['PENDLE', 4.52, 1.15, 9e7],
  ['HYPE', 35.2, 1.2, 6.5e8],
  ['TRUMP', 11.9, 1.3, 3.4e8],
  ['WIF', 1.78, 1.4, 4.6e8],
  ['PEPE', 0.0000121, 1.3, 8.5e8, 1000],
  ['SHIB', 0.0000152, 1.0, 1.5e8, 1000],
  ['BONK', 0.0000251, 1.35, 1.9e8, 1000],
  ['FLOKI', 0.000132, 1.3, 7e7, 1000],
  ['SATS', 0.00000021, 1.3, 3e7, 1000],
  ['LUNC', 0.0000912, 1.1, 3e7, 1000],
  ['XEC', 0.0000302, 0.9, 1e7, 1000],
  ['MOG', 0.0000015, 1.5, 2e7, 1_000_000],
];

/** Binance's TradFi perpetuals: metals and US stocks, quoted in USDT. */
const TRADFI: readonly [name: string, price: number, volatility: number, quoteVolume: number, kind: Coin['kind']][] = [
  ['XAU', 4_112, 0.18, 9e8, 'commodity'],
  ['XAG', 50.4, 0.3, 3e8, 'commodity'],
  ['XPT', 1_632, 0.28, 1.2e7, 'commodity'],
  ['XPD', 1_410, 0.35, 6e6, 'commodity'],
  ['TSLA', 421, 0.6, 2.2e8, 'equity'],
  ['NVDA', 188, 0.5, 1.6e8, 'equity'],
  ['MSTR', 312, 0.8, 8e7, 'equity'],
  ['AAPL', 268, 0.3, 4e7, 'equity'],
  ['AMZN', 231, 0.35, 3e7, 'equity'],
  ['GOOGL', 279, 0.35, 3e7, 'equity'],
];

const SYLLABLES = ['ZO', 'RA', 'KEL', 'VO', 'XA', 'NU', 'MI', 'QUA', 'DEX', 'LU', 'TRI', 'BO', 'SKY', 'PY', 'FU', 'GO',
  'HEX', 'JA', 'KI', 'NO', 'OM', 'PRI', 'SO', 'TU', 'VER', 'WAL', 'ZE', 'AR', 'BLU', 'CY', 'DA', 'EL', 'FLO', 'GRI',
  'IO', 'LAY', 'MAG', 'NEO', 'ORB', 'PIX', 'RUN', 'SUN', 'TAL', 'UMA', 'VIA', 'WO', 'YI', 'ZK'] as const;

export function majorCoins(): Coin[] {
  return MAJORS.map(([name, price, volatility, quoteVolume, multiplier]) => ({
    name,
    price,
    volatility,
    quoteVolume,
    binanceMultiplier: multiplier ?? 1,
    kind: 'crypto',
    // Even the thinnest major trades most seconds.
    activity: Math.min(1, 0.55 + Math.log10(quoteVolume) / 20),
  }));
}

export function tradFiCoins(): Coin[] {
  return TRADFI.map(([name, price, volatility, quoteVolume, kind]) => ({
    name, price, volatility, quoteVolume, binanceMultiplier: 1, kind, activity: 0.8,
  }));
}

/** Plausible small-cap coins: made-up tickers, log-normal prices and volumes. */
export function generatedCoins(random: Random, count: number, taken: ReadonlySet<string>): Coin[] {
  const coins: Coin[] = [];
  const names = new Set(taken);
  while (coins.length < count) {
    const syllableCount = random() < 0.6 ? 2 : random() < 0.8 ? 1 : 3;
    let name = '';
    for (let i = 0; i < syllableCount; i++) name += pick(random, SYLLABLES);
    if (name.length < 3 || name.length > 8 || names.has(name)) continue;
    names.add(name);
    const price = logNormal(random, 0.35, 2.4);
    const quoteVolume = logNormal(random, 1.2e7, 1.6);
    coins.push({
      name,
      price: price < 0.0001 ? 0.0001 + price : price,
      volatility: 0.9 + random() * 1.1,
      quoteVolume,
      binanceMultiplier: 1,
      kind: 'crypto',
      // Log-volume maps to how often the book actually moves: $1M/day coins tick every few seconds.
      activity: Math.min(0.95, Math.max(0.04, (Math.log10(quoteVolume) - 5.5) / 3.5)),
    });
  }
  return coins;
}
