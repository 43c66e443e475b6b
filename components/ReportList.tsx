import { formatPartialDate, formatValue, isHttpsUrl, linkHost } from '../lib/card/format';
import type { CardReport, ReportRelation } from '../lib/dataset/card-data';
import { AttributionBadge } from './AttributionBadge';

/** A report in a card's list, with what a name card adds. */
export type ListedReport = CardReport & { quantityLabel?: string; relations?: ReportRelation[] };

/** "as source, subject": how a name takes part in a report. */
export function relationText(relations: readonly ReportRelation[]): string {
  return relations.length === 0 ? '' : `as ${relations.join(', ')}`;
}

/** Who a report cites, in words: the chain when there is one, else the source's name, else "". */
export function citesText(report: Pick<CardReport, 'source' | 'chain'>): string {
  return report.chain ?? report.source?.name ?? '';
}

/**
 * One report: value and date, outlet and who it cites, attribution badge, a link to the piece
 * (https only, new tab, no referrer), and the reason when the figure is disputed.
 */
export function ReportItem({ report }: { report: ListedReport }) {
  const cites = citesText(report);
  const href = isHttpsUrl(report.url) ? report.url : null;
  return (
    <li class={`cc-report${report.disputed ? ' cc-disputed' : ''}`}>
      {report.quantityLabel !== undefined && <p class="cc-r-quantity">{report.quantityLabel}</p>}
      <p class="cc-r-head">
        <strong class="cc-r-value">{formatValue(report.value, report.value.qualifier)}</strong>
        <span class="cc-r-date">as of {formatPartialDate(report.asOf)}</span>
      </p>
      <p class="cc-r-who">
        <span class="cc-r-outlet">{report.outlet.name}</span>
        {cites !== '' && <span class="cc-r-cites"> citing {cites}</span>}
      </p>
      <p class="cc-r-meta">
        <AttributionBadge type={report.attribution} />
        {report.relations !== undefined && report.relations.length > 0 && (
          <span class="cc-r-relation">{relationText(report.relations)}</span>
        )}
        {href !== null && (
          <a class="cc-r-link" href={href} target="_blank" rel="noopener noreferrer">
            {linkHost(href)}
            <span class="cc-sr"> (opens in a new tab)</span>
          </a>
        )}
      </p>
      {report.disputed && (
        <p class="cc-r-disputed">
          <strong>Disputed:</strong> {report.disputed.reason}
        </p>
      )}
    </li>
  );
}

/** A list of reports, in the order given. */
export function ReportList({ reports, label }: { reports: readonly ListedReport[]; label: string }) {
  return (
    <ol class="cc-reports" aria-label={label}>
      {reports.map((r) => (
        <ReportItem key={r.id} report={r} />
      ))}
    </ol>
  );
}
