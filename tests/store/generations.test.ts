import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type CrosscheckDB } from '../../lib/store/db';
import { getActiveDataset, getStatus, installGeneration, rollback } from '../../lib/store/generations';
import { makeDataset } from './make-dataset';

let counter = 0;
let db: CrosscheckDB | undefined;
async function freshStore(): Promise<CrosscheckDB> {
  db = await openStore(`generations-test-${++counter}`);
  return db;
}
afterEach(() => db?.close());

const bundled = (at = '2025-01-01T00:00:00.000Z') => ({ source: 'bundled' as const, installedAt: at });
const update = (version: number, at = '2025-02-01T00:00:00.000Z') => ({
  source: 'update' as const,
  installedAt: at,
  manifest: { dataset: 'test-set', version, created: at, expires: '2025-06-01T00:00:00.000Z' },
});

describe('installGeneration / getStatus', () => {
  it('reports nothing before the first install', async () => {
    const store = await freshStore();
    expect(await getStatus(store)).toBeNull();
    expect(await getActiveDataset(store)).toBeNull();
  });

  it('makes the first dataset active and reports its status', async () => {
    const store = await freshStore();
    const result = await installGeneration(store, makeDataset(1, { entities: 4, reports: 5 }), bundled());
    const expected = {
      id: 'test-set',
      version: 1,
      generation: 1,
      counts: { entities: 4, quantities: 1, reports: 5 },
      installedAt: '2025-01-01T00:00:00.000Z',
      source: 'bundled',
    };
    expect(result).toEqual({ installed: true, status: expected });
    expect(await getStatus(store)).toEqual(expected);
    expect((await getActiveDataset(store))?.dataset).toEqual(makeDataset(1, { entities: 4, reports: 5 }));
  });

  it('keeps the previous generation and deletes older ones', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(1), bundled());
    await installGeneration(store, makeDataset(2), update(2));
    await installGeneration(store, makeDataset(3), update(3));
    const status = await getStatus(store);
    expect(status).toMatchObject({ version: 3, generation: 3, source: 'update', previous: { version: 2 } });
    expect(status?.expires).toBe('2025-06-01T00:00:00.000Z');
    expect(await store.getAllKeys('generations')).toEqual([2, 3]);
  });

  it('refuses a version that is not higher than the active one, changing nothing', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(2), bundled());
    for (const version of [1, 2]) {
      expect(await installGeneration(store, makeDataset(version), update(version))).toEqual({
        installed: false,
        reason: 'not-newer',
        activeVersion: 2,
      });
    }
    expect(await getStatus(store)).toMatchObject({ version: 2, generation: 1, source: 'bundled' });
    expect(await store.getAllKeys('generations')).toEqual([1]);
  });

  it('refuses an update for another dataset id', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(1), bundled());
    const result = await installGeneration(store, makeDataset(5, { id: 'other' }), update(5));
    expect(result).toEqual({ installed: false, reason: 'other-dataset', activeVersion: 1 });
    expect(await getStatus(store)).toMatchObject({ id: 'test-set', version: 1 });
  });

  it('lets a bundled dataset with another id replace the active one', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(7), bundled());
    const result = await installGeneration(store, makeDataset(1, { id: 'renamed' }), bundled());
    expect(result).toMatchObject({ installed: true, status: { id: 'renamed', version: 1 } });
    expect((await getStatus(store))?.previous).toBeUndefined();
    expect(await store.getAllKeys('generations')).toEqual([2]);
  });
});

describe('rollback', () => {
  it('refuses when there is no previous generation', async () => {
    const store = await freshStore();
    expect(await rollback(store)).toEqual({ rolledBack: false, reason: 'no-previous' });
    await installGeneration(store, makeDataset(1), bundled());
    expect(await rollback(store)).toEqual({ rolledBack: false, reason: 'no-previous' });
  });

  it('restores the previous generation in one step and deletes the rolled-back one', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(1), bundled());
    await installGeneration(store, makeDataset(2), update(2));
    const result = await rollback(store);
    expect(result).toMatchObject({ rolledBack: true, status: { version: 1, source: 'bundled' } });
    expect(await getStatus(store)).toMatchObject({ version: 1, generation: 1 });
    expect((await getStatus(store))?.previous).toBeUndefined();
    expect(await store.getAllKeys('generations')).toEqual([1]);
  });

  it('refuses updates at or below the version rolled back from, but accepts a later one', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(1), bundled());
    await installGeneration(store, makeDataset(2), update(2));
    await rollback(store);
    expect(await installGeneration(store, makeDataset(2), update(2))).toEqual({
      installed: false,
      reason: 'rolled-back',
      activeVersion: 1,
    });
    expect(await installGeneration(store, makeDataset(3), update(3))).toMatchObject({ installed: true });
  });

  it('never goes below the bundled floor', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(1), bundled());
    await installGeneration(store, makeDataset(2), update(2));
    // An extension update ships version 3 bundled: version 2 is now below the floor.
    await installGeneration(store, makeDataset(3), bundled());
    expect(await rollback(store)).toEqual({ rolledBack: false, reason: 'below-floor' });
    expect(await getStatus(store)).toMatchObject({ version: 3, previous: { version: 2 } });
  });
});
