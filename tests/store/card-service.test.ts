import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCardService } from '../../lib/store/card-service';
import { openStore, type CrosscheckDB } from '../../lib/store/db';
import { installGeneration, rollback } from '../../lib/store/generations';
import { makeDataset } from './make-dataset';

let counter = 0;
let db: CrosscheckDB | undefined;
async function freshStore(): Promise<CrosscheckDB> {
  db = await openStore(`card-service-test-${++counter}`);
  return db;
}
afterEach(() => db?.close());

const NOW = '2024-11-28T00:00:00.000Z';

describe('createCardService', () => {
  it('rejects while no dataset is installed', async () => {
    const service = createCardService(await freshStore());
    await expect(service.card({ type: 'card', kind: 'figure', quantity: 'q' })).rejects.toThrow(/no dataset/);
  });

  it('answers figure and name cards from the active dataset, and missing for unknown ids', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(1, { reports: 3 }), { source: 'bundled', installedAt: NOW });
    const service = createCardService(store);
    const figure = await service.card({ type: 'card', kind: 'figure', quantity: 'q' });
    expect(figure.status === 'card' && figure.card.kind === 'figure' && figure.card.reports.length).toBe(3);
    const name = await service.card({ type: 'card', kind: 'name', entity: 'entity-0' });
    expect(name.status === 'card' && name.card.kind === 'name' && name.card.entity.name).toBe('Entity 0');
    expect(await service.card({ type: 'card', kind: 'figure', quantity: 'nope' })).toEqual({
      status: 'missing',
    });
    expect(await service.card({ type: 'card', kind: 'name', entity: 'nobody' })).toEqual({
      status: 'missing',
    });
  });

  it('follows the active generation after an update and a rollback', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(1, { reports: 2 }), { source: 'bundled', installedAt: NOW });
    const service = createCardService(store);
    const count = async () => {
      const reply = await service.card({ type: 'card', kind: 'figure', quantity: 'q' });
      return reply.status === 'card' && reply.card.kind === 'figure' ? reply.card.reports.length : -1;
    };
    expect(await count()).toBe(2);
    await installGeneration(store, makeDataset(2, { reports: 5 }), { source: 'update', installedAt: NOW });
    expect(await count()).toBe(5);
    await rollback(store);
    expect(await count()).toBe(2);
  });
});
