import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type CrosscheckDB } from '../../lib/store/db';
import { DEFAULT_SETTINGS, getSettings, setSiteDisabled, updateSettings } from '../../lib/store/settings';

let counter = 0;
let db: CrosscheckDB | undefined;
async function freshStore(): Promise<CrosscheckDB> {
  db = await openStore(`settings-test-${++counter}`);
  return db;
}
afterEach(() => db?.close());

describe('settings', () => {
  it('reads defaults from a fresh store', async () => {
    expect(await getSettings(await freshStore())).toEqual(DEFAULT_SETTINGS);
  });

  it('stores the off-list lower-cased, sorted and without duplicates', async () => {
    const store = await freshStore();
    const saved = await updateSettings(store, { disabledSites: ['b.example', 'A.example', 'b.example'] });
    expect(saved).toEqual({ disabledSites: ['a.example', 'b.example'] });
    expect(await getSettings(store)).toEqual(saved);
  });

  it('turns one site off and on again', async () => {
    const store = await freshStore();
    await setSiteDisabled(store, 'News.Example', true);
    expect((await getSettings(store)).disabledSites).toEqual(['news.example']);
    await setSiteDisabled(store, 'news.example', false);
    expect((await getSettings(store)).disabledSites).toEqual([]);
  });

  it('reads a malformed stored value as the default', async () => {
    const store = await freshStore();
    await store.put('settings', 'not a list', 'disabledSites');
    expect(await getSettings(store)).toEqual(DEFAULT_SETTINGS);
  });
});
