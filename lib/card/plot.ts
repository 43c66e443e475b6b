/**
 * The figure card's dot plot as numbers (DESIGN §1): every report's value over time (x = `asOf`,
 * y = value from zero), ranges as vertical bars, open bounds as arrows, dates known only to the
 * month or year as a whisker over that period, and the page's own value as a line. Pure: the
 * component only draws what this lays out.
 */
import type { PageAttributionType, PartialDate, Qualifier } from '../dataset/types';
import type { MarkerShape } from './attribution';
import type { ValueLike } from './format';

const DAY = 86_400_000;

/** The time a partial date covers, in ms since the epoch (UTC), `end` exclusive. */
export interface DateSpan {
  start: number;
  end: number;
  precision: 'year' | 'month' | 'day';
}

/** The span of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `null` for anything else. */
export function dateSpan(date: PartialDate): DateSpan | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (m === null) return null;
  const y = Number(m[1]);
  if (m[2] === undefined) return { start: Date.UTC(y, 0, 1), end: Date.UTC(y + 1, 0, 1), precision: 'year' };
  const mo = Number(m[2]) - 1;
  if (m[3] === undefined)
    return { start: Date.UTC(y, mo, 1), end: Date.UTC(y, mo + 1, 1), precision: 'month' };
  const start = Date.UTC(y, mo, Number(m[3]));
  return { start, end: start + DAY, precision: 'day' };
}

/** A linear map from `domain` to `range` (either may be reversed). */
export function linearScale(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** The smallest of 1, 2, 2.5, 5 × 10^k that is ≥ `v` (1 for `v` ≤ 0): a round axis step or top. */
export function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const f of [1, 2, 2.5, 5, 10]) if (f * p >= v * (1 - 1e-9)) return f * p;
  return 10 * p;
}

/** Ticks 0, step, 2·step, … up to the first tick ≥ `max`, with about `count` intervals. */
export function valueTicks(max: number, count = 4): number[] {
  const step = niceCeil(Math.max(max, 1e-9) / count);
  const ticks = [0];
  while (ticks[ticks.length - 1]! < max - 1e-9) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

/** "0", "500", "5k", "12.5k", "1.5M": short axis labels. */
export function compactNumber(n: number): string {
  const abs = Math.abs(n);
  const trim = (v: number) => String(Math.round(v * 10) / 10);
  if (abs >= 1e6) return `${trim(n / 1e6)}M`;
  if (abs >= 1e3) return `${trim(n / 1e3)}k`;
  return trim(n);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Month-start ticks inside [from, to], every 1, 2, 3, 6 or 12 months so there are at most `max`. */
export function monthTicks(from: number, to: number, max = 6): { t: number; label: string }[] {
  const start = new Date(from);
  let y = start.getUTCFullYear();
  let m = start.getUTCMonth();
  if (Date.UTC(y, m, 1) < from) m += 1;
  const firstIndex = y * 12 + m;
  const lastDate = new Date(to);
  const lastIndex = lastDate.getUTCFullYear() * 12 + lastDate.getUTCMonth();
  const months = lastIndex - firstIndex + 1;
  const step =
    [1, 2, 3, 6, 12].find((s) => Math.ceil(months / s) <= max) ?? 12 * Math.ceil(months / (12 * max));
  const ticks: { t: number; label: string }[] = [];
  // Align steps to the calendar (Jan, Apr, Jul, Oct for 3) so labels read naturally.
  let index = Math.ceil(firstIndex / step) * step;
  for (; index <= lastIndex; index += step) {
    y = Math.floor(index / 12);
    m = index % 12;
    const t = Date.UTC(y, m, 1);
    if (t < from || t > to) continue;
    const label = ticks.length === 0 || m === 0 ? `${MONTHS[m]} ${y}` : MONTHS[m]!;
    ticks.push({ t, label });
  }
  return ticks;
}

/** A report as the plot needs it. */
export interface PlotReport {
  id: string;
  value: ValueLike;
  qualifier: Qualifier;
  asOf: PartialDate;
  attribution: PageAttributionType;
}

export interface PlotInput {
  reports: readonly PlotReport[];
  /** The page's own value, drawn as a line (a band for a range). */
  page?: { value: ValueLike; qualifier: Qualifier };
  width: number;
  height: number;
}

/** One report laid out. */
export interface PlotMark {
  id: string;
  attribution: PageAttributionType;
  /** Centre x of the marker. */
  x: number;
  /** The whisker over a month or year when the date is not known to the day. */
  xFrom?: number;
  xTo?: number;
  /** The marker's y (the value, the midpoint of a range, or the given bound of an open one). */
  y: number;
  /** A range's vertical bar, top and bottom (`yTop` < `yBottom`). */
  yTop?: number;
  yBottom?: number;
  /** An open bound: the value goes on upwards ("more than") or downwards ("up to"). */
  open?: 'up' | 'down';
}

export interface PlotLayout {
  width: number;
  height: number;
  /** The plotting area inside the axes. */
  area: { left: number; right: number; top: number; bottom: number };
  marks: PlotMark[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  /** The page's value: a line at `y1` (and a band down to `y2` for a range). */
  page: { y1: number; y2: number; open?: 'up' | 'down' } | null;
}

/** The plot's margins: y labels on the left, the unit above, "this page" on the right, months below. */
export const PLOT_MARGIN = { left: 34, right: 52, top: 18, bottom: 22 };

/** The value's low and high ends as plotted, and whether it is open upwards or downwards. */
export function plotBounds(
  value: ValueLike,
  qualifier: Qualifier,
): { lo: number; hi: number; open?: 'up' | 'down' } | null {
  const { low, high } = value;
  if (low === null && high === null) return null;
  if (
    qualifier === 'more-than' ||
    qualifier === 'at-least' ||
    (high === null && qualifier !== 'up-to' && qualifier !== 'fewer-than')
  ) {
    const v = (low ?? high)!;
    return { lo: v, hi: v, open: 'up' };
  }
  if (qualifier === 'up-to' || qualifier === 'fewer-than' || low === null) {
    const v = (high ?? low)!;
    return { lo: v, hi: v, open: 'down' };
  }
  return { lo: Math.min(low, high!), hi: Math.max(low, high!) };
}

/**
 * Lays out the plot: x spans the reports' dates known to the month or day (all dates when none
 * is), y runs from 0 to a round value above every report and the page's value. Reports with an
 * unparsable date or no value are left out. Markers that would sit on top of each other are
 * spread sideways by a few pixels so each stays visible.
 */
export function layoutPlot(input: PlotInput): PlotLayout {
  const { width, height } = input;
  const area = {
    left: PLOT_MARGIN.left,
    right: width - PLOT_MARGIN.right,
    top: PLOT_MARGIN.top,
    bottom: height - PLOT_MARGIN.bottom,
  };
  const items = input.reports.flatMap((report) => {
    const span = dateSpan(report.asOf);
    const bounds = plotBounds(report.value, report.qualifier);
    return span === null || bounds === null ? [] : [{ report, span, bounds }];
  });
  const pageBounds = input.page ? plotBounds(input.page.value, input.page.qualifier) : null;

  const precise = items.filter((i) => i.span.precision !== 'year');
  const spans = (precise.length > 0 ? precise : items).map((i) => i.span);
  let t0 = spans.length > 0 ? Math.min(...spans.map((s) => s.start)) : Date.UTC(2024, 0, 1);
  let t1 = spans.length > 0 ? Math.max(...spans.map((s) => s.end)) : Date.UTC(2025, 0, 1);
  if (t1 - t0 < 60 * DAY) {
    const mid = (t0 + t1) / 2;
    t0 = mid - 30 * DAY;
    t1 = mid + 30 * DAY;
  }
  const pad = (t1 - t0) * 0.03;
  const x = linearScale([t0 - pad, t1 + pad], [area.left, area.right]);

  const top = Math.max(1, ...items.map((i) => i.bounds.hi), pageBounds?.hi ?? 0);
  const ticks = valueTicks(top * 1.05);
  const yMax = ticks[ticks.length - 1]!;
  const y = linearScale([0, yMax], [area.bottom, area.top]);
  const clampX = (v: number) => Math.min(area.right, Math.max(area.left, v));

  const taken = new Map<string, number>();
  const marks = items.map(({ report, span, bounds }): PlotMark => {
    const from = clampX(x(span.start));
    const to = clampX(x(span.end));
    let cx = span.precision === 'day' ? x(span.start + DAY / 2) : (from + to) / 2;
    const cy = y((bounds.lo + bounds.hi) / 2);
    const key = `${Math.round(cx / 5)}:${Math.round(cy / 5)}:${bounds.open ?? ''}:${Math.round(y(bounds.hi) / 5)}`;
    const n = taken.get(key) ?? 0;
    taken.set(key, n + 1);
    // 0, +4, -4, +8, -8 … px
    cx = clampX(cx + (n === 0 ? 0 : (n % 2 === 1 ? 1 : -1) * 4 * Math.ceil(n / 2)));
    const mark: PlotMark = { id: report.id, attribution: report.attribution, x: cx, y: cy };
    if (span.precision !== 'day') {
      mark.xFrom = from;
      mark.xTo = to;
    }
    if (bounds.hi > bounds.lo) {
      mark.yTop = y(bounds.hi);
      mark.yBottom = y(bounds.lo);
    }
    if (bounds.open !== undefined) mark.open = bounds.open;
    return mark;
  });

  const page =
    pageBounds === null
      ? null
      : { y1: y(pageBounds.hi), y2: y(pageBounds.lo), ...(pageBounds.open ? { open: pageBounds.open } : {}) };

  return {
    width,
    height,
    area,
    marks,
    xTicks: monthTicks(t0 - pad, t1 + pad).map((tick) => ({ x: x(tick.t), label: tick.label })),
    yTicks: ticks.map((v) => ({ y: y(v), label: compactNumber(v) })),
    page,
  };
}

/** An SVG path for a marker of `shape` centred on (`cx`, `cy`) with radius about `r`. */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r: number): string {
  const f = (n: number) => Math.round(n * 100) / 100;
  switch (shape) {
    case 'circle':
      return `M${f(cx - r)} ${f(cy)}a${f(r)} ${f(r)} 0 1 0 ${f(2 * r)} 0a${f(r)} ${f(r)} 0 1 0 ${f(-2 * r)} 0Z`;
    case 'square': {
      const s = r * 0.9;
      return `M${f(cx - s)} ${f(cy - s)}h${f(2 * s)}v${f(2 * s)}h${f(-2 * s)}Z`;
    }
    case 'diamond': {
      const s = r * 1.25;
      return `M${f(cx)} ${f(cy - s)}L${f(cx + s)} ${f(cy)}L${f(cx)} ${f(cy + s)}L${f(cx - s)} ${f(cy)}Z`;
    }
    case 'triangle': {
      const s = r * 1.2;
      return `M${f(cx)} ${f(cy - s)}L${f(cx + s)} ${f(cy + s * 0.8)}L${f(cx - s)} ${f(cy + s * 0.8)}Z`;
    }
    case 'cross': {
      const a = r * 1.1;
      const b = r * 0.4;
      return (
        `M${f(cx - b)} ${f(cy - a)}h${f(2 * b)}v${f(a - b)}h${f(a - b)}v${f(2 * b)}h${f(b - a)}` +
        `v${f(a - b)}h${f(-2 * b)}v${f(b - a)}h${f(b - a)}v${f(-2 * b)}h${f(a - b)}Z`
      );
    }
    case 'bar': {
      const a = r * 1.1;
      const b = r * 0.45;
      return `M${f(cx - a)} ${f(cy - b)}h${f(2 * a)}v${f(2 * b)}h${f(-2 * a)}Z`;
    }
  }
}
