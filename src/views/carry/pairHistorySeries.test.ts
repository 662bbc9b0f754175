import { describe, expect, it } from 'vitest';
import { completeHistory, type FundingSettlement } from '../../domain/fundingHistory';
import type { PairSpreadStats } from '../../domain/fundingSpread';
import { annualiseHistory } from '../../domain/fundingStats';
import { pairHistorySeries, pairHistorySummary } from './pairHistorySeries';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const T = Date.UTC(2026, 0, 10);
const S = T / 1000;
const NOW = T + 9 * HOUR;

const funding = (settlements: FundingSettlement[], from: number, intervalHours: number) => annualiseHistory(completeHistory(settlements, from, NOW), intervalHours);

/** Long Binance, 8 h, stamped 3 ms past the hour: 0.01 %, 0.01 %, 0.02 % → 10.95 %, 10.95 %, 21.90 % a year. */
const long = funding(
  [
    { time: T - 8 * HOUR + 3, rate: 0.0001 },
    { time: T + 3, rate: 0.0001 },
    { time: T + 8 * HOUR + 3, rate: 0.0002 },
  ],
  T - 10 * DAY,
  8,
);
/** Short OKX, 4 h, on the hour: 0.01 %, 0.02 %, −0.01 %, 0.03 % → 21.90 %, 43.80 %, −21.90 %, 65.70 % a year. */
const short = funding(
  [
    { time: T - 4 * HOUR, rate: 0.0001 },
    { time: T, rate: 0.0002 },
    { time: T + 4 * HOUR, rate: -0.0001 },
    { time: T + 8 * HOUR, rate: 0.0003 },
  ],
  T - 12 * HOUR,
  4,
);

const rounded = (points: { time: number; value: number }[]) => points.map(({ time, value }) => [time, Number(value.toFixed(6))]);

const stats = (latest: number | null, median7d: number | null): PairSpreadStats => ({ latest, median7d, median30d: null, alive: null, stability30d: null, standing: null });

describe('pairHistorySeries', () => {
  it('draws each leg annualised by its own interval, at whole seconds', () => {
    const series = pairHistorySeries(long, short);
    expect(rounded(series.long)).toEqual([
      [S - 8 * 3600, 0.1095],
      [S, 0.1095],
      [S + 8 * 3600, 0.219],
    ]);
    expect(rounded(series.short)).toEqual([
      [S - 4 * 3600, 0.219],
      [S, 0.438],
      [S + 4 * 3600, -0.219],
      [S + 8 * 3600, 0.657],
    ]);
  });

  it('draws the spread (short − long) once both legs have settled, the newest of one second holding', () => {
    // −4 h: 0.219 − 0.1095. At 0 the short settles, 3 ms later the long: 0.438 − 0.1095 both times.
    // +8 h: 0.657 − 0.1095 = 0.5475 until the long settles 3 ms later: 0.657 − 0.219 = 0.438 holds.
    expect(rounded(pairHistorySeries(long, short).spread)).toEqual([
      [S - 4 * 3600, 0.1095],
      [S, 0.3285],
      [S + 4 * 3600, -0.3285],
      [S + 8 * 3600, 0.438],
    ]);
  });

  it('draws a leg not held as nothing, and no spread without both', () => {
    const series = pairHistorySeries(null, short);
    expect(series.long).toEqual([]);
    expect(series.short).toHaveLength(4);
    expect(series.spread).toEqual([]);
  });
});

describe('pairHistorySummary', () => {
  it('names each leg’s settlements over the days it covers, and the spread now and its 7-day median', () => {
    // Long covered from 10 days before T: 10 days 9 h → 10 days. Short from 12 h before T: 21 h.
    expect(pairHistorySummary({ name: 'Long Binance BTCUSDT', funding: long }, { name: 'short OKX BTC-USDT-SWAP', funding: short }, stats(0.438, 0.1095), NOW)).toBe(
      'Long Binance BTCUSDT: 3 settlements over 10 days; short OKX BTC-USDT-SWAP: 4 settlements over less than a day; annualised spread now +43.80%, 7-day median +10.95%',
    );
  });

  it('says what is missing with a dash, never NaN', () => {
    expect(pairHistorySummary({ name: 'Long Binance BTCUSD_PERP', funding: null }, { name: 'short OKX BTC-USD-SWAP', funding: short }, null, NOW)).toBe(
      'Long Binance BTCUSD_PERP: no settlements held; short OKX BTC-USD-SWAP: 4 settlements over less than a day; annualised spread now —, 7-day median —',
    );
  });
});
