import { ATTRIBUTION_MARKERS, attributionLabel, typesPresent } from '../lib/card/attribution';
import { formatPartialDate, formatValue } from '../lib/card/format';
import { layoutPlot, markerPath, type PlotReport } from '../lib/card/plot';
import type { Qualifier } from '../lib/dataset/types';
import type { ValueLike } from '../lib/card/format';
import { AttributionGlyph } from './AttributionBadge';

export interface DotPlotProps {
  reports: readonly (PlotReport & { outlet: string })[];
  page?: { value: ValueLike; qualifier: Qualifier; unit?: string };
  /** The quantity's unit, written over the value axis ("troops"). */
  unit?: string;
  width?: number;
  height?: number;
}

/**
 * Every report's value over time, coloured and shaped by attribution type, with the page's value
 * as a line; a legend lists only the types present. Hand-written SVG from {@link layoutPlot}.
 */
export function DotPlot({ reports, page, unit, width = 388, height = 172 }: DotPlotProps) {
  const layout = layoutPlot({ reports, ...(page ? { page } : {}), width, height });
  const { area } = layout;
  const byId = new Map(reports.map((r) => [r.id, r]));
  const pageText = page ? formatValue(page.value, page.qualifier, page.unit) : '';
  const summary =
    `${reports.length} reports plotted by date and value` +
    (page ? `; this page’s value, ${pageText}, is drawn as a line` : '');
  return (
    <figure class="cc-plot">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={summary}
        class="cc-plot-svg"
      >
        {unit !== undefined && unit !== '' && (
          <text class="cc-axis cc-axis-unit" x={2} y={9}>
            {unit}
          </text>
        )}
        {layout.yTicks.map((t) => (
          <g key={`y${t.label}`}>
            <line class="cc-grid" x1={area.left} x2={area.right} y1={t.y} y2={t.y} />
            <text class="cc-axis" x={area.left - 5} y={t.y + 3.5} text-anchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <g key={`x${t.label}${t.x}`}>
            <line class="cc-tick" x1={t.x} x2={t.x} y1={area.bottom} y2={area.bottom + 4} />
            <text class="cc-axis" x={t.x} y={area.bottom + 15} text-anchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        {layout.page && (
          <g class="cc-page-line">
            {layout.page.y2 - layout.page.y1 > 1 && (
              <rect
                class="cc-page-band"
                x={area.left}
                width={area.right - area.left}
                y={layout.page.y1}
                height={layout.page.y2 - layout.page.y1}
              />
            )}
            <line x1={area.left} x2={area.right} y1={layout.page.y1} y2={layout.page.y1} />
            <text class="cc-page-label" x={area.right + 4} y={layout.page.y1 + 3.5}>
              this page
            </text>
          </g>
        )}
        {layout.marks.map((m) => {
          const report = byId.get(m.id);
          const style = ATTRIBUTION_MARKERS[m.attribution] ?? ATTRIBUTION_MARKERS.unclear;
          return (
            <g key={m.id} class={`cc-mark cc-t-${m.attribution}`}>
              {report && (
                <title>
                  {`${formatValue(report.value, report.qualifier)} · ${formatPartialDate(report.asOf)} · ${report.outlet}`}
                </title>
              )}
              {m.xFrom !== undefined && m.xTo !== undefined && (
                <line class="cc-whisker" x1={m.xFrom} x2={m.xTo} y1={m.y} y2={m.y} />
              )}
              {m.yTop !== undefined && m.yBottom !== undefined && (
                <>
                  <line class="cc-range" x1={m.x} x2={m.x} y1={m.yTop} y2={m.yBottom} />
                  <line class="cc-range" x1={m.x - 3} x2={m.x + 3} y1={m.yTop} y2={m.yTop} />
                  <line class="cc-range" x1={m.x - 3} x2={m.x + 3} y1={m.yBottom} y2={m.yBottom} />
                </>
              )}
              {m.open && (
                <path
                  class="cc-arrow"
                  d={
                    m.open === 'up'
                      ? `M${m.x} ${m.y - 5}V${m.y - 13}M${m.x - 3} ${m.y - 10}L${m.x} ${m.y - 13}L${m.x + 3} ${m.y - 10}`
                      : `M${m.x} ${m.y + 5}V${m.y + 13}M${m.x - 3} ${m.y + 10}L${m.x} ${m.y + 13}L${m.x + 3} ${m.y + 10}`
                  }
                />
              )}
              <path
                class={style.filled ? 'cc-fill' : 'cc-hollow'}
                d={markerPath(style.shape, m.x, m.y, 3.6)}
              />
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="cc-legend" aria-label="Legend">
          {typesPresent(reports.map((r) => r.attribution)).map((type) => (
            <li key={type} class={`cc-t-${type}`}>
              <AttributionGlyph type={type} />
              {attributionLabel(type)}
            </li>
          ))}
          {page && (
            <li class="cc-legend-page">
              <svg class="cc-glyph" viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
                <line x1="0" x2="12" y1="6" y2="6" />
              </svg>
              this page
            </li>
          )}
          <li class="cc-legend-note">↑ more than · ↓ up to · ⟷ month or year only</li>
        </ul>
      </figcaption>
    </figure>
  );
}
