import { unitAt } from './random.ts';

/**
 * Rolling 24 h trading statistics for an option's ticker. Options trade rarely, so these are not
 * simulated trade by trade: they are drawn per option and hour around the current mark, always
 * consistent with each other (low ≤ open, last ≤ high) and on the venue's tick.
 */
export interface DayStats {
  open: number;
  high: number;
  low: number;
  last: number;
  lastSize: number;
  /** In the venue's size unit. */
  volume: number;
  trades: number;
  /** When the last trade happened (ms). */
  lastTradeTime: number;
}

const HOUR_MS = 3_600_000;
/** Draw numbers, kept apart from the quote's draws (quote.ts uses 1–5). */
const DRAW = { open: 11, last: 12, high: 13, low: 14, trades: 15, size: 16, age: 17 } as const;

export function dayStats(
  hash: number,
  now: number,
  mark: number,
  tickAt: (price: number) => number,
  lotSize: number,
): DayStats {
  const hour = Math.floor(now / HOUR_MS);
  const draw = (which: number) => unitAt(hash, hour, which);
  const onTick = (price: number, round: (x: number) => number) => {
    const tick = tickAt(price);
    return Math.max(round(price / tick), 0) * tick;
  };
  const open = onTick(mark * (0.8 + 0.4 * draw(DRAW.open)), Math.round);
  const last = onTick(mark * (0.97 + 0.06 * draw(DRAW.last)), Math.round);
  const trades = 1 + Math.floor(40 * draw(DRAW.trades));
  const lastSize = lotSize * (1 + Math.floor(20 * draw(DRAW.size)));
  return {
    open,
    last,
    high: onTick(Math.max(open, last) * (1 + 0.15 * draw(DRAW.high)), Math.ceil),
    low: onTick(Math.min(open, last) * (1 - 0.15 * draw(DRAW.low)), Math.floor),
    lastSize,
    volume: lastSize * trades,
    trades,
    lastTradeTime: now - Math.floor(draw(DRAW.age) * HOUR_MS),
  };
}
