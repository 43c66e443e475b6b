/**
 * What changed between two compiled datasets, for reviewers of a dataset change or a release.
 */
import { canonicalJson } from './canonical-json';
import type { CompiledDataset, Entity, Quantity, Report } from './types';

/** One field whose value differs (`old`/`new` are `undefined` when the field is absent on that side). */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

export interface ItemChange {
  id: string;
  fields: FieldChange[];
}

export interface CollectionDiff<T> {
  added: T[];
  removed: T[];
  changed: ItemChange[];
}

export interface DatasetDiff {
  /** Changed metadata fields (`version`, `title`, …). */
  dataset: FieldChange[];
  entities: CollectionDiff<Entity>;
  quantities: CollectionDiff<Quantity>;
  reports: CollectionDiff<Report>;
}

function same(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(a) === canonicalJson(b);
}

function fieldChanges(a: object, b: object): FieldChange[] {
  const old = a as Record<string, unknown>;
  const neu = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(old), ...Object.keys(neu)])].sort();
  return keys.filter((k) => !same(old[k], neu[k])).map((k) => ({ field: k, old: old[k], new: neu[k] }));
}

function diffCollection<T extends { id: string }>(old: readonly T[], neu: readonly T[]): CollectionDiff<T> {
  const oldById = new Map(old.map((item) => [item.id, item]));
  const newById = new Map(neu.map((item) => [item.id, item]));
  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const changed: ItemChange[] = [];
  for (const item of neu) {
    const before = oldById.get(item.id);
    if (before === undefined) continue;
    const fields = fieldChanges(before, item);
    if (fields.length > 0) changed.push({ id: item.id, fields });
  }
  return {
    added: neu.filter((item) => !oldById.has(item.id)).sort(byId),
    removed: old.filter((item) => !newById.has(item.id)).sort(byId),
    changed: changed.sort(byId),
  };
}

/**
 * Compares two compiled datasets by id: items only in `next` are added, only in `previous` are
 * removed, in both with any differing top-level field are changed (each field with its old and
 * new value). Everything is sorted by id and field name.
 */
export function diffDatasets(previous: CompiledDataset, next: CompiledDataset): DatasetDiff {
  return {
    dataset: fieldChanges(previous.dataset, next.dataset),
    entities: diffCollection(previous.entities, next.entities),
    quantities: diffCollection(previous.quantities, next.quantities),
    reports: diffCollection(previous.reports, next.reports),
  };
}

/** Whether the diff has no change at all. */
export function isEmptyDiff(diff: DatasetDiff): boolean {
  return (
    diff.dataset.length === 0 &&
    [diff.entities, diff.quantities, diff.reports].every(
      (c) => c.added.length === 0 && c.removed.length === 0 && c.changed.length === 0,
    )
  );
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}

function describeReport(r: Report): string {
  const { low, high, qualifier } = r.value;
  const value = low === high ? `${low}` : `${low ?? '…'}–${high ?? '…'}`;
  return `${r.quantity} ${qualifier} ${value}, ${r.outlet}, ${r.published}, ${r.attribution}`;
}

/**
 * A reviewer's text rendering of a diff: one section per collection, `+` added, `-` removed,
 * `~` changed with one `field: old -> new` line per field. Ends with a newline.
 */
export function formatDiff(diff: DatasetDiff): string {
  if (isEmptyDiff(diff)) return 'no differences\n';
  const lines: string[] = [];
  if (diff.dataset.length > 0) {
    lines.push('dataset:');
    for (const f of diff.dataset) lines.push(`  ${f.field}: ${show(f.old)} -> ${show(f.new)}`);
  }
  const section = <T extends { id: string }>(
    name: string,
    word: string,
    c: CollectionDiff<T>,
    describe: (item: T) => string,
  ): void => {
    if (c.added.length + c.removed.length + c.changed.length === 0) return;
    lines.push(`${name}: ${c.added.length} added, ${c.removed.length} removed, ${c.changed.length} changed`);
    for (const item of c.added) lines.push(`  + ${word} ${item.id}: ${describe(item)}`);
    for (const item of c.removed) lines.push(`  - ${word} ${item.id}: ${describe(item)}`);
    for (const change of c.changed) {
      lines.push(`  ~ ${word} ${change.id}`);
      for (const f of change.fields) lines.push(`      ${f.field}: ${show(f.old)} -> ${show(f.new)}`);
    }
  };
  section('entities', 'entity', diff.entities, (e) => `${e.name} (${e.kind})`);
  section('quantities', 'quantity', diff.quantities, (q) => q.label);
  section('reports', 'report', diff.reports, describeReport);
  return `${lines.join('\n')}\n`;
}
