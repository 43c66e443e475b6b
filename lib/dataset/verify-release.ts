/**
 * Verifies a release (DESIGN §4, §8): the signature of `manifest.json` by a trusted key, then the
 * manifest, the rollback and expiry rules, each file's size and SHA-256, and finally the dataset
 * against the compiled schema and semantic checks. The extension and `dataset verify` both use it.
 */
import * as v from 'valibot';
import { decodeBase64 } from './base64';
import { toPathIssues } from './issues';
import { importPublicKey, sha256Hex, verifyBytes, type PublicKey } from './keys';
import { datasetFileName, manifestSchema, signatureSchema, type Manifest } from './manifest';
import { formatPath } from './problems';
import { SCHEMA_MAJOR, type CompiledDataset } from './types';
import { parseCompiledDataset } from './validate-compiled';

/** Which part of a release failed. */
export type ReleasePart = 'manifest' | 'signature' | 'version' | 'expiry' | 'schema' | `file:${string}`;

/** A release was refused; `part` says which part failed and the message says why. */
export class ReleaseError extends Error {
  readonly part: ReleasePart;
  constructor(part: ReleasePart, message: string) {
    super(message);
    this.name = 'ReleaseError';
    this.part = part;
  }
}

export interface VerifyReleaseInput {
  /** The exact bytes of `manifest.json`. */
  manifestBytes: Uint8Array;
  /** The bytes of `manifest.sig`. */
  signatureBytes: Uint8Array;
  /** Trusted public keys: base64 of raw 32-byte Ed25519 keys (several at once during a rotation). */
  trustedKeys: readonly string[];
  /** Reads a file of the release by its manifest path (the caller caps size and time). */
  readFile(path: string): Promise<Uint8Array>;
  /** The current time; a manifest whose `expires` is not after it is refused. */
  now: Date | number;
  /** The version installed now: a release with a version ≤ it is a rollback and is refused. */
  activeVersion?: number;
  subtle?: SubtleCrypto;
}

export interface VerifiedRelease {
  manifest: Manifest;
  dataset: CompiledDataset;
  /** Key id of the trusted key that signed the manifest. */
  keyId: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseJson(bytes: Uint8Array): unknown {
  return JSON.parse(decoder.decode(bytes));
}

function schemaMessage(file: string, issues: readonly v.BaseIssue<unknown>[]): string {
  return toPathIssues(issues)
    .map((i) => `${file}: ${formatPath(i.path) || '(root)'} ${i.message}`)
    .join('; ');
}

/**
 * Verifies a release and returns its manifest and parsed dataset, or throws a `ReleaseError`
 * naming the failing part and file. The signature is checked before anything in the manifest is
 * trusted; every file's size and hash are checked before it is parsed. A signature that does not
 * verify cannot tell which of `manifest.json` and `manifest.sig` was altered: the message names
 * both. Throws a `ReleaseError` with part `signature` when a trusted key is malformed.
 */
export async function verifyRelease(input: VerifyReleaseInput): Promise<VerifiedRelease> {
  const subtle = input.subtle ?? globalThis.crypto.subtle;

  // 1. manifest.sig: shape, then the key it names must be trusted.
  let sigJson: unknown;
  try {
    sigJson = parseJson(input.signatureBytes);
  } catch {
    throw new ReleaseError('signature', 'manifest.sig is not valid UTF-8 JSON');
  }
  const sig = v.safeParse(signatureSchema, sigJson, { abortPipeEarly: true });
  if (!sig.success) throw new ReleaseError('signature', schemaMessage('manifest.sig', sig.issues));

  const trusted: PublicKey[] = [];
  for (const [i, key] of input.trustedKeys.entries()) {
    try {
      trusted.push(await importPublicKey(key, subtle));
    } catch (error) {
      throw new ReleaseError('signature', `trusted key #${i + 1} is unusable: ${(error as Error).message}`);
    }
  }
  const signer = trusted.find((k) => k.keyId === sig.output.keyId);
  if (!signer) {
    const known = trusted.map((k) => k.keyId).join(', ') || 'none';
    throw new ReleaseError(
      'signature',
      `manifest.sig: signed by key ${sig.output.keyId}, which is not trusted (trusted: ${known})`,
    );
  }

  // 2. The signature over the exact bytes of manifest.json.
  const valid = await verifyBytes(
    signer.key,
    decodeBase64(sig.output.signature),
    input.manifestBytes,
    subtle,
  );
  if (!valid) {
    throw new ReleaseError(
      'signature',
      `manifest.sig: the signature does not match manifest.json (one of them was altered, or it was signed by another key than ${signer.keyId})`,
    );
  }

  // 3. The manifest itself.
  let manifestJson: unknown;
  try {
    manifestJson = parseJson(input.manifestBytes);
  } catch {
    throw new ReleaseError('manifest', 'manifest.json is not valid UTF-8 JSON');
  }
  const parsed = v.safeParse(manifestSchema, manifestJson, { abortPipeEarly: true });
  if (!parsed.success) throw new ReleaseError('manifest', schemaMessage('manifest.json', parsed.issues));
  const manifest = parsed.output;
  if (manifest.schema !== SCHEMA_MAJOR) {
    throw new ReleaseError(
      'schema',
      `manifest.json: schema ${manifest.schema} is not supported (this version reads schema ${SCHEMA_MAJOR})`,
    );
  }
  if (input.activeVersion !== undefined && manifest.version <= input.activeVersion) {
    throw new ReleaseError(
      'version',
      `manifest.json: version ${manifest.version} is not newer than the active version ${input.activeVersion} (rollback refused)`,
    );
  }
  const now = typeof input.now === 'number' ? input.now : input.now.getTime();
  if (Date.parse(manifest.expires) <= now) {
    throw new ReleaseError('expiry', `manifest.json: expired on ${manifest.expires}`);
  }
  if (Date.parse(manifest.created) >= Date.parse(manifest.expires)) {
    throw new ReleaseError(
      'manifest',
      `manifest.json: created ${manifest.created} is not before expires ${manifest.expires}`,
    );
  }
  const dataPath = datasetFileName(manifest.version);
  if (manifest.files.length !== 1 || manifest.files[0]?.path !== dataPath) {
    throw new ReleaseError('manifest', `manifest.json: files must list exactly ${dataPath}`);
  }
  const entry = manifest.files[0];

  // 4. The data file: size and hash before parsing.
  const part = `file:${entry.path}` as const;
  let bytes: Uint8Array;
  try {
    bytes = await input.readFile(entry.path);
  } catch (error) {
    throw new ReleaseError(part, `${entry.path}: could not be read (${(error as Error).message})`);
  }
  if (bytes.length !== entry.bytes) {
    throw new ReleaseError(
      part,
      `${entry.path}: is ${bytes.length} bytes, manifest.json says ${entry.bytes}`,
    );
  }
  if ((await sha256Hex(bytes, subtle)) !== entry.sha256) {
    throw new ReleaseError(
      part,
      `${entry.path}: SHA-256 does not match manifest.json (the file was altered)`,
    );
  }

  // 5. The dataset: compiled schema and semantic checks, and agreement with the manifest.
  let dataset: CompiledDataset;
  try {
    dataset = parseCompiledDataset(parseJson(bytes));
  } catch (error) {
    throw new ReleaseError('schema', `${entry.path}: ${(error as Error).message}`);
  }
  if (dataset.dataset.id !== manifest.dataset || dataset.dataset.version !== manifest.version) {
    throw new ReleaseError(
      'manifest',
      `manifest.json: names dataset ${manifest.dataset} version ${manifest.version}, but ${entry.path} holds ${dataset.dataset.id} version ${dataset.dataset.version}`,
    );
  }
  return { manifest, dataset, keyId: signer.keyId };
}
