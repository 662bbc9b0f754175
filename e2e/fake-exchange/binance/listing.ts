import { isCoinMargined, type Instrument } from '../markets/instrument.ts';

/**
 * Whether `fapi` (exchangeInfo, premiumIndex, klines, tickers, funding history) knows the symbol:
 * COIN-M perpetuals ride the USDⓈ-M streams but live on `dapi`, and fapi answers -1121 for them.
 */
export function onUsdsFutures(instrument: Instrument): boolean {
  return !isCoinMargined(instrument);
}
