/**
 * Checks the dataset sources and compiles them into the canonical compiled shape (DESIGN §4):
 * syntax, schema, source-only value rules and every semantic check, each problem at file:line.
 */
import * as v from 'valibot';
import { toPathIssues, describeIssue, type PathIssue } from './issues';
import { normalizeEntity, normalizeQuantity, normalizeReport, normalizeValue } from './normalize';
import { sortProblems, type JsonPath, type Problem } from './problems';
import {
  datasetFileSchema,
  entitiesFileSchema,
  quantitiesFileSchema,
  reportsFileSchema,
  type EntitySource,
  type QuantitySource,
  type ReportSource,
} from './schema';
import { semanticChecks } from './semantic-checks';
import type { CompiledDataset, DatasetMeta, Entity, Quantity, Report } from './types';
import { parseYamlSource, type SourceFile, type YamlSource } from './yaml-source';

export type { SourceFile } from './yaml-source';
export type { Problem } from './problems';

export interface CompileOptions {
  /** `YYYY-MM-DD`; reports dated after it are refused. Defaults to today (UTC). */
  today?: string;
}

export interface CompileResult {
  /** The compiled dataset, or `null` when there is any problem. */
  dataset: CompiledDataset | null;
  /** Every problem found, ordered by file and line. */
  problems: Problem[];
}

type Role = 'dataset' | 'quantities' | 'entities' | 'reports';

/** Where a compiled item came from, to turn a path in the compiled data back into a line. */
interface Origin {
  source: YamlSource;
  /** The item's path inside its file. */
  base: JsonPath;
  /** The report used `value.exact` (its `value.low`/`value.high` live on that line). */
  exactValue?: boolean;
}

function roleOf(path: string): Role | null {
  const parts = path.split('/');
  const name = parts[parts.length - 1] ?? '';
  const parent = parts[parts.length - 2];
  if (!/\.ya?ml$/.test(name)) return null;
  if (parent === 'entities') return 'entities';
  if (parent === 'reports') return 'reports';
  if (/^dataset\.ya?ml$/.test(name)) return 'dataset';
  if (/^quantities\.ya?ml$/.test(name)) return 'quantities';
  return null;
}

/** The dataset directory a source path belongs to, with a trailing slash (`dataset/`), or `''`. */
function datasetDirOf(path: string | undefined): string {
  if (path === undefined) return 'dataset/';
  const parts = path.split('/');
  parts.pop();
  if (parts[parts.length - 1] === 'entities' || parts[parts.length - 1] === 'reports') parts.pop();
  return parts.length === 0 ? '' : `${parts.join('/')}/`;
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function idOf(item: unknown): string | undefined {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof item === 'object' && typeof id === 'string' ? id : undefined;
}

/**
 * Checks `files` (paths relative to the working directory, e.g. `dataset/reports/x.yaml`; roles
 * are taken from the path: `dataset.yaml`, `quantities.yaml`, `entities/*.yaml`,
 * `reports/*.yaml`) and compiles them. The compiled dataset has short forms expanded, empty
 * optional fields omitted, and entities, quantities and reports sorted by id, so the result does
 * not depend on the order of `files`. Returns `dataset: null` when there is any problem. Never
 * throws.
 */
export function checkAndCompile(files: readonly SourceFile[], options: CompileOptions = {}): CompileResult {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const problems: Problem[] = [];
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

  let meta: DatasetMeta | undefined;
  let metaSource: YamlSource | undefined;
  let quantitiesSeen = false;
  const entities: Entity[] = [];
  const entityOrigins: Origin[] = [];
  const quantities: Quantity[] = [];
  const quantityOrigins: Origin[] = [];
  const reports: Report[] = [];
  const reportOrigins: Origin[] = [];
  const extraEntityIds = new Set<string>();
  const extraQuantityIds = new Set<string>();
  // A file that could not be read at all hides its ids: then "unknown id" reports would be noise.
  const incomplete = { entities: false, quantities: false };

  const report = (source: YamlSource, path: JsonPath, rel: JsonPath, message: string, what: string): void => {
    problems.push({
      file: source.file,
      line: source.lineOf(path),
      message: describeIssue(rel, message, what),
    });
  };

  /** Reports schema issues; returns the indices of the items (just after `itemPrefix`) that failed. */
  const reportIssues = (
    source: YamlSource,
    issues: readonly PathIssue[],
    itemPrefix: JsonPath,
    what: string,
  ): Set<number> => {
    const bad = new Set<number>();
    for (const issue of issues) {
      const inItem =
        issue.path.length > itemPrefix.length &&
        itemPrefix.every((key, i) => issue.path[i] === key) &&
        typeof issue.path[itemPrefix.length] === 'number';
      if (inItem) {
        bad.add(issue.path[itemPrefix.length] as number);
        report(source, issue.path, issue.path.slice(itemPrefix.length + 1), issue.message, what);
      } else {
        report(source, issue.path, issue.path, issue.message, 'file');
      }
    }
    return bad;
  };

  for (const file of sorted) {
    const role = roleOf(file.path);
    if (role === null) {
      problems.push({
        file: file.path,
        line: 1,
        message:
          'is not a dataset source (expected dataset.yaml, quantities.yaml, entities/*.yaml or reports/*.yaml)',
      });
      continue;
    }
    const source = parseYamlSource(file);
    problems.push(...source.problems);
    if (source.value === undefined) {
      if (role === 'entities' || role === 'quantities') incomplete[role] = true;
      continue;
    }

    if (role === 'dataset') {
      if (metaSource !== undefined) {
        problems.push({
          file: file.path,
          line: 1,
          message: `is a second dataset.yaml (the first is ${metaSource.file})`,
        });
        continue;
      }
      metaSource = source;
      const result = v.safeParse(datasetFileSchema, source.value, { abortPipeEarly: true });
      if (result.success) meta = result.output;
      else reportIssues(source, toPathIssues(result.issues), [], 'file');
    } else if (role === 'quantities' || role === 'entities') {
      if (role === 'quantities') {
        if (quantitiesSeen) {
          problems.push({ file: file.path, line: 1, message: 'is a second quantities.yaml' });
          continue;
        }
        quantitiesSeen = true;
      }
      const schema = role === 'entities' ? entitiesFileSchema : quantitiesFileSchema;
      const result = v.safeParse(schema, source.value, { abortPipeEarly: true });
      const bad = result.success
        ? new Set<number>()
        : reportIssues(source, toPathIssues(result.issues), [], role === 'entities' ? 'entity' : 'quantity');
      if (!Array.isArray(source.value)) {
        incomplete[role] = true;
        continue;
      }
      source.value.forEach((item, i) => {
        if (bad.has(i)) {
          const id = idOf(item);
          if (id !== undefined) (role === 'entities' ? extraEntityIds : extraQuantityIds).add(id);
          return;
        }
        if (role === 'entities') {
          entities.push(normalizeEntity(item as EntitySource));
          entityOrigins.push({ source, base: [i] });
        } else {
          quantities.push(normalizeQuantity(item as QuantitySource));
          quantityOrigins.push({ source, base: [i] });
        }
      });
    } else {
      const result = v.safeParse(reportsFileSchema, source.value, { abortPipeEarly: true });
      const bad = result.success
        ? new Set<number>()
        : reportIssues(source, toPathIssues(result.issues), ['reports'], 'report');
      const fileValue = source.value as { quantity?: unknown; reports?: unknown };
      const quantity = typeof fileValue?.quantity === 'string' ? fileValue.quantity : undefined;
      if (quantity === undefined || !Array.isArray(fileValue.reports)) continue;
      fileValue.reports.forEach((item: unknown, i: number) => {
        if (bad.has(i)) return;
        const reportSource = item as ReportSource;
        const value = normalizeValue(reportSource.value);
        if ('issues' in value) {
          for (const issue of value.issues)
            report(source, ['reports', i, ...issue.path], issue.path, issue.message, 'report');
          return;
        }
        reports.push(normalizeReport(reportSource, quantity, value.value));
        reportOrigins.push({
          source,
          base: ['reports', i],
          exactValue: reportSource.value.exact !== undefined,
        });
      });
    }
  }

  if (metaSource === undefined) {
    problems.push({
      file: `${datasetDirOf(sorted[0]?.path)}dataset.yaml`,
      line: 1,
      message: 'is missing (the dataset metadata)',
    });
  }

  const locate = (path: JsonPath): { file: string; line: number } => {
    const [collection, index, ...rest] = path;
    if (collection === 'dataset' && metaSource)
      return { file: metaSource.file, line: metaSource.lineOf(path.slice(1)) };
    const origins =
      collection === 'entities'
        ? entityOrigins
        : collection === 'quantities'
          ? quantityOrigins
          : reportOrigins;
    const origin = origins[index as number];
    if (origin === undefined) return { file: '(unknown)', line: 1 };
    let inner: JsonPath = rest;
    if (collection === 'reports' && rest[0] === 'quantity')
      return { file: origin.source.file, line: origin.source.lineOf(['quantity']) };
    if (
      collection === 'reports' &&
      rest[0] === 'value' &&
      origin.exactValue &&
      (rest[1] === 'low' || rest[1] === 'high')
    ) {
      inner = ['value', 'exact'];
    }
    return { file: origin.source.file, line: origin.source.lineOf([...origin.base, ...inner]) };
  };

  const candidate: CompiledDataset = {
    dataset: meta ?? { id: '', title: '', version: 0, license: '', homepage: '', issues: '', languages: [] },
    entities,
    quantities,
    reports,
  };
  const semantic = semanticChecks(candidate, {
    where: (path) => {
      const at = locate(path);
      return `${at.file}:${at.line}`;
    },
    today,
    extraEntityIds,
    extraQuantityIds,
    entitiesIncomplete: incomplete.entities,
    quantitiesIncomplete: incomplete.quantities,
  });
  for (const issue of semantic) problems.push({ ...locate(issue.path), message: issue.message });

  if (problems.length > 0 || meta === undefined) return { dataset: null, problems: sortProblems(problems) };
  return {
    dataset: {
      dataset: meta,
      entities: [...entities].sort(byId),
      quantities: [...quantities].sort(byId),
      reports: [...reports].sort(byId),
    },
    problems: [],
  };
}
