import { createChart, LineSeries, type IChartApi, type ISeriesApi, type MouseEventParams, type UTCTimestamp } from 'lightweight-charts';
import type { Candle, ChartInterval } from '../../domain/candles';
import { EXCHANGE_LABEL, EXCHANGES, type ExchangeId } from '../../domain/exchange';
import { barPremium, LiveBars } from '../../domain/liveBars';
import { CHART_OPTIONS, COLORS } from './chartTheme';
import { MAX_BARS, type ChartSummary } from './markIndexChart';
import { bps, chartTime, lineData, msOf } from './seriesData';

/** Premium (fraction) per exchange at one moment; null where that exchange has no bar. */
export interface CompareLegend {
  time: number | null;
  premium: Record<ExchangeId, number | null>;
}

interface Leg {
  bars: LiveBars;
  series: ISeriesApi<'Line'>;
  liveUpdates: number;
}

/** One coin's premium on Binance and on OKX, in basis points, on one chart. */
export class PremiumCompareChart {
  private readonly chart: IChartApi;
  private readonly legs: Record<ExchangeId, Leg>;

  constructor(
    container: HTMLElement,
    interval: ChartInterval,
    private readonly onLegend: (values: CompareLegend) => void,
  ) {
    this.chart = createChart(container, CHART_OPTIONS);
    const leg = (exchange: ExchangeId): Leg => ({
      bars: new LiveBars(interval, MAX_BARS),
      series: this.chart.addSeries(LineSeries, {
        color: COLORS[exchange],
        lineWidth: 2,
        title: `${EXCHANGE_LABEL[exchange]} bps`,
        priceFormat: { type: 'price', precision: 2, minMove: 0.01 },
      }),
      liveUpdates: 0,
    });
    this.legs = { binance: leg('binance'), okx: leg('okx') };
    this.chart.subscribeCrosshairMove(this.onCrosshair);
  }

  setHistory(exchange: ExchangeId, mark: readonly Candle[], index: readonly Candle[]): void {
    const leg = this.legs[exchange];
    leg.bars.load(mark, index);
    this.redraw(leg);
    this.chart.timeScale().fitContent();
    this.emitLatest();
  }

  applyTick(exchange: ExchangeId, time: number, mark: number | null, index: number | null): void {
    const leg = this.legs[exchange];
    const outcome = leg.bars.tick(time, mark, index);
    if (outcome === 'ignored') return;
    leg.liveUpdates++;
    const bar = leg.bars.last()!;
    const premium = bps(barPremium(bar));
    if (outcome === 'opened' && leg.bars.full) this.redraw(leg);
    else if (premium !== null) leg.series.update({ time: chartTime(bar.time), value: premium });
    this.emitLatest();
  }

  summary(exchange: ExchangeId): ChartSummary {
    const leg = this.legs[exchange];
    const { bars } = leg;
    return { bars: bars.size, liveUpdates: leg.liveUpdates, first: bars.first()?.time ?? null, last: bars.last()?.time ?? null };
  }

  dispose(): void {
    this.chart.unsubscribeCrosshairMove(this.onCrosshair);
    this.chart.remove();
  }

  private redraw(leg: Leg): void {
    leg.series.setData(lineData(leg.bars.toArray(), (bar) => bps(barPremium(bar))));
  }

  private emitLatest(): void {
    const latest = (exchange: ExchangeId) => this.legs[exchange].bars.last();
    const times = EXCHANGES.flatMap((exchange) => latest(exchange)?.time ?? []);
    const premium = (exchange: ExchangeId) => {
      const bar = latest(exchange);
      return bar ? barPremium(bar) : null;
    };
    this.onLegend({ time: times.length > 0 ? Math.max(...times) : null, premium: { binance: premium('binance'), okx: premium('okx') } });
  }

  private readonly onCrosshair = (param: MouseEventParams): void => {
    if (param.time === undefined) {
      this.emitLatest();
      return;
    }
    const premium = (exchange: ExchangeId) => {
      const point = param.seriesData.get(this.legs[exchange].series) as { value?: number } | undefined;
      return point?.value === undefined ? null : point.value / 10_000;
    };
    this.onLegend({ time: msOf(param.time as UTCTimestamp), premium: { binance: premium('binance'), okx: premium('okx') } });
  };
}
