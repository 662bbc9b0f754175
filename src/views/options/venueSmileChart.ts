import { createOptionsChart, LineSeries, type IChartApiBase, type ISeriesApi } from 'lightweight-charts';
import type { ExchangeId } from '../../domain/exchange';
import { EXCHANGE_LABEL } from '../../domain/exchange';
import type { MoneynessPoint } from '../../domain/termStructure/venueComparison';
import { SMILE_OPTIONS } from './smileChart';

const VENUE_COLOR: Record<ExchangeId, string> = { binance: '#f5b84b', okx: '#4aa3ff' };
/** ln(K/F) to three decimals tells strikes 0.1 % apart. */
const MONEYNESS_DECIMALS = 3;

/**
 * Two venues' smiles of one expiry, mark IV in vol points against log-moneyness ln(K/F), each
 * against its own forward (lightweight-charts' options chart: a price-valued horizontal scale).
 */
export class VenueSmileChart {
  private readonly chart: IChartApiBase<number>;
  private readonly lines: Map<ExchangeId, ISeriesApi<'Line', number>>;
  private pointCount = 0;

  constructor(container: HTMLElement, venues: readonly ExchangeId[]) {
    this.chart = createOptionsChart(container, {
      ...SMILE_OPTIONS,
      localization: { precision: MONEYNESS_DECIMALS, timeFormatter: (x: number) => x.toFixed(MONEYNESS_DECIMALS) },
    });
    this.lines = new Map(
      venues.map((venue) => [
        venue,
        this.chart.addSeries(LineSeries, {
          color: VENUE_COLOR[venue],
          lineWidth: 2,
          pointMarkersVisible: true,
          pointMarkersRadius: 2,
          title: EXCHANGE_LABEL[venue],
          priceFormat: { type: 'price', precision: 2, minMove: 0.01 },
          priceLineVisible: false,
        }),
      ]),
    );
  }

  /** Replaces both smiles; the view is refitted only when the number of points changes (another expiry or a new strike). */
  setSmiles(smiles: ReadonlyMap<ExchangeId, readonly MoneynessPoint[]>): void {
    let count = 0;
    for (const [venue, line] of this.lines) {
      const points = smiles.get(venue) ?? [];
      count += points.length;
      line.setData(points.map((point) => ({ time: point.moneyness, value: point.iv * 100 })));
    }
    if (count !== this.pointCount) this.chart.timeScale().fitContent();
    this.pointCount = count;
  }

  remove(): void {
    this.chart.remove();
  }
}
