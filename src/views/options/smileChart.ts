import { createOptionsChart, LineSeries, type ChartOptionsImpl, type DeepPartial, type IChartApiBase, type ISeriesApi } from 'lightweight-charts';
import { NUMBER_SCALE_CHART_OPTIONS } from '../charts/chartTheme';
import { BandSeries, type BandOptions, type BandPoint } from './smileBandSeries';
import type { SmileAxis, SmilePoint } from './smilePoints';


const MARK_COLOR = '#f5b84b';

/**
 * The IV smile of one expiry: mark IV as a line, bid-ask IV as a band, against strike or delta
 * (lightweight-charts' options chart: a price-valued horizontal scale). Live updates go in with
 * setData through the series API; React never holds the points.
 */
export class SmileChart {
  private readonly chart: IChartApiBase<number>;
  private readonly band: ISeriesApi<'Custom', number, BandPoint | { time: number }, BandOptions>;
  private readonly mark: ISeriesApi<'Line', number>;
  private axis: SmileAxis;
  private pointCount = 0;
  private xDecimals = 0;

  constructor(container: HTMLElement, axis: SmileAxis) {
    this.axis = axis;
    const formatX = (x: number) => (this.axis === 'delta' ? `${x.toFixed(0)}Δ` : x.toFixed(this.xDecimals));
    this.chart = createOptionsChart(container, {
      ...NUMBER_SCALE_CHART_OPTIONS,
      localization: { precision: 0, timeFormatter: formatX },
    });
    this.band = this.chart.addCustomSeries(new BandSeries(), {
      priceFormat: { type: 'percent', precision: 1, minMove: 0.1 },
      lastValueVisible: false,
      priceLineVisible: false,
    });
    this.mark = this.chart.addSeries(LineSeries, {
      color: MARK_COLOR,
      lineWidth: 2,
      pointMarkersVisible: true,
      pointMarkersRadius: 2,
      title: 'Mark IV',
      priceFormat: { type: 'percent', precision: 1, minMove: 0.1 },
      priceLineVisible: false,
    });
  }

  /** Replaces the smile; the view is refitted only when the points change axis or count (a new expiry or strike). */
  setPoints(points: readonly SmilePoint[], axis: SmileAxis): void {
    const refit = axis !== this.axis || points.length !== this.pointCount;
    this.axis = axis;
    this.pointCount = points.length;
    const decimals = axis === 'delta' ? 0 : decimalsOf(points);
    if (decimals !== this.xDecimals) {
      this.xDecimals = decimals;
      // The options chart reads `localization.precision` for its axis labels, but applyOptions is typed with the base options.
      this.chart.applyOptions({ localization: { precision: decimals } } as DeepPartial<ChartOptionsImpl<number>>);
    }
    this.mark.setData(points.map((point) => ({ time: point.x, value: point.markIv })));
    let joined = false;
    this.band.setData(
      points.map((point) => {
        if (point.bidIv === null || point.askIv === null) {
          joined = false;
          return { time: point.x };
        }
        const band: BandPoint = { time: point.x, lower: point.bidIv, upper: point.askIv, joined };
        joined = true;
        return band;
      }),
    );
    if (refit) this.chart.timeScale().fitContent();
  }

  remove(): void {
    this.chart.remove();
  }
}

/** Strikes of cheap coins (XRP 2.35, DOGE 0.185) need decimals on the axis; BTC strikes none. */
function decimalsOf(points: readonly SmilePoint[]): number {
  const smallest = points.reduce((min, point) => Math.min(min, Math.abs(point.x)), Number.POSITIVE_INFINITY);
  if (!Number.isFinite(smallest) || smallest >= 100) return 0;
  return smallest >= 1 ? 2 : 4;
}
