import { countReports, formatValue } from '../lib/card/format';
import type { FigureCardData } from '../lib/dataset/card-data';
import type { PageFigure } from '../lib/store/messages';
import { AttributionBadge } from './AttributionBadge';
import { DotPlot } from './DotPlot';
import { ReportList } from './ReportList';

export interface FigureCardProps {
  data: FigureCardData;
  /** The figure as found on this page. */
  figure: Pick<PageFigure, 'value' | 'qualifier' | 'unit' | 'attribution'>;
  /** The id given to the heading (the dialog's `aria-labelledby`). */
  titleId: string;
}

/**
 * A figure's card: which quantity it is, this page's value and how the page attributes it, a
 * dot plot of every report of the quantity, and the list of those reports.
 */
export function FigureCard({ data, figure, titleId }: FigureCardProps) {
  const { quantity, reports } = data;
  const pageValue = formatValue(figure.value, figure.qualifier, figure.unit);
  const attribution = figure.attribution ?? { type: 'unclear' as const, cue: '' };
  const cue = attribution.cue.trim();
  return (
    <article class="cc-figure-card">
      <header class="cc-head">
        <p class="cc-kicker">Figure in this article</p>
        <h2 id={titleId} class="cc-title">
          {quantity.label}
        </h2>
        {quantity.description !== undefined && <p class="cc-desc">{quantity.description}</p>}
      </header>
      <dl class="cc-page-facts">
        <div>
          <dt>This page</dt>
          <dd class="cc-page-value">
            {pageValue}
            {figure.unit === undefined && quantity.unit !== '' && (
              <span class="cc-unit"> {quantity.unit}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Where it comes from</dt>
          <dd class="cc-page-source">
            <AttributionBadge type={attribution.type} />
            {/* The leading space separates badge and cue in the text a screen reader reads. */}
            {cue !== '' && <span class="cc-cue">{` “${cue}”`}</span>}
          </dd>
        </div>
      </dl>
      {reports.length === 0 ? (
        <p class="cc-empty">The dataset has no other reports of this figure yet.</p>
      ) : (
        <>
          <section class="cc-section" aria-label="Other reports over time">
            <h3 class="cc-h3">What others reported, over time</h3>
            <DotPlot
              reports={reports.map((r) => ({
                id: r.id,
                value: r.value,
                qualifier: r.value.qualifier,
                asOf: r.asOf,
                attribution: r.attribution,
                outlet: r.outlet.name,
              }))}
              page={{
                value: figure.value,
                qualifier: figure.qualifier,
                ...(figure.unit ? { unit: figure.unit } : {}),
              }}
              unit={figure.unit === undefined ? quantity.unit : ''}
            />
          </section>
          <section class="cc-section">
            <h3 class="cc-h3">{countReports(reports.length)}, oldest first</h3>
            <ReportList reports={reports} label={`Reports of ${quantity.label}`} />
          </section>
        </>
      )}
    </article>
  );
}
