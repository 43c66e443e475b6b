/**
 * Test helpers for the update client: signed releases built with throwaway keys, and a fake
 * `fetch` serving them as an update channel would.
 */
import { compiledFixture } from '../dataset/fixture';
import type { GeneratedKey } from '../../lib/dataset/keys';
import { buildRelease } from '../../lib/dataset/release';
import type { CompiledDataset } from '../../lib/dataset/types';
import type { FetchLike } from '../../lib/update/download';

export const CHANNEL = 'https://updates.example/release/manifest.json';
export const RELEASE_BASE = 'https://updates.example/release/';
export const T0 = new Date('2025-01-01T00:00:00.000Z');

/** The fixture dataset (id `mini`) at `version`. */
export function datasetAt(version: number, id = 'mini'): CompiledDataset {
  const dataset = compiledFixture();
  return { ...dataset, dataset: { ...dataset.dataset, id, version } };
}

/** A release's files by name. */
export type ReleaseFiles = Map<string, Uint8Array>;

/** A signed release of `dataset` at `version`, created at `now`, valid for `expiresDays`. */
export async function release(
  key: GeneratedKey,
  version: number,
  options: { dataset?: CompiledDataset; now?: Date; expiresDays?: number } = {},
): Promise<ReleaseFiles> {
  const built = await buildRelease({
    dataset: options.dataset ?? datasetAt(version),
    privateKeyPem: key.privateKeyPem,
    now: options.now ?? T0,
    expiresDays: options.expiresDays ?? 30,
    version,
  });
  return new Map(built.files.map((f) => [f.path, f.bytes]));
}

/** A copy of `files` with one bit of `name` flipped at `index`. */
export function tamper(files: ReleaseFiles, name: string, index = 10): ReleaseFiles {
  const copy = new Map(files);
  const bytes = new Uint8Array(files.get(name)!);
  bytes[index]! ^= 0x01;
  copy.set(name, bytes);
  return copy;
}

/** One request the fake fetch saw. */
export interface SeenRequest {
  url: string;
  init: RequestInit;
}

/** A fake fetch serving `files` under {@link RELEASE_BASE}; 404 for anything else. */
export function serve(files: ReleaseFiles): { fetch: FetchLike; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetch: FetchLike = async (url, init) => {
    seen.push({ url, init });
    const name = url.startsWith(RELEASE_BASE) ? url.slice(RELEASE_BASE.length) : null;
    const bytes = name === null ? undefined : files.get(name);
    if (!bytes) return new Response('not found', { status: 404 });
    return new Response(new Uint8Array(bytes), {
      status: 200,
      headers: { 'content-length': String(bytes.length) },
    });
  };
  return { fetch, seen };
}

/** The file names a fake fetch was asked for, in order. */
export function names(seen: readonly SeenRequest[]): string[] {
  return seen.map((r) => r.url.slice(RELEASE_BASE.length));
}
