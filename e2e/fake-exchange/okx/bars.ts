import type { BarGrid } from '../markets/candles.ts';
import { OKX_BARS, type OkxBar } from './channels.ts';

/** OKX bars at 6H and longer open on Hong Kong time (UTC+8) unless the name ends in `utc`. */
const HONG_KONG_OFFSET_MINUTES = -8 * 60;
/** 1970-01-01 was a Thursday; weeks open on Monday. */
const MONDAY_OFFSET_MINUTES = 4 * 1440;

const MINUTES: Record<string, number> = {
  '1m': 1, '3m': 3, '5m': 5, '15m': 15, '30m': 30, '1H': 60, '2H': 120, '4H': 240,
  '6H': 360, '12H': 720, '1D': 1440, '2D': 2880, '3D': 4320, '1W': 10080,
};

export function isOkxBar(bar: string): bar is OkxBar {
  return (OKX_BARS as readonly string[]).includes(bar);
}

export function okxGrid(bar: OkxBar): BarGrid {
  const utc = bar.endsWith('utc');
  const name = utc ? bar.slice(0, -3) : bar;
  const minutes = MINUTES[name]!;
  const weekly = name === '1W' ? MONDAY_OFFSET_MINUTES : 0;
  return { minutes, offsetMinutes: weekly + (utc ? 0 : HONG_KONG_OFFSET_MINUTES) };
}
