import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, type GeneratedKey } from '../../lib/dataset/keys';
import type { CompiledDataset } from '../../lib/dataset/types';
import { openStore, type CrosscheckDB } from '../../lib/store/db';
import { getActiveDataset, getStatus, installGeneration, rollback } from '../../lib/store/generations';
import type { FetchLike } from '../../lib/update/download';
import { getLastCheck } from '../../lib/update/last-check';
import { checkForUpdate, type CheckForUpdateInput } from '../../lib/update/update-client';
import { CHANNEL, datasetAt, names, release, serve, T0, tamper, type ReleaseFiles } from './fake-channel';

const LATER = new Date('2025-01-05T00:00:00.000Z');
let key: GeneratedKey;
let stranger: GeneratedKey;
let v2: ReleaseFiles;

beforeAll(async () => {
  [key, stranger] = await Promise.all([generateSigningKey(), generateSigningKey()]);
  v2 = await release(key, 2);
});

let counter = 0;
let db: CrosscheckDB | undefined;
/** A store with the bundled dataset `mini` at `version` installed. */
async function storeWith(version = 1): Promise<CrosscheckDB> {
  db = await openStore(`update-client-test-${++counter}`);
  await installGeneration(db, datasetAt(version), { source: 'bundled', installedAt: T0.toISOString() });
  return db;
}
afterEach(() => db?.close());

function check(store: CrosscheckDB, fetch: FetchLike, changes: Partial<CheckForUpdateInput> = {}) {
  return checkForUpdate({
    url: CHANNEL,
    trustedKeys: [key.publicKey],
    db: store,
    fetch,
    now: LATER,
    ...changes,
  });
}

/** The active version and whether the store still holds exactly the dataset it had. */
async function active(
  store: CrosscheckDB,
): Promise<{ version: number | undefined; dataset: CompiledDataset | undefined }> {
  const record = await getActiveDataset(store);
  return { version: record?.dataset.dataset.version, dataset: record?.dataset };
}

describe('checkForUpdate: installs', () => {
  it('downloads, verifies and installs a newer release, keeping the previous generation', async () => {
    const store = await storeWith(1);
    const channel = serve(v2);
    expect(await check(store, channel.fetch)).toEqual({
      status: 'installed',
      version: 2,
      previousVersion: 1,
    });
    expect(await getStatus(store)).toMatchObject({
      id: 'mini',
      version: 2,
      source: 'update',
      installedAt: LATER.toISOString(),
      expires: '2025-01-31T00:00:00.000Z',
      previous: { version: 1 },
    });
    expect((await getActiveDataset(store))?.dataset).toEqual(datasetAt(2));
    expect(names(channel.seen).sort()).toEqual(['dataset-2.json', 'manifest.json', 'manifest.sig']);
  });

  it('asks without cache and without cookies, with an abort signal, for every file', async () => {
    const store = await storeWith(1);
    const channel = serve(v2);
    await check(store, channel.fetch);
    expect(channel.seen).toHaveLength(3);
    for (const { init } of channel.seen) {
      expect(init).toMatchObject({ method: 'GET', cache: 'no-store', credentials: 'omit' });
      expect(init.signal).toBeInstanceOf(AbortSignal);
    }
  });

  it('records the time and outcome of the check', async () => {
    const store = await storeWith(1);
    expect(await getLastCheck(store)).toBeNull();
    await check(store, serve(v2).fetch);
    expect(await getLastCheck(store)).toEqual({
      checkedAt: LATER.toISOString(),
      outcome: { status: 'installed', version: 2, previousVersion: 1 },
    });
    await check(store, serve(new Map()).fetch, { now: new Date('2025-01-06T00:00:00.000Z') });
    expect(await getLastCheck(store)).toMatchObject({
      checkedAt: '2025-01-06T00:00:00.000Z',
      outcome: { status: 'failed', reason: 'http' },
    });
  });

  it('installs into an empty store', async () => {
    db = await openStore(`update-client-test-${++counter}`);
    expect(await check(db, serve(v2).fetch)).toEqual({
      status: 'installed',
      version: 2,
      previousVersion: null,
    });
  });
});

describe('checkForUpdate: up to date', () => {
  it('says so when the channel holds the active version, without downloading the data', async () => {
    const store = await storeWith(1);
    await check(store, serve(v2).fetch);
    const channel = serve(v2);
    expect(await check(store, channel.fetch)).toEqual({ status: 'up-to-date', version: 2 });
    expect(names(channel.seen).sort()).toEqual(['manifest.json', 'manifest.sig']);
    expect(await getStatus(store)).toMatchObject({ version: 2, previous: { version: 1 } });
  });
});

describe('checkForUpdate: refusals keep the active dataset', () => {
  async function refusedWith(
    store: CrosscheckDB,
    files: ReleaseFiles,
    changes: Partial<CheckForUpdateInput> = {},
  ) {
    const before = await active(store);
    const outcome = await check(store, serve(files).fetch, changes);
    expect(outcome.status).toBe('refused');
    expect(await active(store)).toEqual(before);
    return outcome;
  }

  it('refuses a rollback (a signed release older than the active version)', async () => {
    const store = await storeWith(3);
    const outcome = await refusedWith(store, v2);
    expect(outcome).toMatchObject({ part: 'version', reason: 'rollback', activeVersion: 3 });
    expect(outcome.status === 'refused' && outcome.message).toContain('rollback refused');
  });

  it('refuses to reinstall a version the reader rolled back from, without downloading it', async () => {
    const store = await storeWith(1);
    await check(store, serve(v2).fetch);
    expect(await rollback(store)).toMatchObject({ rolledBack: true });
    const channel = serve(v2);
    const outcome = await check(store, channel.fetch);
    expect(outcome).toMatchObject({
      status: 'refused',
      part: 'version',
      reason: 'rolled-back',
      activeVersion: 1,
    });
    expect(names(channel.seen)).not.toContain('dataset-2.json');
    expect((await active(store)).version).toBe(1);
  });

  it('refuses an expired release', async () => {
    const store = await storeWith(1);
    const old = await release(key, 2, { now: new Date('2024-11-01T00:00:00.000Z'), expiresDays: 30 });
    expect(await refusedWith(store, old)).toMatchObject({
      part: 'expiry',
      reason: 'expired',
      activeVersion: 1,
    });
  });

  it('refuses a tampered manifest.json (signature part)', async () => {
    const store = await storeWith(1);
    expect(await refusedWith(store, tamper(v2, 'manifest.json', 40))).toMatchObject({
      part: 'signature',
      reason: 'tampered',
    });
  });

  it('refuses a tampered manifest.sig (signature part)', async () => {
    const store = await storeWith(1);
    // A valid signature by the trusted key, but over other bytes: the v3 manifest's.
    const v3 = await release(key, 3);
    const swapped = new Map(v2).set('manifest.sig', v3.get('manifest.sig')!);
    expect(await refusedWith(store, swapped)).toMatchObject({ part: 'signature', reason: 'tampered' });
    const garbled = new Map(v2).set('manifest.sig', new TextEncoder().encode('{"keyId": 1}'));
    expect(await refusedWith(store, garbled)).toMatchObject({ part: 'signature', reason: 'tampered' });
  });

  it('refuses a tampered data file, naming it', async () => {
    const store = await storeWith(1);
    const outcome = await refusedWith(store, tamper(v2, 'dataset-2.json', 100));
    expect(outcome).toMatchObject({ part: 'file:dataset-2.json', reason: 'tampered', activeVersion: 1 });
    expect(outcome.status === 'refused' && outcome.message).toContain('SHA-256 does not match');
  });

  it('refuses a data file of another length than the manifest says', async () => {
    const store = await storeWith(1);
    const longer = new Map(v2);
    longer.set('dataset-2.json', new Uint8Array([...v2.get('dataset-2.json')!, 0x20]));
    expect(await refusedWith(store, longer)).toMatchObject({
      part: 'file:dataset-2.json',
      reason: 'tampered',
    });
  });

  it('refuses a release signed by a key that is not trusted', async () => {
    const store = await storeWith(1);
    const foreign = await release(stranger, 2);
    const outcome = await refusedWith(store, foreign);
    expect(outcome).toMatchObject({ part: 'signature', reason: 'untrusted', activeVersion: 1 });
    expect(outcome.status === 'refused' && outcome.message).toContain(stranger.keyId);
  });

  it('trusts any of several keys (rotation)', async () => {
    const store = await storeWith(1);
    const outcome = await check(store, serve(await release(stranger, 2)).fetch, {
      trustedKeys: [key.publicKey, stranger.publicKey],
    });
    expect(outcome).toMatchObject({ status: 'installed', version: 2 });
  });

  it('refuses signed data that does not fit the schema, before storing it', async () => {
    const store = await storeWith(1);
    const broken = datasetAt(2);
    const bad = {
      ...broken,
      reports: [{ ...broken.reports[0]!, attribution: 'gossip' }],
    } as unknown as CompiledDataset;
    expect(await refusedWith(store, await release(key, 2, { dataset: bad }))).toMatchObject({
      part: 'schema',
      reason: 'schema',
    });
  });

  it('refuses a release of another dataset', async () => {
    const store = await storeWith(1);
    const other = await release(key, 2, { dataset: datasetAt(2, 'other-set') });
    expect(await refusedWith(store, other)).toMatchObject({ part: 'manifest', reason: 'other-dataset' });
    const olderOther = await release(key, 1, { dataset: datasetAt(1, 'other-set') });
    expect(await refusedWith(store, olderOther)).toMatchObject({ part: 'manifest', reason: 'other-dataset' });
  });
});

describe('checkForUpdate: failures keep the active dataset', () => {
  async function failedWith(
    store: CrosscheckDB,
    fetch: FetchLike,
    changes: Partial<CheckForUpdateInput> = {},
  ) {
    const before = await active(store);
    const outcome = await check(store, fetch, changes);
    expect(outcome.status).toBe('failed');
    expect(await active(store)).toEqual(before);
    return outcome;
  }

  it('fails on a network error', async () => {
    const store = await storeWith(1);
    const outcome = await failedWith(store, async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(outcome).toMatchObject({ reason: 'network', activeVersion: 1 });
    expect(outcome.status === 'failed' && outcome.message).toContain('Failed to fetch');
  });

  it('fails on an HTTP error for the manifest or for the data file', async () => {
    const store = await storeWith(1);
    expect(await failedWith(store, serve(new Map()).fetch)).toMatchObject({ reason: 'http' });
    const noData = new Map(v2);
    noData.delete('dataset-2.json');
    const outcome = await failedWith(store, serve(noData).fetch);
    expect(outcome).toMatchObject({ reason: 'http' });
    expect(outcome.status === 'failed' && outcome.message).toContain('dataset-2.json');
  });

  it('fails when a file is larger than its limit', async () => {
    const store = await storeWith(1);
    const data = v2.get('dataset-2.json')!.length;
    const outcome = await failedWith(store, serve(v2).fetch, { limits: { dataBytes: data - 1 } });
    expect(outcome).toMatchObject({ reason: 'too-big' });
    expect(outcome.status === 'failed' && outcome.message).toContain('dataset-2.json');
    expect(await failedWith(store, serve(v2).fetch, { limits: { manifestBytes: 100 } })).toMatchObject({
      reason: 'too-big',
    });
    expect(await failedWith(store, serve(v2).fetch, { limits: { signatureBytes: 10 } })).toMatchObject({
      reason: 'too-big',
    });
  });

  it('fails when the channel does not answer in time, aborting the request', async () => {
    const store = await storeWith(1);
    const signals: AbortSignal[] = [];
    const hang: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => {
        signals.push(init.signal!);
        init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const outcome = await failedWith(store, hang, { limits: { timeoutMs: 30 } });
    expect(outcome).toMatchObject({ reason: 'timeout', activeVersion: 1 });
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it('fails without a usable channel', async () => {
    const store = await storeWith(1);
    const channel = serve(v2);
    expect(await failedWith(store, channel.fetch, { url: '' })).toMatchObject({ reason: 'no-channel' });
    expect(
      await failedWith(store, channel.fetch, { url: 'http://updates.example/manifest.json' }),
    ).toMatchObject({
      reason: 'no-channel',
    });
    expect(channel.seen).toEqual([]);
  });

  it('accepts http on 127.0.0.1 (end-to-end tests)', async () => {
    const store = await storeWith(1);
    const local = 'http://127.0.0.1:47913/release/';
    const fetch: FetchLike = (url, init) =>
      serve(v2).fetch(url.replace(local, 'https://updates.example/release/'), init);
    expect(await check(store, fetch, { url: `${local}manifest.json` })).toMatchObject({
      status: 'installed',
    });
  });
});
