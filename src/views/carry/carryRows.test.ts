import { describe, expect, it } from 'vitest';
import { DEFAULT_CARRY_SETTINGS } from '../../domain/carrySettings';
import type { PerpMarket, PerpRow } from '../../domain/perp';
import { emptyRow, withDerived } from '../../ingest/perpRows';
import { parseCarryParams } from './carryParams';
import { carryRows } from './carryRows';

function quote(exchange: 'binance' | 'okx', symbol: string, coin: string, rate: number, hours: number, market: PerpMarket = 'crypto'): PerpRow {
  const row = emptyRow({ exchange, symbol, base: coin, quoteAsset: 'USDT', coin, market, margin: 'linear' }, null);
  return withDerived({ ...row, fundingRate: rate, intervalHours: hours, quoteVolume24h: 1e9 });
}

const rows = [
  quote('binance', 'BTCUSDT', 'BTC', 0.0001, 8),
  quote('okx', 'BTC-USDT-SWAP', 'BTC', 0.0003, 8),
  quote('binance', '1000PEPEUSDT', 'PEPE', 0.0005, 4),
  quote('okx', 'PEPE-USDT-SWAP', 'PEPE', 0.0001, 8),
  // Binance lists gold as TradFi; OKX's gold swap is filed as crypto: the pair is TradFi.
  quote('binance', 'XAUUSDT', 'XAU', 0.0002, 4, 'tradfi'),
  quote('okx', 'XAU-USDT-SWAP', 'XAU', 0.0001, 8),
];
const noHistory = () => null;
const rowsAt = (search: string) => carryRows(rows, parseCarryParams(new URLSearchParams(search)), DEFAULT_CARRY_SETTINGS, noHistory);

describe('carryRows', () => {
  it('longs the leg paying less an hour and shorts the other, whichever venue that is', () => {
    const legs = rowsAt('').map((row) => [row.coin, row.long?.symbol, row.short?.symbol]);
    expect(legs).toEqual([
      ['BTC', 'BTCUSDT', 'BTC-USDT-SWAP'],
      // 0.0005 every 4 h beats 0.0001 every 8 h per hour: long OKX, short Binance.
      ['PEPE', 'PEPE-USDT-SWAP', '1000PEPEUSDT'],
      ['XAU', 'XAU-USDT-SWAP', 'XAUUSDT'],
    ]);
    // (0.0005 / 4 − 0.0001 / 8) × 8,760 h.
    expect(rowsAt('q=PEPE')[0]!.quote!.grossApr).toBeCloseTo((0.0005 / 4 - 0.0001 / 8) * 8760, 12);
  });

  it('counts a pair as TradFi when either leg tracks a traditional asset', () => {
    expect(rowsAt('market=tradfi').map((row) => row.coin)).toEqual(['XAU']);
    expect(rowsAt('market=crypto').map((row) => row.coin)).toEqual(['BTC', 'PEPE']);
  });
});
