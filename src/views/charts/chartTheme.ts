import { ColorType, type DeepPartial, type ChartOptions, type PriceChartOptions, type Time } from 'lightweight-charts';
import { formatTime } from '../format/times';

export const COLORS = {
  mark: '#4aa3ff',
  index: '#f5b84b',
  premiumUp: 'rgba(56, 211, 159, 0.8)',
  premiumDown: 'rgba(255, 107, 107, 0.8)',
  binance: '#f0b90b',
  okx: '#d8e1ea',
  spread: '#b48cff',
};

const timeOnly = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayOnly = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** Seconds (the chart's time unit) → ms. The chart works in UTC; we format in the user's own zone. */
function msOf(time: Time): number {
  return (time as number) * 1000;
}

export function formatChartTime(time: Time): string {
  return formatTime(msOf(time), (date) => full.format(date));
}

/** A bar's open time (ms) in the user's local time, as the legend shows it. */
export function formatBarTime(ms: number | null): string {
  return formatTime(ms, (date) => full.format(date));
}

export const CHART_OPTIONS: DeepPartial<ChartOptions> = {
  autoSize: true,
  layout: {
    background: { type: ColorType.Solid, color: '#111923' },
    textColor: '#8596a8',
    fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace",
    panes: { separatorColor: '#223040' },
    // The logo injects an inline <style> our CSP refuses; ChartAttribution credits TradingView instead, as the licence asks.
    attributionLogo: false,
  },
  grid: { vertLines: { color: '#18222d' }, horzLines: { color: '#18222d' } },
  rightPriceScale: { borderColor: '#223040' },
  timeScale: {
    borderColor: '#223040',
    timeVisible: true,
    secondsVisible: false,
    tickMarkFormatter: (time: Time, tickType: number) => formatTime(msOf(time), (date) => (tickType <= 2 ? dayOnly : timeOnly).format(date)),
  },
  localization: { timeFormatter: formatChartTime },
  crosshair: { mode: 0 },
};

/** Charts whose horizontal scale is a number, not time (smiles, term structure, basis curve): fixed, no scrolling. */
export const NUMBER_SCALE_CHART_OPTIONS: DeepPartial<PriceChartOptions> = {
  autoSize: true,
  // The logo injects an inline <style> our CSP refuses; ChartAttribution credits TradingView instead, as the licence asks.
  layout: { background: { color: '#111923' }, textColor: '#8596a8', fontSize: 11, attributionLogo: false },
  grid: { vertLines: { color: '#18222d' }, horzLines: { color: '#18222d' } },
  rightPriceScale: { borderColor: '#223040' },
  timeScale: { borderColor: '#223040', fixLeftEdge: true, fixRightEdge: true },
  crosshair: { horzLine: { labelBackgroundColor: '#16212d' }, vertLine: { labelBackgroundColor: '#16212d' } },
  handleScroll: false,
  handleScale: false,
};
