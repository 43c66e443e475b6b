/**
 * Turns schema-valid source items into their compiled shape: short forms expanded, empty optional
 * fields omitted (DESIGN §4). The only rules checked here are the ones that exist in sources only
 * (which short forms of a value may be combined).
 */
import type { PathIssue } from './issues';
import type { AliasSource, DateSource, EntitySource, QuantitySource, ReportSource } from './schema';
import type { Alias, Entity, Quantity, Report, ReportValue } from './types';

/** A source date as a `PartialDate` string (`2024` read as a number by YAML becomes `"2024"`). */
export function normalizeDate(date: DateSource): string {
  return typeof date === 'number' ? String(date) : date;
}

function normalizeAlias(alias: AliasSource): Alias {
  if (typeof alias === 'string') return { text: alias };
  return alias.caseSensitive ? { text: alias.text, caseSensitive: true } : { text: alias.text };
}

/** Drops `undefined` fields and empty lists so that absent and empty compile to the same bytes. */
function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    if (Array.isArray(field) && field.length === 0) continue;
    out[key] = field;
  }
  return out as T;
}

/** The compiled entity for a schema-valid source entity. */
export function normalizeEntity(source: EntitySource): Entity {
  return {
    ...compact({
      id: source.id,
      kind: source.kind,
      name: source.name,
      surname: source.surname,
      description: source.description,
      roles: source.roles?.map((role) =>
        compact({
          title: role.title,
          org: role.org,
          from: role.from === undefined ? undefined : normalizeDate(role.from),
          to: role.to === undefined ? undefined : normalizeDate(role.to),
        }),
      ),
      country: source.country,
      party: source.party,
      stateMedia: source.stateMedia ? true : undefined,
      links: source.links,
    }),
    aliases: (source.aliases ?? []).map(normalizeAlias),
  };
}

/** The compiled quantity for a schema-valid source quantity (omitted cue lists become empty). */
export function normalizeQuantity(source: QuantitySource): Quantity {
  return compact({
    id: source.id,
    label: source.label,
    unit: source.unit,
    description: source.description,
    cues: {
      subject: source.cues?.subject ?? [],
      unit: source.cues?.unit ?? [],
      event: source.cues?.event ?? [],
      exclude: source.cues?.exclude ?? [],
    },
  });
}

/**
 * Expands a source value: `{ exact, qualifier? }` (qualifier `exact` or `about`, default `exact`)
 * or `{ low?, high?, qualifier }`. Returns the value, or the issues (paths relative to the report)
 * when the combination is not one of those forms.
 */
export function normalizeValue(
  value: ReportSource['value'],
): { value: ReportValue } | { issues: PathIssue[] } {
  const hasBounds = value.low !== undefined || value.high !== undefined;
  if (value.exact !== undefined) {
    if (hasBounds)
      return { issues: [{ path: ['value'], message: 'must use either exact or low/high, not both' }] };
    const qualifier = value.qualifier ?? 'exact';
    if (qualifier !== 'exact' && qualifier !== 'about') {
      return {
        issues: [
          {
            path: ['value', 'qualifier'],
            message: `"${qualifier}" does not go with value.exact (use exact or about, or give low/high)`,
          },
        ],
      };
    }
    return { value: { low: value.exact, high: value.exact, qualifier } };
  }
  if (!hasBounds) return { issues: [{ path: ['value'], message: 'needs exact, or low and/or high' }] };
  if (value.qualifier === undefined) {
    return { issues: [{ path: ['value', 'qualifier'], message: 'is required with low/high' }] };
  }
  return { value: { low: value.low ?? null, high: value.high ?? null, qualifier: value.qualifier } };
}

/** The compiled report for a schema-valid source report of `quantity` with an already expanded value. */
export function normalizeReport(source: ReportSource, quantity: string, value: ReportValue): Report {
  return {
    ...compact({
      id: source.id,
      quantity,
      asOf: normalizeDate(source.asOf),
      published: normalizeDate(source.published),
      outlet: source.outlet,
      source: source.source,
      chain: source.chain,
      attribution: source.attribution,
      url: source.url,
      summary: source.summary,
      language: source.language,
      genre: source.genre,
      notes: source.notes,
      disputed: source.disputed,
    }),
    value,
    subjects: source.subjects ?? [],
  };
}
