import { fixed, tickSize } from '../core/format.ts';
import type { Instrument } from '../markets/instrument.ts';
import { sizeDecimals } from '../markets/orderUnits.ts';

/** Perpetuals carry this far-future "delivery" date on the real exchange (2100-12-25 08:00 UTC). */
const PERPETUAL_DELIVERY_DATE = 4133404800000;
const ORDER_TYPES = ['LIMIT', 'MARKET', 'STOP', 'STOP_MARKET', 'TAKE_PROFIT', 'TAKE_PROFIT_MARKET', 'TRAILING_STOP_MARKET'];

export function exchangeInfo(instruments: Instrument[], serverTime: number): unknown {
  const quotes = [...new Set(instruments.map((instrument) => instrument.quote))];
  return {
    timezone: 'UTC',
    serverTime,
    futuresType: 'U_MARGINED',
    rateLimits: [
      { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400 },
      { rateLimitType: 'ORDERS', interval: 'MINUTE', intervalNum: 1, limit: 1200 },
      { rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 300 },
    ],
    exchangeFilters: [],
    assets: quotes.map((asset) => ({ asset, marginAvailable: true, autoAssetExchange: asset === 'USDT' ? '-10000' : '0' })),
    symbols: instruments.map((instrument) => symbolInfo(instrument, instruments)),
  };
}

function symbolInfo(instrument: Instrument, all: readonly Instrument[]): unknown {
  const decimals = instrument.priceDecimals;
  const quantityDecimals = sizeDecimals(instrument);
  const pair = instrument.symbol.split('_')[0]!;
  return {
    symbol: instrument.symbol,
    pair,
    contractType: contractType(instrument, all),
    deliveryDate: instrument.deliveryTime ?? PERPETUAL_DELIVERY_DATE,
    onboardDate: instrument.onboardTime,
    status: instrument.status,
    maintMarginPercent: '2.5000',
    requiredMarginPercent: '5.0000',
    // The symbol less its quote: 1000PEPE for 1000PEPEUSDT, and whatever a relisted symbol spells.
    baseAsset: pair.slice(0, -instrument.quote.length),
    quoteAsset: instrument.quote,
    marginAsset: instrument.quote,
    pricePrecision: decimals,
    quantityPrecision: quantityDecimals,
    baseAssetPrecision: 8,
    quotePrecision: 8,
    underlyingType: underlyingType(instrument),
    underlyingSubType: instrument.kind === 'tradfi' ? ['TradFi'] : [],
    settlePlan: 0,
    triggerProtect: '0.0500',
    liquidationFee: '0.012500',
    marketTakeBound: '0.05',
    maxMoveOrderLimit: 10000,
    filters: [
      {
        filterType: 'PRICE_FILTER',
        minPrice: tickSize(decimals),
        maxPrice: fixed(instrument.state.mark * 50, decimals),
        tickSize: tickSize(decimals),
      },
      { filterType: 'LOT_SIZE', stepSize: tickSize(quantityDecimals), maxQty: '1000000', minQty: tickSize(quantityDecimals) },
      { filterType: 'MARKET_LOT_SIZE', stepSize: tickSize(quantityDecimals), maxQty: '120000', minQty: tickSize(quantityDecimals) },
      { filterType: 'MAX_NUM_ORDERS', limit: 200 },
      { filterType: 'MAX_NUM_ALGO_ORDERS', limit: 10 },
      { filterType: 'MIN_NOTIONAL', notional: '5' },
      { filterType: 'PERCENT_PRICE', multiplierUp: '1.0500', multiplierDown: '0.9500', multiplierDecimal: '4' },
    ],
    orderTypes: ORDER_TYPES,
    timeInForce: ['GTC', 'IOC', 'FOK', 'GTX', 'GTD'],
    permissionSets: ['GRID', 'COPY'],
  };
}

/** Binance files stock and metal perpetuals under their own contract type; quarterlies by which quarter. */
export function contractType(instrument: Instrument, all: readonly Instrument[]): string {
  if (instrument.kind === 'tradfi') return 'TRADIFI_PERPETUAL';
  if (instrument.kind === 'perpetual') return 'PERPETUAL';
  const earlier = all.some(
    (other) => other.kind === 'delivery' && other.coin === instrument.coin && other.deliveryTime! < instrument.deliveryTime!,
  );
  return earlier ? 'NEXT_QUARTER' : 'CURRENT_QUARTER';
}

function underlyingType(instrument: Instrument): string {
  if (instrument.coin.kind === 'equity') return 'EQUITY';
  if (instrument.coin.kind === 'commodity') return 'COMMODITY';
  return 'COIN';
}
