import {
  createChart,
  HistogramSeries,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
  type MouseEventParams,
  type UTCTimestamp,
} from 'lightweight-charts';
import type { Candle, ChartInterval } from '../../domain/candles';
import { barPremium, LiveBars, type MarkIndexBar } from '../../domain/liveBars';
import { CHART_OPTIONS, COLORS } from './chartTheme';
import { bps, chartTime, lineData, msOf } from './seriesData';

/** Bars kept per chart: history plus live bars never exceed this, however long the page stays open. */
export const MAX_BARS = 1500;

/** What the legend shows: the bar under the crosshair, or the newest bar when the pointer is away. */
export interface MarkIndexLegend {
  time: number | null;
  mark: number | null;
  index: number | null;
  premium: number | null;
}

export interface ChartSummary {
  bars: number;
  liveUpdates: number;
  first: number | null;
  last: number | null;
}

function premiumHistogram(bars: readonly MarkIndexBar[]) {
  return lineData(bars, (bar) => bps(barPremium(bar))).map((point) => ({
    ...point,
    color: point.value >= 0 ? COLORS.premiumUp : COLORS.premiumDown,
  }));
}

/**
 * The imperative chart for one perpetual: mark and index lines on one price scale, the premium
 * (bps) as a histogram in its own pane. History goes in with setData, live ticks with update;
 * React never holds the points.
 */
export class MarkIndexChart {
  private readonly chart: IChartApi;
  private readonly mark: ISeriesApi<'Line'>;
  private readonly index: ISeriesApi<'Line'>;
  private readonly premium: ISeriesApi<'Histogram'>;
  private readonly bars: LiveBars;
  private liveUpdates = 0;

  constructor(
    container: HTMLElement,
    interval: ChartInterval,
    private readonly onLegend: (values: MarkIndexLegend) => void,
  ) {
    this.bars = new LiveBars(interval, MAX_BARS);
    this.chart = createChart(container, CHART_OPTIONS);
    this.mark = this.chart.addSeries(LineSeries, { color: COLORS.mark, lineWidth: 2, title: 'Mark', priceLineVisible: false });
    this.index = this.chart.addSeries(LineSeries, { color: COLORS.index, lineWidth: 1, title: 'Index', priceLineVisible: false });
    this.premium = this.chart.addSeries(
      HistogramSeries,
      { title: 'Premium bps', priceFormat: { type: 'price', precision: 2, minMove: 0.01 } },
      1,
    );
    this.chart.panes()[1]?.setStretchFactor(0.35);
    this.chart.subscribeCrosshairMove(this.onCrosshair);
  }

  setHistory(mark: readonly Candle[], index: readonly Candle[]): void {
    this.bars.load(mark, index);
    this.redraw();
    this.chart.timeScale().fitContent();
    this.emitLatest();
  }

  /** A live mark/index tick revises the current bar, or opens the next one. */
  applyTick(time: number, mark: number | null, index: number | null): void {
    const outcome = this.bars.tick(time, mark, index);
    if (outcome === 'ignored') return;
    this.liveUpdates++;
    // Series keep every point they are given: once the ring drops its oldest bar, they must too.
    if (outcome === 'opened' && this.bars.full) this.redraw();
    else this.drawLast();
    this.emitLatest();
  }

  summary(): ChartSummary {
    const { bars } = this;
    return { bars: bars.size, liveUpdates: this.liveUpdates, first: bars.first()?.time ?? null, last: bars.last()?.time ?? null };
  }

  dispose(): void {
    this.chart.unsubscribeCrosshairMove(this.onCrosshair);
    this.chart.remove();
  }

  private redraw(): void {
    const bars = this.bars.toArray();
    this.mark.setData(lineData(bars, (bar) => bar.mark));
    this.index.setData(lineData(bars, (bar) => bar.index));
    this.premium.setData(premiumHistogram(bars));
  }

  private drawLast(): void {
    const bar = this.bars.last();
    if (!bar) return;
    const [premium] = premiumHistogram([bar]);
    if (bar.mark !== null) this.mark.update({ time: chartTime(bar.time), value: bar.mark });
    if (bar.index !== null) this.index.update({ time: chartTime(bar.time), value: bar.index });
    if (premium) this.premium.update(premium);
  }

  private emitLatest(): void {
    const bar = this.bars.last();
    this.onLegend({ time: bar?.time ?? null, mark: bar?.mark ?? null, index: bar?.index ?? null, premium: bar ? barPremium(bar) : null });
  }

  private readonly onCrosshair = (param: MouseEventParams): void => {
    if (param.time === undefined) {
      this.emitLatest();
      return;
    }
    const value = (series: ISeriesApi<'Line'>) => (param.seriesData.get(series) as { value?: number } | undefined)?.value ?? null;
    const mark = value(this.mark);
    const index = value(this.index);
    this.onLegend({
      time: msOf(param.time as UTCTimestamp),
      mark,
      index,
      premium: barPremium({ time: 0, mark, index }),
    });
  };
}
