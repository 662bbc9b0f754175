import {
  customSeriesDefaultOptions,
  type CustomData,
  type CustomSeriesOptions,
  type CustomSeriesWhitespaceData,
  type ICustomSeriesPaneRenderer,
  type ICustomSeriesPaneView,
  type PaneRendererCustomData,
  type PriceToCoordinateConverter,
} from 'lightweight-charts';

/** One strike (or delta) of the bid/ask IV band; `joined` is false where the band restarts after a gap. */
export interface BandPoint extends CustomData<number> {
  lower: number;
  upper: number;
  joined: boolean;
}

export interface BandOptions extends CustomSeriesOptions {
  fillColor: string;
  edgeColor: string;
}

type RenderTarget = Parameters<ICustomSeriesPaneRenderer['draw']>[0];

class BandRenderer implements ICustomSeriesPaneRenderer {
  data: PaneRendererCustomData<number, BandPoint> | null = null;
  options: BandOptions | null = null;

  draw(target: RenderTarget, toY: PriceToCoordinateConverter): void {
    const { data, options } = this;
    if (!data || !options || data.bars.length === 0) return;
    target.useBitmapCoordinateSpace(({ context, horizontalPixelRatio: hr, verticalPixelRatio: vr }) => {
      const segments: { x: number; lower: number; upper: number }[][] = [];
      for (const bar of data.bars) {
        const lower = toY(bar.originalData.lower);
        const upper = toY(bar.originalData.upper);
        if (lower === null || upper === null) continue;
        const point = { x: bar.x * hr, lower: lower * vr, upper: upper * vr };
        if (!bar.originalData.joined || segments.length === 0) segments.push([point]);
        else segments[segments.length - 1]!.push(point);
      }
      context.fillStyle = options.fillColor;
      context.strokeStyle = options.edgeColor;
      context.lineWidth = Math.max(1, hr);
      for (const segment of segments) {
        context.beginPath();
        segment.forEach((point, i) => (i === 0 ? context.moveTo(point.x, point.upper) : context.lineTo(point.x, point.upper)));
        for (let i = segment.length - 1; i >= 0; i--) context.lineTo(segment[i]!.x, segment[i]!.lower);
        context.closePath();
        context.fill();
        context.stroke();
      }
    });
  }
}

/**
 * Bid IV to ask IV as a filled band: lightweight-charts has no band series, so this custom series
 * draws one polygon per run of strikes quoted on both sides.
 */
export class BandSeries implements ICustomSeriesPaneView<number, BandPoint, BandOptions> {
  private readonly bandRenderer = new BandRenderer();

  renderer(): ICustomSeriesPaneRenderer {
    return this.bandRenderer;
  }

  update(data: PaneRendererCustomData<number, BandPoint>, options: BandOptions): void {
    this.bandRenderer.data = data;
    this.bandRenderer.options = options;
  }

  priceValueBuilder(point: BandPoint): number[] {
    return [point.lower, point.upper, (point.lower + point.upper) / 2];
  }

  isWhitespace(point: BandPoint | CustomSeriesWhitespaceData<number>): point is CustomSeriesWhitespaceData<number> {
    return !('lower' in point);
  }

  defaultOptions(): BandOptions {
    return { ...customSeriesDefaultOptions, fillColor: 'rgba(74, 163, 255, 0.18)', edgeColor: 'rgba(74, 163, 255, 0.45)' };
  }
}
