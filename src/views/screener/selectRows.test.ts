import { describe, expect, it } from 'vitest';
import { emptyRow, withDerived } from '../../ingest/perpRows';
import type { PerpMargin, PerpMarket, PerpRow } from '../../domain/perp';
import { filterPerps } from './selectRows';
import { parseScreenerParams, screenerSearch } from './screenerParams';

function quote(
  exchange: 'binance' | 'okx',
  symbol: string,
  base: string,
  quoteAsset: string,
  rate: number,
  hours: number,
  volume: number,
  market: PerpMarket = 'crypto',
): PerpRow {
  const margin: PerpMargin = quoteAsset === 'USD' ? 'inverse' : 'linear';
  const row = emptyRow({ exchange, symbol, base, quoteAsset: quoteAsset, coin: base.replace(/^1000/, ''), market, margin }, null);
  return withDerived({ ...row, fundingRate: rate, intervalHours: hours, quoteVolume24h: volume });
}

const rows = [
  quote('binance', 'BTCUSDT', 'BTC', 'USDT', 0.0001, 8, 5e9),
  quote('binance', 'BTCUSDC', 'BTC', 'USDC', 0.0002, 8, 9e9),
  quote('binance', '1000PEPEUSDT', '1000PEPE', 'USDT', 0.0005, 4, 2e8),
  quote('binance', 'ONLYBUSDT', 'ONLYB', 'USDT', 0.001, 1, 1e5),
  quote('okx', 'BTC-USDT-SWAP', 'BTC', 'USDT', 0.0003, 8, 3e9),
  quote('okx', 'BTC-USD-SWAP', 'BTC', 'USD', 0.0009, 8, 4e9),
  quote('okx', 'PEPE-USDT-SWAP', 'PEPE', 'USDT', 0.0001, 8, 1e8),
];
const tradFi = quote('binance', 'XAUUSDT', 'XAU', 'USDT', 0.0002, 4, 9e8, 'tradfi');

describe('filterPerps', () => {
  it('filters by exchange, quote, minimum volume and coin search', () => {
    const params = parseScreenerParams(new URLSearchParams('ex=binance&quote=usdt&minVol=1000000&q=pe'));
    expect(filterPerps(rows, params).map((r) => r.symbol)).toEqual(['1000PEPEUSDT']);
    expect(filterPerps(rows, parseScreenerParams(new URLSearchParams())).length).toBe(7);
  });

  it('filters by market: crypto, TradFi or all', () => {
    const all = [...rows, tradFi];
    const symbols = (search: string) => filterPerps(all, parseScreenerParams(new URLSearchParams(search))).map((r) => r.symbol);
    expect(symbols('market=tradfi')).toEqual(['XAUUSDT']);
    expect(symbols('market=crypto')).toEqual(rows.map((r) => r.symbol));
    expect(symbols('')).toHaveLength(8);
  });
});

describe('screener URL params', () => {
  it('round-trip, leaving defaults out', () => {
    const params = parseScreenerParams(new URLSearchParams('sort=volume.asc,symbol.desc&quote=USDC&minVol=5000&q=eth&rate=interval&market=tradfi'));
    expect(params.market).toBe('tradfi');
    expect(params.sort).toEqual([
      { id: 'volume', desc: false },
      { id: 'symbol', desc: true },
    ]);
    expect(parseScreenerParams(screenerSearch(params))).toEqual(params);
    expect(screenerSearch(parseScreenerParams(new URLSearchParams())).toString()).toBe('');
  });

  it('ignores junk', () => {
    const params = parseScreenerParams(new URLSearchParams('sort=<script>.desc&ex=kraken&minVol=-4&quote=<b>&market=stocks'));
    expect(params.market).toBe('all');
    expect(params.sort).toEqual([{ id: 'funding', desc: true }]);
    expect(params.exchanges).toEqual(['binance', 'okx']);
    expect(params.minVolume).toBe(0);
    expect(params.quote).toBe('B');
  });
});
