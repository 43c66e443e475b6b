/**
 * Builds a signed release (DESIGN §4): `dataset-<version>.json` (canonical JSON), `manifest.json`
 * and `manifest.sig`. Pure: returns the files' bytes; writing them is the caller's job.
 */
import { encodeBase64 } from './base64';
import { canonicalJson } from './canonical-json';
import { importPrivateKeyPem, sha256Hex, signBytes } from './keys';
import { datasetFileName, serializeManifest, type Manifest, type ManifestSignature } from './manifest';
import { SCHEMA_MAJOR, type CompiledDataset } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface BuildReleaseInput {
  dataset: CompiledDataset;
  /** PKCS#8 PEM Ed25519 private key. */
  privateKeyPem: string;
  /** The release time (manifest `created`). */
  now: Date;
  /** Days until the manifest expires; must be > 0. */
  expiresDays: number;
  /** Overrides the dataset's own version (the compiled file then carries this version too). */
  version?: number;
  subtle?: SubtleCrypto;
}

export interface BuiltRelease {
  manifest: Manifest;
  keyId: string;
  /** The release files, in the order they should be written (the manifest and its signature last). */
  files: { path: string; bytes: Uint8Array }[];
}

/**
 * Signs `dataset` into release files. Throws an `Error` when `expiresDays` is not > 0, `version`
 * is not a positive integer, or the key cannot be imported. The dataset is written with
 * `dataset.version` set to the release version so that manifest and data agree.
 */
export async function buildRelease(input: BuildReleaseInput): Promise<BuiltRelease> {
  const subtle = input.subtle ?? globalThis.crypto.subtle;
  if (!(input.expiresDays > 0) || !Number.isFinite(input.expiresDays)) {
    throw new Error(`expiresDays must be a number of days greater than 0, got ${input.expiresDays}`);
  }
  const version = input.version ?? input.dataset.dataset.version;
  if (!Number.isInteger(version) || version < 1)
    throw new Error(`version must be a positive integer, got ${version}`);
  const key = await importPrivateKeyPem(input.privateKeyPem, subtle);

  const dataset: CompiledDataset = { ...input.dataset, dataset: { ...input.dataset.dataset, version } };
  const dataBytes = new TextEncoder().encode(canonicalJson(dataset));
  const dataPath = datasetFileName(version);
  const manifest: Manifest = {
    format: 1,
    dataset: dataset.dataset.id,
    version,
    created: input.now.toISOString(),
    expires: new Date(input.now.getTime() + input.expiresDays * DAY_MS).toISOString(),
    files: [{ path: dataPath, sha256: await sha256Hex(dataBytes, subtle), bytes: dataBytes.length }],
    schema: SCHEMA_MAJOR,
  };
  const manifestBytes = new TextEncoder().encode(serializeManifest(manifest));
  const signature: ManifestSignature = {
    keyId: key.keyId,
    signature: encodeBase64(await signBytes(key.privateKey, manifestBytes, subtle)),
  };
  const signatureBytes = new TextEncoder().encode(`${JSON.stringify(signature, null, 2)}\n`);
  return {
    manifest,
    keyId: key.keyId,
    files: [
      { path: dataPath, bytes: dataBytes },
      { path: 'manifest.json', bytes: manifestBytes },
      { path: 'manifest.sig', bytes: signatureBytes },
    ],
  };
}
