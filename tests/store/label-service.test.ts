import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type CrosscheckDB } from '../../lib/store/db';
import { installGeneration } from '../../lib/store/generations';
import { createLabelService, indexLabels } from '../../lib/store/label-service';
import { makeDataset } from './make-dataset';

let counter = 0;
let db: CrosscheckDB | undefined;
async function freshStore(): Promise<CrosscheckDB> {
  db = await openStore(`label-service-test-${++counter}`);
  return db;
}
afterEach(() => db?.close());

const NOW = '2025-01-01T00:00:00.000Z';

describe('indexLabels', () => {
  it('maps quantity ids to labels and entity ids to names', () => {
    const index = indexLabels(makeDataset(1, { entities: 3 }));
    expect(index.quantities.get('q')).toBe('Things sent');
    expect(index.entities.get('entity-2')).toBe('Entity 2');
  });
});

describe('createLabelService', () => {
  it('rejects while no dataset is installed', async () => {
    await expect(createLabelService(await freshStore()).labels(['q'], [])).rejects.toThrow(/no dataset/);
  });

  it('labels known ids and leaves unknown ones out, inherited keys included', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(1), { source: 'bundled', installedAt: NOW });
    const reply = await createLabelService(store).labels(
      ['q', 'nope', 'constructor'],
      ['entity-0', '__proto__'],
    );
    expect({ ...reply.quantities }).toEqual({ q: 'Things sent' });
    expect({ ...reply.entities }).toEqual({ 'entity-0': 'Entity 0' });
    expect(Object.keys(reply.quantities)).toEqual(['q']);
  });

  it('follows the active generation', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(1, { entities: 1 }), { source: 'bundled', installedAt: NOW });
    const service = createLabelService(store);
    expect(Object.keys((await service.labels([], ['entity-0', 'entity-3'])).entities)).toEqual(['entity-0']);
    await installGeneration(store, makeDataset(2, { entities: 4 }), { source: 'update', installedAt: NOW });
    expect(Object.keys((await service.labels([], ['entity-0', 'entity-3'])).entities)).toEqual([
      'entity-0',
      'entity-3',
    ]);
  });
});
