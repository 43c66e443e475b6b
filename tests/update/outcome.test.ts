import { describe, expect, it } from 'vitest';
import {
  describeDetail,
  describeOutcome,
  describeRollback,
  refusalWords,
  type RefusalReason,
  type UpdateOutcome,
} from '../../lib/update/outcome';

const refused = (reason: RefusalReason, activeVersion: number | null = 2): UpdateOutcome => ({
  status: 'refused',
  part: 'signature',
  reason,
  message: 'technical detail',
  activeVersion,
});

describe('describeOutcome', () => {
  it('says which version was installed', () => {
    expect(describeOutcome({ status: 'installed', version: 3, previousVersion: 2 })).toBe(
      'Installed version 3 (was version 2).',
    );
    expect(describeOutcome({ status: 'installed', version: 3, previousVersion: null })).toBe(
      'Installed version 3.',
    );
  });

  it('says when the dataset is up to date', () => {
    expect(describeOutcome({ status: 'up-to-date', version: 2 })).toBe(
      'Already up to date: version 2 is the newest release.',
    );
  });

  it('says why a release was refused and which version stays', () => {
    expect(describeOutcome(refused('untrusted'))).toBe(
      "Refused the update: the release's signature is not from a trusted key; keeping version 2.",
    );
    expect(describeOutcome(refused('tampered'))).toBe(
      'Refused the update: the release was altered after it was signed; keeping version 2.',
    );
    expect(describeOutcome(refused('rollback', null))).toBe(
      'Refused the update: the release is older than the active dataset (a rollback).',
    );
  });

  it('has words for every refusal reason', () => {
    const reasons: RefusalReason[] = [
      'untrusted',
      'tampered',
      'rollback',
      'rolled-back',
      'expired',
      'schema',
      'manifest',
      'other-dataset',
    ];
    const words = reasons.map(refusalWords);
    expect(new Set(words).size).toBe(reasons.length);
    for (const reason of reasons)
      expect(describeOutcome(refused(reason))).toMatch(/^Refused the update: .+; keeping version 2\.$/);
  });

  it('says why a check failed, or that there is no channel', () => {
    expect(describeOutcome({ status: 'failed', reason: 'timeout', message: 'x', activeVersion: 1 })).toBe(
      'The update check failed: the update server took too long to answer; keeping version 1.',
    );
    expect(describeOutcome({ status: 'failed', reason: 'no-channel', message: 'x', activeVersion: 1 })).toBe(
      'No update channel is configured in this build.',
    );
  });
});

describe('describeDetail', () => {
  it('gives the technical message of refusals and failures only', () => {
    expect(describeDetail(refused('schema'))).toBe('technical detail');
    expect(describeDetail({ status: 'up-to-date', version: 1 })).toBeNull();
    expect(describeDetail({ status: 'failed', reason: 'http', message: 'HTTP 404', activeVersion: 1 })).toBe(
      'HTTP 404',
    );
    expect(
      describeDetail({
        status: 'failed',
        reason: 'no-channel',
        message: 'no update channel',
        activeVersion: 1,
      }),
    ).toBeNull();
  });
});

describe('describeRollback', () => {
  it('describes each rollback outcome', () => {
    expect(describeRollback({ status: 'rolled-back', version: 1, from: 2 })).toBe(
      'Rolled back to version 1. Version 2 will not be installed again; a newer release will.',
    );
    expect(describeRollback({ status: 'not-rolled-back', reason: 'no-previous' })).toBe(
      'Not rolled back: no previous version is kept.',
    );
    expect(describeRollback({ status: 'not-rolled-back', reason: 'below-floor' })).toContain(
      'older than the copy bundled',
    );
  });
});
