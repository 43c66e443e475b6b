import { describe, expect, it } from 'vitest';
import {
  compactNumber,
  dateSpan,
  layoutPlot,
  linearScale,
  markerPath,
  monthTicks,
  niceCeil,
  PLOT_MARGIN,
  plotBounds,
  valueTicks,
  type PlotReport,
} from '../../lib/card/plot';

const DAY = 86_400_000;

describe('dateSpan', () => {
  it('spans a year, a month or a day, end exclusive', () => {
    expect(dateSpan('2024')).toEqual({
      start: Date.UTC(2024, 0, 1),
      end: Date.UTC(2025, 0, 1),
      precision: 'year',
    });
    expect(dateSpan('2024-12')).toEqual({
      start: Date.UTC(2024, 11, 1),
      end: Date.UTC(2025, 0, 1),
      precision: 'month',
    });
    expect(dateSpan('2024-10-18')).toEqual({
      start: Date.UTC(2024, 9, 18),
      end: Date.UTC(2024, 9, 18) + DAY,
      precision: 'day',
    });
    expect(dateSpan('October')).toBeNull();
  });
});

describe('scales and ticks', () => {
  it('maps linearly, reversed ranges included', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(linearScale([5, 5], [0, 10])(5)).toBe(0);
  });

  it('rounds up to 1, 2, 2.5 or 5 × 10^k', () => {
    expect([0.7, 1, 1.2, 2.2, 3, 7, 12000, 26000].map(niceCeil)).toEqual([1, 1, 2, 2.5, 5, 10, 20000, 50000]);
    expect(niceCeil(0)).toBe(1);
  });

  it('ticks from 0 to the first round value at or above the maximum', () => {
    expect(valueTicks(12600)).toEqual([0, 5000, 10000, 15000]);
    expect(valueTicks(21000)).toEqual([0, 10000, 20000, 30000]);
    expect(valueTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it('writes short axis labels', () => {
    expect([0, 500, 5000, 12500, 1_500_000].map(compactNumber)).toEqual(['0', '500', '5k', '12.5k', '1.5M']);
  });

  it('puts month ticks on calendar-aligned months, the year on the first and on January', () => {
    const ticks = monthTicks(Date.UTC(2024, 9, 10), Date.UTC(2025, 10, 20));
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks.map((t) => t.label)).toEqual(['Jan 2025', 'Apr', 'Jul', 'Oct']);
    expect(monthTicks(Date.UTC(2024, 9, 1), Date.UTC(2024, 11, 20)).map((t) => t.label)).toEqual([
      'Oct 2024',
      'Nov',
      'Dec',
    ]);
  });
});

describe('plotBounds', () => {
  it('plots open bounds as arrows and ranges as bars', () => {
    expect(plotBounds({ low: 5000, high: null }, 'more-than')).toEqual({ lo: 5000, hi: 5000, open: 'up' });
    expect(plotBounds({ low: 5000, high: 5000 }, 'at-least')).toEqual({ lo: 5000, hi: 5000, open: 'up' });
    expect(plotBounds({ low: null, high: 12000 }, 'up-to')).toEqual({ lo: 12000, hi: 12000, open: 'down' });
    expect(plotBounds({ low: 12000, high: 10000 }, 'range')).toEqual({ lo: 10000, hi: 12000 });
    expect(plotBounds({ low: 12000, high: 12000 }, 'about')).toEqual({ lo: 12000, hi: 12000 });
    expect(plotBounds({ low: null, high: null }, 'about')).toBeNull();
  });
});

describe('layoutPlot', () => {
  const report = (
    id: string,
    asOf: string,
    low: number | null,
    high: number | null,
    qualifier: PlotReport['qualifier'] = 'exact',
  ): PlotReport => ({
    id,
    asOf,
    value: { low, high },
    qualifier,
    attribution: 'named-official',
  });
  const reports = [
    report('a', '2024-10-01', 10000, 10000),
    report('b', '2024-12-31', 12000, null, 'more-than'),
    report('c', '2024', 11000, 11000),
    report('d', '2024-11', 10900, 12000, 'range'),
    report('bad', 'someday', 1, 1),
  ];
  const layout = layoutPlot({
    reports,
    page: { value: { low: 12000, high: 12000 }, qualifier: 'about' },
    width: 400,
    height: 200,
  });
  const byId = new Map(layout.marks.map((m) => [m.id, m]));

  it('keeps marks inside the plotting area and drops unparsable dates', () => {
    expect(layout.area).toEqual({
      left: PLOT_MARGIN.left,
      right: 400 - PLOT_MARGIN.right,
      top: PLOT_MARGIN.top,
      bottom: 200 - PLOT_MARGIN.bottom,
    });
    expect([...byId.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    for (const m of layout.marks) {
      expect(m.x).toBeGreaterThanOrEqual(layout.area.left);
      expect(m.x).toBeLessThanOrEqual(layout.area.right);
      expect(m.y).toBeGreaterThanOrEqual(layout.area.top);
      expect(m.y).toBeLessThanOrEqual(layout.area.bottom);
    }
  });

  it('orders x by date and y by value (higher values higher up)', () => {
    expect(byId.get('a')!.x).toBeLessThan(byId.get('d')!.x);
    expect(byId.get('d')!.x).toBeLessThan(byId.get('b')!.x);
    expect(byId.get('b')!.y).toBeLessThan(byId.get('a')!.y);
  });

  it('sets the x range from dates known to the month or day; a year-only date gets a clipped whisker', () => {
    const c = byId.get('c')!;
    expect(c.xFrom).toBe(layout.area.left);
    expect(c.xTo).toBeGreaterThan(c.xFrom!);
    expect(c.xTo).toBeLessThanOrEqual(layout.area.right);
    expect(byId.get('d')!.xFrom).toBeDefined();
    expect(byId.get('a')!.xFrom).toBeUndefined();
  });

  it('draws a range as a bar and an open bound as an arrow', () => {
    const d = byId.get('d')!;
    expect(d.yTop).toBeLessThan(d.yBottom!);
    expect(d.y).toBeCloseTo((d.yTop! + d.yBottom!) / 2);
    expect(byId.get('b')!.open).toBe('up');
    expect(byId.get('a')!.open).toBeUndefined();
  });

  it('puts y ticks from 0 at the bottom to a round top above every value, and the page line at its value', () => {
    expect(layout.yTicks[0]).toEqual({ y: layout.area.bottom, label: '0' });
    expect(layout.yTicks.at(-1)!.y).toBe(layout.area.top);
    expect(layout.yTicks.map((t) => t.label)).toEqual(['0', '5k', '10k', '15k']);
    const y12k = layout.area.bottom - (12000 / 15000) * (layout.area.bottom - layout.area.top);
    expect(layout.page).toEqual({ y1: y12k, y2: y12k });
    expect(layout.xTicks.length).toBeGreaterThan(0);
  });

  it('spreads identical marks sideways so each stays visible', () => {
    const twins = layoutPlot({
      reports: [
        report('x', '2024-10-18', 10, 10),
        report('y', '2024-10-18', 10, 10),
        report('z', '2024-10-18', 10, 10),
      ],
      width: 400,
      height: 200,
    });
    expect(new Set(twins.marks.map((m) => m.x)).size).toBe(3);
  });

  it('raises the y range to the page’s value and draws a page range as a band', () => {
    const high = layoutPlot({
      reports: [report('a', '2024-10-01', 10, 10)],
      page: { value: { low: 40, high: 60 }, qualifier: 'range' },
      width: 400,
      height: 200,
    });
    expect(high.page!.y1).toBeLessThan(high.page!.y2);
    expect(high.page!.y1).toBeGreaterThanOrEqual(high.area.top);
    expect(layoutPlot({ reports: [], width: 400, height: 200 }).page).toBeNull();
  });
});

describe('markerPath', () => {
  it('draws a closed path for every shape', () => {
    for (const shape of ['circle', 'square', 'diamond', 'triangle', 'cross', 'bar'] as const) {
      expect(markerPath(shape, 10, 10, 4)).toMatch(/^M[\d.]+ [\d.]+.*Z$/);
    }
    expect(markerPath('square', 10, 10, 4)).toBe('M6.4 6.4h7.2v7.2h-7.2Z');
  });
});
