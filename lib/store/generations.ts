/**
 * Dataset generations (DESIGN §8): the active one, the previous one kept for one-click rollback,
 * and the rule that versions only go up, with the bundled dataset as the floor.
 */
import type { CompiledDataset } from '../dataset/types';
import {
  EMPTY_POINTERS,
  type CrosscheckDB,
  type GenerationRecord,
  type GenerationSource,
  type InstalledManifest,
  type Pointers,
} from './db';

/** What the options page and popup show about the active dataset. */
export interface DatasetStatus {
  id: string;
  version: number;
  generation: number;
  counts: { entities: number; quantities: number; reports: number };
  installedAt: string;
  source: GenerationSource;
  /** When the release it came from expires (updates only). */
  expires?: string;
  previous?: { version: number };
}

export interface InstallMeta {
  source: GenerationSource;
  /** ISO timestamp. */
  installedAt: string;
  manifest?: InstalledManifest;
}

/** Why an install was refused. */
export type InstallRefusal =
  /** The version is not higher than the active one (a rollback attempt or a repeat). */
  | 'not-newer'
  /** An update for another dataset than the active one. */
  | 'other-dataset'
  /** An update at or below a version the reader rolled back from. */
  | 'rolled-back';

export type InstallResult =
  | { installed: true; status: DatasetStatus }
  | { installed: false; reason: InstallRefusal; activeVersion: number };

export type RollbackResult =
  { rolledBack: true; status: DatasetStatus } | { rolledBack: false; reason: 'no-previous' | 'below-floor' };

/** Summarises a stored generation (and the version of the previous one, if kept). */
export function statusOf(record: GenerationRecord, previous?: GenerationRecord): DatasetStatus {
  const { dataset } = record;
  return {
    id: dataset.dataset.id,
    version: dataset.dataset.version,
    generation: record.generation,
    counts: {
      entities: dataset.entities.length,
      quantities: dataset.quantities.length,
      reports: dataset.reports.length,
    },
    installedAt: record.installedAt,
    source: record.source,
    ...(record.manifest ? { expires: record.manifest.expires } : {}),
    ...(previous ? { previous: { version: previous.dataset.dataset.version } } : {}),
  };
}

/** The active generation, or null when nothing is installed yet. */
export async function getActiveDataset(db: CrosscheckDB): Promise<GenerationRecord | null> {
  const tx = db.transaction(['pointers', 'generations'], 'readonly');
  const pointers = (await tx.objectStore('pointers').get('pointers')) ?? EMPTY_POINTERS;
  const record =
    pointers.active === null ? undefined : await tx.objectStore('generations').get(pointers.active);
  await tx.done;
  return record ?? null;
}

/** The status of the active generation, or null when nothing is installed yet. */
export async function getStatus(db: CrosscheckDB): Promise<DatasetStatus | null> {
  const tx = db.transaction(['pointers', 'generations'], 'readonly');
  const generations = tx.objectStore('generations');
  const pointers = (await tx.objectStore('pointers').get('pointers')) ?? EMPTY_POINTERS;
  const active = pointers.active === null ? undefined : await generations.get(pointers.active);
  const previous = pointers.previous === null ? undefined : await generations.get(pointers.previous);
  await tx.done;
  return active ? statusOf(active, previous) : null;
}

/**
 * Installs `dataset` as the new active generation in one transaction: the old active one becomes
 * the previous one and any older generation is deleted, so a failure leaves the store as it was.
 * Refused (nothing written) when the version is not higher than the active one, when an update is
 * for another dataset id, or when an update is at or below a version the reader rolled back from.
 * A bundled dataset with another id replaces the active one: the extension package decides what
 * it ships. The caller must have checked the dataset against the schema.
 */
export async function installGeneration(
  db: CrosscheckDB,
  dataset: CompiledDataset,
  meta: InstallMeta,
): Promise<InstallResult> {
  const tx = db.transaction(['pointers', 'generations'], 'readwrite');
  const generations = tx.objectStore('generations');
  const pointerStore = tx.objectStore('pointers');
  const pointers = (await pointerStore.get('pointers')) ?? EMPTY_POINTERS;
  const active = pointers.active === null ? undefined : await generations.get(pointers.active);
  const refusal = active ? refusalFor(active, dataset, meta.source, pointers) : null;
  if (refusal !== null && active) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return { installed: false, reason: refusal, activeVersion: active.dataset.dataset.version };
  }
  const record: GenerationRecord = {
    generation: pointers.nextGeneration,
    dataset,
    source: meta.source,
    installedAt: meta.installedAt,
    ...(meta.manifest ? { manifest: meta.manifest } : {}),
  };
  const version = dataset.dataset.version;
  const sameDataset = active?.dataset.dataset.id === dataset.dataset.id;
  const next: Pointers = {
    active: record.generation,
    previous: active && sameDataset ? active.generation : null,
    nextGeneration: record.generation + 1,
    floor: meta.source === 'bundled' ? version : sameDataset ? pointers.floor : 0,
    blocked: sameDataset ? pointers.blocked : 0,
  };
  await generations.put(record);
  for (const stale of [pointers.previous, active && !sameDataset ? active.generation : null]) {
    if (stale !== null) await generations.delete(stale);
  }
  await pointerStore.put(next, 'pointers');
  await tx.done;
  return { installed: true, status: statusOf(record, sameDataset ? active : undefined) };
}

/**
 * Makes the previous generation active again and deletes the current one, in one transaction.
 * Updates at or below the version rolled back from are refused afterwards, so the same release
 * is not reinstalled at the next check. Refused when there is no previous generation or when it
 * is older than the bundled floor.
 */
export async function rollback(db: CrosscheckDB): Promise<RollbackResult> {
  const tx = db.transaction(['pointers', 'generations'], 'readwrite');
  const generations = tx.objectStore('generations');
  const pointerStore = tx.objectStore('pointers');
  const pointers = (await pointerStore.get('pointers')) ?? EMPTY_POINTERS;
  const active = pointers.active === null ? undefined : await generations.get(pointers.active);
  const previous = pointers.previous === null ? undefined : await generations.get(pointers.previous);
  const reason =
    !active || !previous
      ? 'no-previous'
      : previous.dataset.dataset.version < pointers.floor
        ? 'below-floor'
        : null;
  if (reason !== null || !active || !previous) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return { rolledBack: false, reason: reason ?? 'no-previous' };
  }
  await generations.delete(active.generation);
  await pointerStore.put(
    {
      ...pointers,
      active: previous.generation,
      previous: null,
      blocked: Math.max(pointers.blocked, active.dataset.dataset.version),
    },
    'pointers',
  );
  await tx.done;
  return { rolledBack: true, status: statusOf(previous) };
}

function refusalFor(
  active: GenerationRecord,
  dataset: CompiledDataset,
  source: GenerationSource,
  pointers: Pointers,
): InstallRefusal | null {
  const sameDataset = active.dataset.dataset.id === dataset.dataset.id;
  if (!sameDataset) return source === 'bundled' ? null : 'other-dataset';
  const version = dataset.dataset.version;
  if (version <= active.dataset.dataset.version) return 'not-newer';
  if (source === 'update' && version <= pointers.blocked) return 'rolled-back';
  return null;
}
