import { createOptionsChart, LineSeries, LineStyle, type DeepPartial, type IChartApiBase, type ISeriesApi, type PriceChartOptions } from 'lightweight-charts';
import { EXCHANGE_LABEL, EXCHANGES, type ExchangeId } from '../../domain/exchange';
import type { PerpMargin } from '../../domain/perp';
import type { BasisFigures } from './basisFigures';
import { COLORS, NUMBER_SCALE_CHART_OPTIONS } from './chartTheme';

const CURVE_OPTIONS: DeepPartial<PriceChartOptions> = {
  ...NUMBER_SCALE_CHART_OPTIONS,
  localization: { precision: 0, timeFormatter: (days: number) => `${days.toFixed(1)} d` },
};

const DAY_MS = 86_400_000;
const PERCENT = { type: 'percent', precision: 2, minMove: 0.01 } as const;
const MARGIN_LABEL: Record<PerpMargin, string> = { linear: 'linear', inverse: 'inverse' };

type Line = ISeriesApi<'Line', number>;

/**
 * Annualised basis against days to delivery (lightweight-charts' options chart: a number-valued
 * horizontal scale), one line per venue and margin from the perpetual's current funding at day 0,
 * and each venue's 7-day median funding as a dot at day 0. Stale quotes are left off the curve.
 */
export class BasisCurveChart {
  private readonly chart: IChartApiBase<number>;
  private readonly curves = new Map<string, Line>();
  private readonly medians: Record<ExchangeId, Line>;
  private shape = '';

  constructor(container: HTMLElement) {
    this.chart = createOptionsChart(container, CURVE_OPTIONS);
    this.medians = Object.fromEntries(
      EXCHANGES.map((exchange) => [
        exchange,
        this.chart.addSeries(LineSeries, {
          color: COLORS[exchange],
          lineVisible: false,
          pointMarkersVisible: true,
          pointMarkersRadius: 4,
          title: '7-day median',
          priceFormat: PERCENT,
          priceLineVisible: false,
          lastValueVisible: false,
        }),
      ]),
    ) as Record<ExchangeId, Line>;
  }

  private curve(exchange: ExchangeId, margin: PerpMargin): Line {
    const key = `${exchange}:${margin}`;
    let line = this.curves.get(key);
    if (!line) {
      line = this.chart.addSeries(LineSeries, {
        color: COLORS[exchange],
        lineWidth: 2,
        lineStyle: margin === 'inverse' ? LineStyle.Dashed : LineStyle.Solid,
        pointMarkersVisible: true,
        pointMarkersRadius: 3,
        title: `${EXCHANGE_LABEL[exchange]} ${MARGIN_LABEL[margin]}`,
        priceFormat: PERCENT,
        priceLineVisible: false,
      });
      this.curves.set(key, line);
    }
    return line;
  }

  /** `now`: the venue time the x axis counts days from, so futures of both venues delivering together share a point. */
  setFigures({ futures, perps }: BasisFigures, now: number): void {
    const points = new Map<string, { time: number; value: number }[]>();
    const perpOf = (exchange: ExchangeId) => perps.find((perp) => perp.row.exchange === exchange && !perp.stale);
    let lastDay = 0;
    for (const future of futures) {
      if (future.stale || future.basis === null) continue;
      const days = Math.round((future.row.expiry - now) / (DAY_MS / 10)) / 10;
      if (!(days > 0)) continue;
      lastDay = Math.max(lastDay, days);
      const key = `${future.row.exchange}:${future.row.margin}`;
      let line = points.get(key);
      if (!line) {
        const funding = perpOf(future.row.exchange)?.row.annualised ?? null;
        points.set(key, (line = funding === null ? [] : [{ time: 0, value: funding * 100 }]));
      }
      // Strictly increasing x: two futures of one venue and margin never deliver on one day.
      if (days > (line.at(-1)?.time ?? -1)) line.push({ time: days, value: future.basis * 100 });
    }
    for (const key of new Set([...this.curves.keys(), ...points.keys()])) {
      const [exchange, margin] = key.split(':') as [ExchangeId, PerpMargin];
      this.curve(exchange, margin).setData(points.get(key) ?? []);
    }
    // The axis spaces its points evenly: a blank point on every whole day keeps the spacing to scale.
    const days = Array.from({ length: Math.floor(lastDay) + 1 }, (_, day) => ({ time: day }));
    for (const exchange of EXCHANGES) {
      const median = perpOf(exchange)?.median7d ?? null;
      this.medians[exchange].setData(median === null ? days : [{ time: 0, value: median * 100 }, ...days.slice(1)]);
    }
    const shape = [...points.entries()].map(([key, line]) => `${key}:${line.length}`).join(',');
    if (shape !== this.shape) {
      this.shape = shape;
      this.chart.timeScale().fitContent();
    }
  }

  dispose(): void {
    this.chart.remove();
  }
}
