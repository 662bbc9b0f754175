import type { Instrument } from './instrument.ts';

/**
 * Decimals of an order size as the venue counts it: Binance in the symbol's base asset, at its
 * LOT_SIZE step (0.001 for BTCUSDT and XAUUSDT as live, 0.01 for SOL, whole units below $10);
 * OKX in contracts, lots of 0.01 (linear) or 1 (inverse). Taken at the coin's listing price, so it
 * never moves.
 */
export function sizeDecimals(instrument: Instrument): number {
  if (instrument.exchange === 'okx') return instrument.quote === 'USD' ? 0 : 2;
  const unitPrice = instrument.coin.price * instrument.multiplier;
  return Math.max(0, Math.min(3, Math.floor(Math.log10(unitPrice))));
}

/** How much of the base asset one unit of the venue's size holds at `price`: 1 on Binance, `ctVal` coins on OKX (`ctVal` USD on inverse swaps). */
export function basePerSizeUnit(instrument: Instrument, price: number): number {
  if (instrument.exchange === 'binance') return 1;
  return instrument.quote === 'USD' ? instrument.contractValue / price : instrument.contractValue;
}

/** `usd` worth of the instrument at `price` in the venue's size, rounded to its lot and at least one lot. */
export function sizeForUsd(instrument: Instrument, usd: number, price: number): number {
  const decimals = sizeDecimals(instrument);
  const lot = 10 ** -decimals;
  const units = usd / price / basePerSizeUnit(instrument, price);
  return Number(Math.max(lot, Math.round(units / lot) * lot).toFixed(decimals));
}
