import { createChart, LineSeries, LineType, type IChartApi, type ISeriesApi, type MouseEventParams, type UTCTimestamp } from 'lightweight-charts';
import type { ExchangeId } from '../../domain/exchange';
import { CHART_OPTIONS, COLORS } from '../charts/chartTheme';
import { msOf } from '../charts/seriesData';
import { formatPercent } from '../format/numbers';
import type { PairHistorySeries } from './pairHistorySeries';

type Line = keyof PairHistorySeries;

/** Annualised rates (fractions) at one moment: under the crosshair, or the newest of each line. */
export interface PairHistoryLegend {
  time: number | null;
  values: Record<Line, number | null>;
}

export const NO_PAIR_LEGEND: PairHistoryLegend = { time: null, values: { long: null, short: null, spread: null } };

const LINES: readonly Line[] = ['long', 'short', 'spread'];
const PERCENT = { type: 'custom', formatter: (fraction: number) => formatPercent(fraction, 2), minMove: 0.0001 } as const;

/** A step line's value at `time`: its newest point at or before it, as the steps draw it. */
function valueAt(points: PairHistorySeries[Line], time: UTCTimestamp): number | null {
  let low = 0;
  let high = points.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (points[middle]!.time <= time) low = middle + 1;
    else high = middle;
  }
  return points[low - 1]?.value ?? null;
}

/** Both legs' settled funding and the spread between them, annualised, as steps on one scale. */
export class PairHistoryChart {
  private readonly chart: IChartApi;
  private readonly series: Record<Line, ISeriesApi<'Line'>>;
  private data: PairHistorySeries = { long: [], short: [], spread: [] };

  constructor(
    container: HTMLElement,
    legs: Record<'long' | 'short', ExchangeId>,
    private readonly onLegend: (legend: PairHistoryLegend) => void,
  ) {
    this.chart = createChart(container, CHART_OPTIONS);
    const line = (color: string, title: string, lineWidth: 1 | 2) =>
      this.chart.addSeries(LineSeries, { color, title, lineWidth, lineType: LineType.WithSteps, priceFormat: PERCENT, priceLineVisible: false });
    this.series = {
      long: line(COLORS[legs.long], 'Long', 1),
      short: line(COLORS[legs.short], 'Short', 1),
      spread: line(COLORS.spread, 'Spread', 2),
    };
    this.chart.subscribeCrosshairMove(this.onCrosshair);
  }

  setData(data: PairHistorySeries): void {
    this.data = data;
    for (const line of LINES) this.series[line].setData(data[line]);
    this.chart.timeScale().fitContent();
    this.emitLatest();
  }

  dispose(): void {
    this.chart.unsubscribeCrosshairMove(this.onCrosshair);
    this.chart.remove();
  }

  private emitLatest(): void {
    const times = LINES.flatMap((line) => this.data[line].at(-1)?.time ?? []);
    const latest = (line: Line) => this.data[line].at(-1)?.value ?? null;
    this.onLegend({ time: times.length > 0 ? msOf(Math.max(...times) as UTCTimestamp) : null, values: { long: latest('long'), short: latest('short'), spread: latest('spread') } });
  }

  private readonly onCrosshair = (param: MouseEventParams): void => {
    if (param.time === undefined) {
      this.emitLatest();
      return;
    }
    const time = param.time as UTCTimestamp;
    const valueOf = (line: Line) => valueAt(this.data[line], time);
    this.onLegend({ time: msOf(time), values: { long: valueOf('long'), short: valueOf('short'), spread: valueOf('spread') } });
  };
}
