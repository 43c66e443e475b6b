/**
 * Rules across fields and items of a dataset in its compiled shape: unique ids, references that
 * resolve, alias collisions, value bounds, duplicate reports, dates. They run both on sources
 * (`compile.ts`, which maps paths back to file:line) and on a downloaded compiled dataset
 * (`validate-compiled.ts`, which reports the JSON path).
 */
import type { PathIssue } from './issues';
import { formatPath, type JsonPath } from './problems';
import { aliasKey, partialDateStart } from './rules';
import type { CompiledDataset, Qualifier } from './types';

export interface SemanticCheckOptions {
  /** Describes where another item is, for messages such as "first defined at …". */
  where?: (path: JsonPath) => string;
  /** `YYYY-MM-DD`: when given, `asOf`/`published` after this day are refused. */
  today?: string;
  /**
   * Ids that exist but whose items were left out because they failed the schema: references to
   * them are not reported again.
   */
  extraEntityIds?: ReadonlySet<string>;
  extraQuantityIds?: ReadonlySet<string>;
  /** A whole entities (or quantities) file could not be read: skip "unknown entity" (quantity) reports. */
  entitiesIncomplete?: boolean;
  quantitiesIncomplete?: boolean;
}

const NEEDS: Record<Qualifier, { low: boolean; high: boolean; text: string }> = {
  exact: { low: true, high: true, text: 'low equal to high' },
  about: { low: true, high: true, text: 'both low and high' },
  range: { low: true, high: true, text: 'both low and high' },
  'at-least': { low: true, high: false, text: 'low' },
  'more-than': { low: true, high: false, text: 'low' },
  'up-to': { low: false, high: true, text: 'high' },
  'fewer-than': { low: false, high: true, text: 'high' },
};

/**
 * Runs every cross-field and cross-item rule on `dataset` and returns the issues with paths from
 * the dataset's root (`['reports', 3, 'value', 'low']`) and messages that name the field relative
 * to its item (`value.low 5000 is greater than value.high 3000`). Later duplicates are reported,
 * the first occurrence is not. Never throws on a schema-valid dataset.
 */
export function semanticChecks(dataset: CompiledDataset, options: SemanticCheckOptions = {}): PathIssue[] {
  const where = options.where ?? formatPath;
  const issues: PathIssue[] = [];
  const add = (path: JsonPath, message: string): void => {
    issues.push({ path, message });
  };

  const entityIds = uniqueIds('entities', 'entity', dataset.entities, where, add);
  const quantityIds = uniqueIds('quantities', 'quantity', dataset.quantities, where, add);
  uniqueIds('reports', 'report', dataset.reports, where, add);
  const isEntity = (id: string): boolean =>
    options.entitiesIncomplete === true || entityIds.has(id) || (options.extraEntityIds?.has(id) ?? false);
  const isQuantity = (id: string): boolean =>
    options.quantitiesIncomplete === true ||
    quantityIds.has(id) ||
    (options.extraQuantityIds?.has(id) ?? false);
  const unknownEntity = (field: string, id: string): string =>
    `${field} "${id}" is not an entity in the dataset`;

  // Aliases: the name counts as an alias; the same text on two entities makes a mention ambiguous.
  const aliasOwners = new Map<string, { entity: string; path: JsonPath }>();
  dataset.entities.forEach((entity, i) => {
    const texts: [JsonPath, string][] = [
      [['name'], entity.name],
      ...entity.aliases.map((alias, k): [JsonPath, string] => [['aliases', k], alias.text]),
    ];
    for (const [rel, text] of texts) {
      const key = aliasKey(text);
      const path = ['entities', i, ...rel];
      const owner = aliasOwners.get(key);
      if (owner === undefined) aliasOwners.set(key, { entity: entity.id, path });
      else if (owner.entity !== entity.id) {
        add(
          path,
          `${formatPath(rel)} "${text}" is also a name or alias of entity "${owner.entity}" (${where(owner.path)})`,
        );
      }
    }
    entity.roles?.forEach((role, k) => {
      if (role.org !== undefined && !isEntity(role.org))
        add(['entities', i, 'roles', k, 'org'], unknownEntity(`roles[${k}].org`, role.org));
      if (role.from !== undefined && role.to !== undefined && laterThan(role.from, role.to)) {
        add(
          ['entities', i, 'roles', k, 'from'],
          `roles[${k}].from ${role.from} is after roles[${k}].to ${role.to}`,
        );
      }
    });
  });

  const reportsByKey = new Map<string, { id: string; path: JsonPath }>();
  dataset.reports.forEach((report, i) => {
    const at = (...rel: (string | number)[]): JsonPath => ['reports', i, ...rel];
    if (!isQuantity(report.quantity))
      add(at('quantity'), `quantity "${report.quantity}" is not a quantity in the dataset`);
    if (!isEntity(report.outlet)) add(at('outlet'), unknownEntity('outlet', report.outlet));
    if (report.source !== undefined && !isEntity(report.source))
      add(at('source'), unknownEntity('source', report.source));
    report.subjects.forEach((subject, k) => {
      if (!isEntity(subject)) add(at('subjects', k), unknownEntity(`subjects[${k}]`, subject));
    });

    const { low, high, qualifier } = report.value;
    const needs = NEEDS[qualifier];
    if (
      (needs.low && low === null) ||
      (needs.high && high === null) ||
      (qualifier === 'exact' && low !== high)
    ) {
      add(at('value'), `value with qualifier "${qualifier}" needs ${needs.text}`);
    } else if (low !== null && high !== null && low > high) {
      add(at('value', 'low'), `value.low ${low} is greater than value.high ${high}`);
    }

    if (options.today !== undefined) {
      for (const field of ['asOf', 'published'] as const) {
        if (partialDateStart(report[field]) > options.today)
          add(at(field), `${field} ${report[field]} is in the future`);
      }
    }

    const key = JSON.stringify([report.quantity, report.outlet, report.published, low, high, qualifier]);
    const first = reportsByKey.get(key);
    if (first === undefined) reportsByKey.set(key, { id: report.id, path: at('id') });
    else {
      add(
        at('id'),
        `report "${report.id}" duplicates report "${first.id}" (same quantity, outlet, published date and value; ${where(first.path)})`,
      );
    }
  });

  return issues;
}

function uniqueIds(
  collection: 'entities' | 'quantities' | 'reports',
  word: string,
  items: readonly { id: string }[],
  where: (path: JsonPath) => string,
  add: (path: JsonPath, message: string) => void,
): Set<string> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else
      add(
        [collection, i, 'id'],
        `duplicate ${word} id "${item.id}" (first defined at ${where([collection, seen, 'id'])})`,
      );
  });
  return new Set(first.keys());
}

/** Whether partial date `a` is later than `b` at the precision both share (`2024-05` is not after `2024`). */
function laterThan(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) > b.slice(0, n);
}
