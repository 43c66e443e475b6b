/**
 * What an update check ends in (DESIGN §8), as data the background stores and the options page
 * shows, and the plain-words sentence for each.
 */
import type { ReleasePart } from '../dataset/verify-release';
import type { DownloadFailure } from './download';

/** Why a release that was downloaded was refused. */
export type RefusalReason =
  /** `manifest.sig` names a key this build does not trust. */
  | 'untrusted'
  /** The signature does not match `manifest.json`, or a file does not match the manifest. */
  | 'tampered'
  /** The release's version is lower than the active one. */
  | 'rollback'
  /** The release's version is one the reader rolled back from. */
  | 'rolled-back'
  /** The manifest has expired. */
  | 'expired'
  /** The data (or the manifest's schema number) does not fit this extension's schema. */
  | 'schema'
  /** The manifest is malformed or disagrees with its data. */
  | 'manifest'
  /** The release is for another dataset than the active one. */
  | 'other-dataset';

/** Why a check could not get as far as a release to judge. */
export type FailureReason =
  | DownloadFailure
  /** This build has no (usable) update channel. */
  | 'no-channel'
  /** The store could not be read or written. */
  | 'store';

/** The result of one update check. `activeVersion` is the version still active afterwards. */
export type UpdateOutcome =
  | { status: 'installed'; version: number; previousVersion: number | null }
  | { status: 'up-to-date'; version: number }
  | {
      status: 'refused';
      part: ReleasePart;
      reason: RefusalReason;
      message: string;
      activeVersion: number | null;
    }
  | { status: 'failed'; reason: FailureReason; message: string; activeVersion: number | null };

/** How a rollback request ended; `from` is the version that was active before. */
export type RollbackOutcome =
  | { status: 'rolled-back'; version: number; from: number }
  | { status: 'not-rolled-back'; reason: 'no-previous' | 'below-floor' };

const REFUSAL_WORDS: Record<RefusalReason, string> = {
  untrusted: "the release's signature is not from a trusted key",
  tampered: 'the release was altered after it was signed',
  rollback: 'the release is older than the active dataset (a rollback)',
  'rolled-back': 'that version was rolled back on this browser',
  expired: 'the release has expired',
  schema: "the release's data does not fit the dataset format",
  manifest: "the release's manifest is not valid",
  'other-dataset': 'the release is for another dataset',
};

const FAILURE_WORDS: Record<FailureReason, string> = {
  network: 'the update server could not be reached',
  http: 'the update server did not serve the release',
  'too-big': 'a release file is larger than allowed',
  timeout: 'the update server took too long to answer',
  'no-channel': 'no update channel is configured in this build',
  store: 'the dataset store could not be used',
};

/** The reason for a refusal in plain words, e.g. "the release's signature is not from a trusted key". */
export function refusalWords(reason: RefusalReason): string {
  return REFUSAL_WORDS[reason];
}

/**
 * One sentence for the options page, e.g. "Installed version 2." or "Refused the update: the
 * release's signature is not from a trusted key; keeping version 2." The technical detail
 * (`message`) is left to `describeDetail`.
 */
export function describeOutcome(outcome: UpdateOutcome): string {
  switch (outcome.status) {
    case 'installed':
      return outcome.previousVersion === null
        ? `Installed version ${outcome.version}.`
        : `Installed version ${outcome.version} (was version ${outcome.previousVersion}).`;
    case 'up-to-date':
      return `Already up to date: version ${outcome.version} is the newest release.`;
    case 'refused':
      return `Refused the update: ${REFUSAL_WORDS[outcome.reason]}${keeping(outcome.activeVersion)}.`;
    case 'failed':
      return outcome.reason === 'no-channel'
        ? 'No update channel is configured in this build.'
        : `The update check failed: ${FAILURE_WORDS[outcome.reason]}${keeping(outcome.activeVersion)}.`;
  }
}

/**
 * The technical detail behind a refusal or failure (the verifier's or downloader's message), or
 * null when there is none worth adding.
 */
export function describeDetail(outcome: UpdateOutcome): string | null {
  if (outcome.status === 'failed' && outcome.reason === 'no-channel') return null; // the sentence says it all
  return outcome.status === 'refused' || outcome.status === 'failed' ? outcome.message : null;
}

function keeping(version: number | null): string {
  return version === null ? '' : `; keeping version ${version}`;
}

/** One sentence for the options page on how a rollback ended. */
export function describeRollback(outcome: RollbackOutcome): string {
  if (outcome.status === 'rolled-back') {
    return `Rolled back to version ${outcome.version}. Version ${outcome.from} will not be installed again; a newer release will.`;
  }
  return outcome.reason === 'below-floor'
    ? 'Not rolled back: the previous version is older than the copy bundled with the extension.'
    : 'Not rolled back: no previous version is kept.';
}
