import { describe, expect, it } from 'vitest';
import { layoutFundingBars } from './fundingBars';

const H = 3_600_000;

describe('layoutFundingBars', () => {
  it('places bars on time, heights from a zero line, the predicted one last and hollow', () => {
    const layout = layoutFundingBars(
      [
        { time: 8 * H, rate: 0.0002 },
        { time: 16 * H, rate: -0.0001 },
      ],
      { time: 24 * H, rate: 0.0001 },
      0,
      24 * H,
      240,
      30,
    );
    expect(layout.zeroY).toBeCloseTo(20, 9);
    expect(layout.bars.map((bar) => bar.predicted)).toEqual([false, false, true]);
    const [up, down, next] = layout.bars;
    expect(up!.x + up!.width / 2).toBeCloseTo(6 + (8 / 24) * 228, 9);
    expect(up!.y).toBeCloseTo(0, 9);
    expect(up!.height).toBeCloseTo(20, 9);
    expect(down!.y).toBeCloseTo(20, 9);
    expect(down!.height).toBeCloseTo(10, 9);
    expect(next!.x + next!.width).toBeCloseTo(240, 9);
    expect(up!.width).toBe(12);
  });

  it('keeps a zero rate visible and scales only the bars inside the window', () => {
    const layout = layoutFundingBars([{ time: -H, rate: 0.1 }, { time: H, rate: 0 }, { time: 2 * H, rate: -0.001 }], null, 0, 2 * H, 100, 10);
    expect(layout.bars).toHaveLength(2);
    expect(layout.bars[0]!.height).toBe(1);
    expect(layout.zeroY).toBe(0);
    expect(layout.bars[1]!.height).toBe(10);
  });
});
