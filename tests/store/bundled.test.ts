import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CompiledDataset } from '../../lib/dataset/types';
import { ensureBundledDataset } from '../../lib/store/bundled';
import { openStore, type CrosscheckDB } from '../../lib/store/db';
import { getStatus, installGeneration } from '../../lib/store/generations';
import { makeDataset } from './make-dataset';

let counter = 0;
let db: CrosscheckDB | undefined;
async function freshStore(): Promise<CrosscheckDB> {
  db = await openStore(`bundled-test-${++counter}`);
  return db;
}
afterEach(() => db?.close());

const NOW = () => new Date('2025-03-04T05:06:07.000Z');
function source(dataset: CompiledDataset) {
  return {
    load: async () => JSON.stringify(dataset),
    parse: vi.fn((json: unknown) => json as CompiledDataset),
  };
}

describe('ensureBundledDataset', () => {
  it('installs the bundled dataset into an empty store', async () => {
    const store = await freshStore();
    const status = await ensureBundledDataset(store, source(makeDataset(1)), NOW);
    expect(status).toMatchObject({
      id: 'test-set',
      version: 1,
      source: 'bundled',
      installedAt: '2025-03-04T05:06:07.000Z',
    });
    expect(await getStatus(store)).toEqual(status);
  });

  it('does nothing, without the full schema check, when that version is already active', async () => {
    const store = await freshStore();
    await ensureBundledDataset(store, source(makeDataset(1)), NOW);
    const again = source(makeDataset(1));
    const status = await ensureBundledDataset(store, again, () => new Date('2030-01-01T00:00:00.000Z'));
    expect(again.parse).not.toHaveBeenCalled();
    expect(status).toMatchObject({ generation: 1, installedAt: '2025-03-04T05:06:07.000Z' });
  });

  it('installs a newer bundled version over an older active one (extension update)', async () => {
    const store = await freshStore();
    await ensureBundledDataset(store, source(makeDataset(1)), NOW);
    const status = await ensureBundledDataset(store, source(makeDataset(2)), NOW);
    expect(status).toMatchObject({ version: 2, source: 'bundled', previous: { version: 1 } });
  });

  it('keeps a newer update that is already active', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(5), {
      source: 'update',
      installedAt: '2025-02-01T00:00:00.000Z',
    });
    const status = await ensureBundledDataset(store, source(makeDataset(3)), NOW);
    expect(status).toMatchObject({ version: 5, source: 'update' });
  });

  it('rejects when the bundled data does not fit the schema', async () => {
    const store = await freshStore();
    const bad = {
      load: async () => '{"dataset":{"id":"test-set","version":1}}',
      parse: () => {
        throw new Error('entities: expected an array');
      },
    };
    await expect(ensureBundledDataset(store, bad, NOW)).rejects.toThrow('entities: expected an array');
    expect(await getStatus(store)).toBeNull();
  });
});
