import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, type GeneratedKey } from '../../lib/dataset/keys';
import { openStore, type CrosscheckDB } from '../../lib/store/db';
import { getStatus, installGeneration } from '../../lib/store/generations';
import type { FetchLike } from '../../lib/update/download';
import { createUpdateService, type UpdateServiceDeps } from '../../lib/update/update-service';
import { CHANNEL, datasetAt, names, release, serve, T0, type ReleaseFiles } from './fake-channel';

let key: GeneratedKey;
let v2: ReleaseFiles;
beforeAll(async () => {
  key = await generateSigningKey();
  v2 = await release(key, 2);
});

let counter = 0;
let db: CrosscheckDB | undefined;
async function storeWith(version: number): Promise<CrosscheckDB> {
  db = await openStore(`update-service-test-${++counter}`);
  await installGeneration(db, datasetAt(version), { source: 'bundled', installedAt: T0.toISOString() });
  return db;
}
afterEach(() => db?.close());

function service(store: CrosscheckDB, fetch: FetchLike, changes: Partial<UpdateServiceDeps> = {}) {
  return createUpdateService({
    db: async () => store,
    url: CHANNEL,
    trustedKeys: [key.publicKey],
    fetch,
    now: () => new Date('2025-01-05T00:00:00.000Z'),
    ...changes,
  });
}

describe('createUpdateService', () => {
  it('shares one check between callers while it runs', async () => {
    const store = await storeWith(1);
    const channel = serve(v2);
    const updates = service(store, channel.fetch);
    const [a, b] = await Promise.all([updates.check(), updates.check()]);
    expect(a).toEqual({ status: 'installed', version: 2, previousVersion: 1 });
    expect(b).toBe(a);
    expect(names(channel.seen).filter((n) => n === 'manifest.json')).toHaveLength(1);
    // A later call is a new check.
    expect(await updates.check()).toEqual({ status: 'up-to-date', version: 2 });
    expect(names(channel.seen).filter((n) => n === 'manifest.json')).toHaveLength(2);
  });

  it('reports the status, last check, channel host and staleness', async () => {
    const store = await storeWith(1);
    const updates = service(store, serve(v2).fetch);
    expect(await updates.info()).toEqual({
      status: await getStatus(store),
      lastCheck: null,
      staleSince: null,
      channelHost: 'updates.example',
    });
    await updates.check();
    const info = await updates.info();
    expect(info.status).toMatchObject({ version: 2, previous: { version: 1 } });
    expect(info.lastCheck).toMatchObject({
      checkedAt: '2025-01-05T00:00:00.000Z',
      outcome: { status: 'installed' },
    });
    expect(info.staleSince).toBeNull();
    // After the release expires, the installed data is stale (and keeps working).
    const later = service(store, serve(v2).fetch, { now: () => new Date('2025-03-01T00:00:00.000Z') });
    expect((await later.info()).staleSince).toBe('2025-01-31T00:00:00.000Z');
  });

  it('has no channel host when the build has no channel', async () => {
    const store = await storeWith(1);
    const updates = service(store, serve(v2).fetch, { url: '' });
    expect((await updates.info()).channelHost).toBe('');
    expect(await updates.check()).toMatchObject({ status: 'failed', reason: 'no-channel' });
  });

  it('rolls back to the previous version, after a check in flight', async () => {
    const store = await storeWith(1);
    const updates = service(store, serve(v2).fetch);
    const checking = updates.check();
    const rolling = updates.rollback();
    expect(await checking).toMatchObject({ status: 'installed', version: 2 });
    expect(await rolling).toEqual({ status: 'rolled-back', version: 1, from: 2 });
    expect(await getStatus(store)).toMatchObject({ version: 1 });
    expect(await updates.rollback()).toEqual({ status: 'not-rolled-back', reason: 'no-previous' });
  });
});
