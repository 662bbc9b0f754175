export const EXCHANGES = ['binance', 'okx'] as const;
export type ExchangeId = (typeof EXCHANGES)[number];

export const EXCHANGE_LABEL: Record<ExchangeId, string> = {
  binance: 'Binance',
  okx: 'OKX',
};
