/** Why a view counts some contracts as having no history: said once, for every view that counts them. */
export const COIN_MARGINED_HISTORY_NOTE = 'Binance serves coin-margined history on a host this page does not call';
