import { createOptionsChart, LineSeries, type IChartApiBase, type ISeriesApi } from 'lightweight-charts';
import type { ExchangeId } from '../../domain/exchange';
import { EXCHANGE_LABEL } from '../../domain/exchange';
import { COLORS } from '../charts/chartTheme';
import { OPTIONS_CHART_THEME } from './smileChart';

/** One venue's ATM IV per listed expiry: x in days to expiry, IV as a fraction. */
export interface TermCurve {
  exchange: ExchangeId;
  points: readonly { days: number; atm: number }[];
}

/**
 * ATM IV against days to expiry, one line per venue, on lightweight-charts' options chart (a
 * number-valued horizontal scale). Refitted only when an expiry is listed or settles.
 */
export class TermChart {
  private readonly chart: IChartApiBase<number>;
  private readonly lines = new Map<ExchangeId, ISeriesApi<'Line', number>>();
  private shape = '';

  constructor(container: HTMLElement) {
    this.chart = createOptionsChart(container, {
      ...OPTIONS_CHART_THEME,
      localization: { precision: 0, timeFormatter: (days: number) => `${days.toFixed(1)} d` },
    });
  }

  setCurves(curves: readonly TermCurve[]): void {
    for (const curve of curves) {
      let line = this.lines.get(curve.exchange);
      if (!line) {
        line = this.chart.addSeries(LineSeries, {
          color: COLORS[curve.exchange],
          lineWidth: 2,
          pointMarkersVisible: true,
          pointMarkersRadius: 3,
          title: `${EXCHANGE_LABEL[curve.exchange]} ATM`,
          priceFormat: { type: 'percent', precision: 1, minMove: 0.1 },
          priceLineVisible: false,
        });
        this.lines.set(curve.exchange, line);
      }
      line.setData(curve.points.map((point) => ({ time: point.days, value: point.atm * 100 })));
    }
    const shape = curves.map((curve) => `${curve.exchange}:${curve.points.length}`).join(',');
    if (shape !== this.shape) {
      this.shape = shape;
      this.chart.timeScale().fitContent();
    }
  }

  remove(): void {
    this.chart.remove();
  }
}
