/** Every perpetual's mark, index, funding rate and next funding time, once a second. */
export const ALL_MARK_PRICES_1S = '!markPrice@arr@1s';
/** 24 h rolling stats, once a second, only for symbols that changed. */
export const ALL_MINI_TICKERS = '!miniTicker@arr';
