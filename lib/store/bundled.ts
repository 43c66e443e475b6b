/**
 * Keeps the dataset bundled with the extension installed: it is the floor (DESIGN §8), so it is
 * installed when the store is empty, holds another dataset, or holds an older version.
 */
import type { CompiledDataset } from '../dataset/types';
import type { CrosscheckDB } from './db';
import { getStatus, installGeneration, type DatasetStatus } from './generations';

export interface BundledSource {
  /** Reads the bundled dataset's JSON text (e.g. fetched from the extension package). */
  load: () => Promise<string>;
  /** Checks parsed JSON against the compiled schema; throws when it does not fit. */
  parse: (json: unknown) => CompiledDataset;
}

/**
 * Installs the bundled dataset unless the active generation is the same dataset at the same or a
 * higher version; checks the version before the (costlier) full schema check, since this runs
 * each time the service worker starts. Returns the status of the active generation afterwards.
 * Rejects when the bundled file cannot be read or does not fit the schema.
 */
export async function ensureBundledDataset(
  db: CrosscheckDB,
  source: BundledSource,
  now: () => Date = () => new Date(),
): Promise<DatasetStatus> {
  const [active, text] = await Promise.all([getStatus(db), source.load()]);
  const json: unknown = JSON.parse(text);
  const meta = headerOf(json);
  if (active && meta && active.id === meta.id && active.version >= meta.version) return active;
  const dataset = source.parse(json);
  const result = await installGeneration(db, dataset, {
    source: 'bundled',
    installedAt: now().toISOString(),
  });
  if (result.installed) return result.status;
  // Refused: a newer generation of the same dataset is active, which is what we want.
  const status = await getStatus(db);
  if (!status) throw new Error(`bundled dataset refused (${result.reason}) and no dataset is active`);
  return status;
}

/** The `dataset.id`/`dataset.version` header of unchecked JSON, if it has one. */
function headerOf(json: unknown): { id: string; version: number } | null {
  const header = (json as { dataset?: { id?: unknown; version?: unknown } } | null)?.dataset;
  return typeof header?.id === 'string' && typeof header.version === 'number'
    ? { id: header.id, version: header.version }
    : null;
}
