/**
 * The release manifest (DESIGN §4, contract): `manifest.json` lists the release's files with
 * their SHA-256 and size; `manifest.sig` holds an Ed25519 signature over its exact bytes.
 */
import * as v from 'valibot';
import { decodeBase64 } from './base64';

/** Where a manifest file entry may point: a plain file name in the release directory. */
export const RELEASE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const isoTimestamp = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/, 'must be an ISO timestamp in UTC'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'must be a real date and time'),
);

export const manifestSchema = v.strictObject({
  format: v.literal(1),
  dataset: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  version: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(1, 'must be 1 or more')),
  created: isoTimestamp,
  expires: isoTimestamp,
  files: v.pipe(
    v.array(
      v.strictObject({
        path: v.pipe(v.string(), v.regex(RELEASE_FILE_NAME, 'must be a plain file name')),
        sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits')),
        bytes: v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(0, 'must not be negative')),
      }),
    ),
    v.minLength(1, 'must list at least one file'),
  ),
  schema: v.pipe(v.number(), v.integer('must be a whole number')),
});

/** The content of `manifest.json`. */
export type Manifest = v.InferOutput<typeof manifestSchema>;
export type ManifestFile = Manifest['files'][number];

export const signatureSchema = v.strictObject({
  keyId: v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'must be 16 lowercase hex digits')),
  signature: v.pipe(
    v.string(),
    v.check((s) => {
      try {
        return decodeBase64(s).length === 64;
      } catch {
        return false;
      }
    }, 'must be the base64 of a 64-byte Ed25519 signature'),
  ),
});

/** The content of `manifest.sig`. */
export type ManifestSignature = v.InferOutput<typeof signatureSchema>;

/** The name of a release's dataset file for `version`. */
export function datasetFileName(version: number): string {
  return `dataset-${version}.json`;
}

/**
 * Serialises a manifest the one way releases write it: fields in contract order, two-space
 * indentation, trailing newline. (Verification never re-serialises: it checks the bytes it got.)
 */
export function serializeManifest(manifest: Manifest): string {
  const ordered: Manifest = {
    format: manifest.format,
    dataset: manifest.dataset,
    version: manifest.version,
    created: manifest.created,
    expires: manifest.expires,
    files: manifest.files.map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes })),
    schema: manifest.schema,
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
