import { createOptionsChart, LineSeries, type IChartApiBase, type ISeriesApi } from 'lightweight-charts';
import { EXCHANGE_LABEL, type ExchangeId } from '../../domain/exchange';
import { COLORS, NUMBER_SCALE_CHART_OPTIONS } from '../charts/chartTheme';

/** One venue's IVs (fractions) against a number: days to expiry, or log-moneyness. */
export interface VenueLine {
  exchange: ExchangeId;
  points: readonly { x: number; iv: number }[];
}

/**
 * An IV line per venue, in vol points, against a number-valued horizontal scale (lightweight-charts'
 * options chart, which spaces points by order, not value). Refitted only when a line gains or
 * loses a point: another expiry or strike, not a new value.
 */
export class VenueLinesChart {
  private readonly chart: IChartApiBase<number>;
  private readonly lines = new Map<ExchangeId, ISeriesApi<'Line', number>>();
  private shape = '';

  constructor(
    container: HTMLElement,
    xDecimals: number,
    formatX: (x: number) => string,
    private readonly title: (exchange: ExchangeId) => string = (exchange) => EXCHANGE_LABEL[exchange],
  ) {
    this.chart = createOptionsChart(container, { ...NUMBER_SCALE_CHART_OPTIONS, localization: { precision: xDecimals, timeFormatter: formatX } });
  }

  setLines(lines: readonly VenueLine[]): void {
    for (const { exchange, points } of lines) {
      let line = this.lines.get(exchange);
      if (!line) {
        line = this.chart.addSeries(LineSeries, {
          color: COLORS[exchange],
          lineWidth: 2,
          pointMarkersVisible: true,
          pointMarkersRadius: 3,
          title: this.title(exchange),
          priceFormat: { type: 'percent', precision: 2, minMove: 0.01 },
          priceLineVisible: false,
        });
        this.lines.set(exchange, line);
      }
      line.setData(points.map((point) => ({ time: point.x, value: point.iv * 100 })));
    }
    const shape = lines.map(({ exchange, points }) => `${exchange}:${points.length}`).join(',');
    if (shape !== this.shape) {
      this.shape = shape;
      this.chart.timeScale().fitContent();
    }
  }

  remove(): void {
    this.chart.remove();
  }
}
