/**
 * The update client (DESIGN §1, §8): asks the channel for its release, verifies it with the same
 * `verifyRelease` as `dataset verify`, and installs it as a new generation in one transaction.
 * Every way a check can end is an `UpdateOutcome`; on every path but `installed` the active
 * dataset is untouched.
 */
import * as v from 'valibot';
import { decodeBase64 } from '../dataset/base64';
import { keyIdOf } from '../dataset/keys';
import { manifestSchema, signatureSchema, type Manifest } from '../dataset/manifest';
import type { CompiledDataset } from '../dataset/types';
import { ReleaseError, verifyRelease, type ReleasePart } from '../dataset/verify-release';
import { EMPTY_POINTERS, type CrosscheckDB } from '../store/db';
import { getStatus, installGeneration, type DatasetStatus, type InstallRefusal } from '../store/generations';
import { channelUrls, type ChannelUrls } from './channel';
import { DownloadError, downloadCapped, type DownloadLimits, type FetchLike } from './download';
import { recordLastCheck } from './last-check';
import type { RefusalReason, UpdateOutcome } from './outcome';

/** Byte and time limits of a check's downloads. */
export interface UpdateLimits {
  manifestBytes: number;
  signatureBytes: number;
  dataBytes: number;
  /** Per download, body included. */
  timeoutMs: number;
}

/** The limits the extension uses. */
export const DEFAULT_LIMITS: UpdateLimits = {
  manifestBytes: 64 * 1024,
  signatureBytes: 4 * 1024,
  dataBytes: 20 * 1024 * 1024,
  timeoutMs: 30_000,
};

export interface CheckForUpdateInput {
  /** The channel: the URL of a release's `manifest.json` (`https:`, or `http:` on loopback). */
  url: string;
  /** Trusted public keys (base64 raw Ed25519): the pinned keys plus the build's extra keys. */
  trustedKeys: readonly string[];
  db: CrosscheckDB;
  fetch: FetchLike;
  /** The time of the check: expiry is judged against it, and it is recorded as "last checked". */
  now: Date;
  limits?: Partial<UpdateLimits>;
  subtle?: SubtleCrypto;
}

/**
 * Runs one update check and records it (time and outcome) as the last check. Never rejects:
 * every failure is an outcome. `installed`: the release verified and is now the active
 * generation, the old one kept as previous. `up-to-date`: the channel's release is the active
 * version (its data file is not downloaded). `refused`: a release was downloaded and judged bad,
 * with the verifier's `part` and message. `failed`: no release could be judged (no channel, a
 * network error, an HTTP error, a file over its byte limit, a timeout, a store error).
 */
export async function checkForUpdate(input: CheckForUpdateInput): Promise<UpdateOutcome> {
  const outcome = await runCheck(input);
  // The outcome matters more than its log: a store that cannot record it has already failed above.
  await recordLastCheck(input.db, { checkedAt: input.now.toISOString(), outcome }).catch(() => undefined);
  return outcome;
}

async function runCheck(input: CheckForUpdateInput): Promise<UpdateOutcome> {
  const limits = { ...DEFAULT_LIMITS, ...input.limits };
  let active: DatasetStatus | null;
  let blocked: number;
  try {
    active = await getStatus(input.db);
    blocked = ((await input.db.get('pointers', 'pointers')) ?? EMPTY_POINTERS).blocked;
  } catch (error) {
    return { status: 'failed', reason: 'store', message: messageOf(error), activeVersion: null };
  }
  const activeVersion = active?.version ?? null;
  const failed = (error: unknown): UpdateOutcome => ({
    status: 'failed',
    reason: error instanceof DownloadError ? error.kind : 'store',
    message: messageOf(error),
    activeVersion,
  });

  let urls: ChannelUrls;
  try {
    urls = channelUrls(input.url);
  } catch (error) {
    return { status: 'failed', reason: 'no-channel', message: messageOf(error), activeVersion };
  }

  let manifestBytes: Uint8Array;
  let signatureBytes: Uint8Array;
  try {
    [manifestBytes, signatureBytes] = await Promise.all([
      downloadCapped(input.fetch, urls.manifest, 'manifest.json', limit(limits.manifestBytes, limits)),
      downloadCapped(input.fetch, urls.signature, 'manifest.sig', limit(limits.signatureBytes, limits)),
    ]);
  } catch (error) {
    return failed(error);
  }

  // The data file is fetched only once the manifest is trusted and names a newer version.
  let downloadFailure: DownloadError | null = null;
  const readFile = async (path: string): Promise<Uint8Array> => {
    try {
      return await downloadCapped(input.fetch, urls.file(path), path, limit(limits.dataBytes, limits));
    } catch (error) {
      if (error instanceof DownloadError) downloadFailure = error;
      throw error;
    }
  };

  let manifest: Manifest;
  let dataset: CompiledDataset;
  try {
    ({ manifest, dataset } = await verifyRelease({
      manifestBytes,
      signatureBytes,
      trustedKeys: input.trustedKeys,
      readFile,
      now: input.now,
      // Versions the reader rolled back from count as installed: no download, no reinstall.
      ...(active ? { activeVersion: Math.max(active.version, blocked) } : {}),
      ...(input.subtle ? { subtle: input.subtle } : {}),
    }));
  } catch (error) {
    if (downloadFailure !== null) return failed(downloadFailure);
    if (!(error instanceof ReleaseError)) return failed(error);
    return judgeRefusal(error, { manifestBytes, signatureBytes, input, active });
  }

  if (active && manifest.dataset !== active.id) {
    return refused(
      'manifest',
      'other-dataset',
      otherDatasetMessage(manifest.dataset, active.id),
      activeVersion,
    );
  }
  try {
    const result = await installGeneration(input.db, dataset, {
      source: 'update',
      installedAt: input.now.toISOString(),
      manifest: {
        dataset: manifest.dataset,
        version: manifest.version,
        created: manifest.created,
        expires: manifest.expires,
      },
    });
    if (result.installed) {
      return { status: 'installed', version: result.status.version, previousVersion: activeVersion };
    }
    return installRefusal(result.reason, manifest, result.activeVersion);
  } catch (error) {
    return failed(error);
  }
}

/** Turns a `ReleaseError` into a refusal, or `up-to-date` when the release is the active version. */
async function judgeRefusal(
  error: ReleaseError,
  context: {
    manifestBytes: Uint8Array;
    signatureBytes: Uint8Array;
    input: CheckForUpdateInput;
    active: DatasetStatus | null;
  },
): Promise<UpdateOutcome> {
  const { active } = context;
  const activeVersion = active?.version ?? null;
  const { part } = error;
  if (part === 'version' && active) {
    // The version is checked only after the signature verified: the manifest can be trusted.
    const manifest = parseManifest(context.manifestBytes);
    if (manifest && manifest.dataset === active.id) {
      if (manifest.version === active.version) return { status: 'up-to-date', version: active.version };
      if (manifest.version > active.version) {
        return refused(
          part,
          'rolled-back',
          `manifest.json: version ${manifest.version} was rolled back on this browser; waiting for a newer release`,
          activeVersion,
        );
      }
    } else if (manifest) {
      return refused(
        'manifest',
        'other-dataset',
        otherDatasetMessage(manifest.dataset, active.id),
        activeVersion,
      );
    }
    return refused(part, 'rollback', error.message, activeVersion);
  }
  if (part === 'signature') {
    const untrusted = await signedByUntrustedKey(context.signatureBytes, context.input);
    return refused(part, untrusted ? 'untrusted' : 'tampered', error.message, activeVersion);
  }
  const reason: RefusalReason =
    part === 'expiry'
      ? 'expired'
      : part === 'schema'
        ? 'schema'
        : part === 'manifest'
          ? 'manifest'
          : part === 'version'
            ? 'rollback'
            : 'tampered';
  return refused(part, reason, error.message, activeVersion);
}

/** Maps an `installGeneration` refusal (a race with another install) to an outcome. */
function installRefusal(reason: InstallRefusal, manifest: Manifest, activeVersion: number): UpdateOutcome {
  if (reason === 'other-dataset') {
    return refused(
      'manifest',
      'other-dataset',
      `manifest.json: ${manifest.dataset} is not the active dataset`,
      activeVersion,
    );
  }
  if (reason === 'not-newer' && manifest.version === activeVersion) {
    return { status: 'up-to-date', version: activeVersion };
  }
  return refused(
    'version',
    reason === 'rolled-back' ? 'rolled-back' : 'rollback',
    `manifest.json: version ${manifest.version} was not installed over version ${activeVersion}`,
    activeVersion,
  );
}

/**
 * Whether `manifest.sig` names a key outside the trusted set (the signature then was never
 * checked), as opposed to a trusted key whose signature does not match (tampering). A sig that
 * does not parse counts as tampered.
 */
async function signedByUntrustedKey(
  signatureBytes: Uint8Array,
  input: CheckForUpdateInput,
): Promise<boolean> {
  let keyId: string;
  try {
    const parsed = v.safeParse(signatureSchema, JSON.parse(new TextDecoder().decode(signatureBytes)));
    if (!parsed.success) return false;
    keyId = parsed.output.keyId;
  } catch {
    return false;
  }
  const trusted = await Promise.all(
    input.trustedKeys.map(async (key) => {
      try {
        return await keyIdOf(decodeBase64(key.trim()), input.subtle);
      } catch {
        return null;
      }
    }),
  );
  return !trusted.includes(keyId);
}

function parseManifest(bytes: Uint8Array): Manifest | null {
  try {
    const parsed = v.safeParse(manifestSchema, JSON.parse(new TextDecoder().decode(bytes)));
    return parsed.success ? parsed.output : null;
  } catch {
    return null;
  }
}

function refused(
  part: ReleasePart,
  reason: RefusalReason,
  message: string,
  activeVersion: number | null,
): UpdateOutcome {
  return { status: 'refused', part, reason, message, activeVersion };
}

function otherDatasetMessage(release: string, active: string): string {
  return `manifest.json: the release is dataset ${release}, the active dataset is ${active}`;
}

function limit(maxBytes: number, limits: UpdateLimits): DownloadLimits {
  return { maxBytes, timeoutMs: limits.timeoutMs };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
