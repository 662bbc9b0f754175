import { describe, expect, it } from 'vitest';
import { emptyRow, withDerived } from '../ingest/perpRows';
import type { PerpMargin, PerpMarket, PerpRow } from './perp';
import { mainContractFor, pairContracts } from './contractPairs';

function quote(exchange: 'binance' | 'okx', symbol: string, base: string, quoteAsset: string, volume: number, market: PerpMarket = 'crypto'): PerpRow {
  const margin: PerpMargin = quoteAsset === 'USD' ? 'inverse' : 'linear';
  const row = emptyRow({ exchange, symbol, base, quoteAsset, coin: base.replace(/^1000/, ''), market, margin }, null);
  return withDerived({ ...row, fundingRate: 0.0001, intervalHours: 8, quoteVolume24h: volume });
}

const rows = [
  quote('binance', 'BTCUSDT', 'BTC', 'USDT', 5e9),
  quote('binance', 'BTCUSDC', 'BTC', 'USDC', 9e9),
  quote('binance', '1000PEPEUSDT', '1000PEPE', 'USDT', 2e8),
  quote('binance', 'ONLYBUSDT', 'ONLYB', 'USDT', 1e5),
  quote('okx', 'BTC-USDT-SWAP', 'BTC', 'USDT', 3e9),
  quote('okx', 'BTC-USD-SWAP', 'BTC', 'USD', 4e9),
  quote('okx', 'PEPE-USDT-SWAP', 'PEPE', 'USDT', 1e8),
];
// COIN-M: the most traded BTC contract of all, which must still pair only with OKX's coin-margined swap.
const coinMargined = quote('binance', 'BTCUSD_PERP', 'BTC', 'USD', 2e10);
const everything = { minVolume: 0, search: '' };

describe('pairContracts', () => {
  it('pairs each coin’s main contracts, the USDT one before a more traded USDC one, and leaves a coin on one venue out', () => {
    expect(pairContracts(rows, everything).map((p) => [p.key, p.binance.symbol, p.okx.symbol])).toEqual([
      ['BTC:linear', 'BTCUSDT', 'BTC-USDT-SWAP'],
      ['PEPE:linear', '1000PEPEUSDT', 'PEPE-USDT-SWAP'],
    ]);
  });

  it('pairs linear with linear and coin-margined with coin-margined, one pair each', () => {
    expect(pairContracts([...rows, coinMargined], { minVolume: 0, search: 'btc' }).map((p) => [p.key, p.margin, p.binance.symbol, p.okx.symbol])).toEqual([
      ['BTC:linear', 'linear', 'BTCUSDT', 'BTC-USDT-SWAP'],
      ['BTC:inverse', 'inverse', 'BTCUSD_PERP', 'BTC-USD-SWAP'],
    ]);
  });

  it('needs both legs to meet the minimum volume', () => {
    // PEPE's OKX leg trades 1e8: under a 1.5e8 minimum the pair goes, though its Binance leg passes.
    expect(pairContracts(rows, { minVolume: 1.5e8, search: '' }).map((p) => p.coin)).toEqual(['BTC']);
  });
});

describe('mainContractFor', () => {
  it('finds the other venue’s contract a pair would use, or nothing', () => {
    expect(mainContractFor(rows, 'okx', 'BTC', 'linear')?.symbol).toBe('BTC-USDT-SWAP');
    expect(mainContractFor([...rows, coinMargined], 'binance', 'BTC', 'inverse')?.symbol).toBe('BTCUSD_PERP');
    expect(mainContractFor(rows, 'okx', 'ONLYB', 'linear')).toBeUndefined();
  });
});
