/** Binance's answer to a restricted location (HTTP 451), REST and WebSocket handshake alike. */
export const BINANCE_GEO_BLOCK_BODY = JSON.stringify({
  code: 0,
  msg: "Service unavailable from a restricted location according to 'b. Eligibility' in https://www.binance.com/en/terms. Please contact customer service if you believe you received this message in error.",
});
