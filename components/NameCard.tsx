import { formatDateRange, formatNumber, isHttpsUrl, linkHost } from '../lib/card/format';
import type { NameCardData } from '../lib/dataset/card-data';
import type { EntityKind } from '../lib/dataset/types';
import { ReportList } from './ReportList';

const KIND_LABELS: Record<EntityKind, string> = {
  person: 'Person',
  organization: 'Organisation',
  agency: 'Agency',
  'military-unit': 'Military unit',
  outlet: 'News outlet',
  weapon: 'Weapon',
  place: 'Place',
  other: 'Name',
};

/** "north-korea" → "North Korea": a party id as a reader reads it. */
export function partyName(party: string): string {
  return party
    .split('-')
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** An ISO 3166-1 alpha-2 code's English name ("kp" → "North Korea"); the code itself if unknown. */
export function countryName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code.toUpperCase()) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

/** "Person · North Korea": the kicker line over a name card's heading. */
export function kindLine(kind: EntityKind, country?: string): string {
  return [KIND_LABELS[kind] ?? 'Name', country ? countryName(country) : '']
    .filter((s) => s !== '')
    .join(' · ');
}

/** The heading over a name card's reports ("12 reports naming X as source, outlet or subject, newest first"). */
export function reportsHeading(name: string, shown: number, total: number): string {
  if (total === 0) return `No reports in the dataset name ${name} as source, outlet or subject`;
  const count =
    shown < total
      ? `${formatNumber(shown)} of ${formatNumber(total)} reports`
      : total === 1
        ? '1 report'
        : `${formatNumber(total)} reports`;
  return `${count} naming ${name} as source, outlet or subject, newest first`;
}

export interface NameCardProps {
  data: NameCardData;
  titleId: string;
}

/**
 * A name's card: who or what it is (kind, roles with dates, description, party and state-media
 * flags, links) and the reports where it is the source, the outlet or the subject, newest first.
 */
export function NameCard({ data, titleId }: NameCardProps) {
  const { entity, reports, total } = data;
  const links = entity.links.filter(isHttpsUrl);
  return (
    <article class="cc-name-card">
      <header class="cc-head">
        <p class="cc-kicker">{kindLine(entity.kind, entity.country)}</p>
        <h2 id={titleId} class="cc-title">
          {entity.name}
        </h2>
      </header>
      {(entity.party !== undefined || entity.stateMedia) && (
        <p class="cc-flags">
          {entity.party !== undefined && (
            <span class="cc-flag cc-flag-party">Party to the war: {partyName(entity.party)}</span>
          )}
          {entity.stateMedia && <span class="cc-flag cc-flag-state">State media</span>}
        </p>
      )}
      {entity.roles.length > 0 && (
        <ul class="cc-roles" aria-label="Roles">
          {entity.roles.map((role, i) => {
            const dates = formatDateRange(role.from, role.to);
            return (
              <li key={i}>
                {role.title}
                {role.org !== undefined && `, ${role.org.name}`}
                {dates !== '' && <span class="cc-role-dates"> ({dates})</span>}
              </li>
            );
          })}
        </ul>
      )}
      <p class="cc-desc">{entity.description}</p>
      {links.length > 0 && (
        <p class="cc-links">
          {links.map((href) => (
            <a key={href} href={href} target="_blank" rel="noopener noreferrer">
              {linkHost(href)}
              <span class="cc-sr"> (opens in a new tab)</span>
            </a>
          ))}
        </p>
      )}
      <section class="cc-section">
        <h3 class="cc-h3">{reportsHeading(entity.name, reports.length, total)}</h3>
        {reports.length > 0 && <ReportList reports={reports} label={`Reports involving ${entity.name}`} />}
      </section>
    </article>
  );
}
