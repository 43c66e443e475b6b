import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type CrosscheckDB } from '../../lib/store/db';
import { installGeneration } from '../../lib/store/generations';
import { createLabelService } from '../../lib/store/label-service';
import {
  answerPopupRequest,
  isHostName,
  isPopupRequest,
  MAX_LABEL_IDS,
} from '../../lib/store/popup-messages';
import { getSettings } from '../../lib/store/settings';
import { makeDataset } from './make-dataset';

let counter = 0;
let db: CrosscheckDB | undefined;
async function freshStore(): Promise<CrosscheckDB> {
  db = await openStore(`popup-messages-test-${++counter}`);
  await installGeneration(db, makeDataset(1), { source: 'bundled', installedAt: '2025-01-01T00:00:00Z' });
  return db;
}
afterEach(() => db?.close());

describe('isHostName', () => {
  it('accepts host names as URL.hostname gives them', () => {
    for (const host of [
      'example.com',
      'www.bbc.co.uk',
      '127.0.0.1',
      'localhost',
      'xn--bcher-kva.de',
      '[::1]',
    ])
      expect(isHostName(host), host).toBe(true);
  });

  it('refuses upper case, paths, ports, empty and overlong names, non-strings', () => {
    for (const host of [
      'Example.com',
      'example.com/x',
      'example.com:80',
      '',
      'a'.repeat(254),
      'a b',
      3,
      null,
    ])
      expect(isHostName(host), String(host)).toBe(false);
  });
});

describe('isPopupRequest', () => {
  it('accepts exactly the three requests', () => {
    expect(isPopupRequest({ type: 'getSite', host: 'example.com' })).toBe(true);
    expect(isPopupRequest({ type: 'setSiteDisabled', host: 'example.com', disabled: true })).toBe(true);
    expect(isPopupRequest({ type: 'setSiteDisabled', host: 'example.com', disabled: false })).toBe(true);
    expect(isPopupRequest({ type: 'labels', quantities: ['q'], entities: [] })).toBe(true);
  });

  it('refuses other shapes, extra keys and bad values', () => {
    for (const message of [
      null,
      [],
      { type: 'getSite' },
      { type: 'getSite', host: 'EXAMPLE.com' },
      { type: 'getSite', host: 'example.com', extra: true },
      { type: 'setSiteDisabled', host: 'example.com' },
      { type: 'setSiteDisabled', host: 'example.com', disabled: 'yes' },
      { type: 'setSiteDisabled', host: 'https://example.com', disabled: true },
      { type: 'labels', quantities: ['q'] },
      { type: 'labels', quantities: 'q', entities: [] },
      { type: 'labels', quantities: [''], entities: [] },
      { type: 'labels', quantities: [1], entities: [] },
      { type: 'labels', quantities: [], entities: ['x'.repeat(201)] },
      { type: 'labels', quantities: Array(MAX_LABEL_IDS + 1).fill('q'), entities: [] },
      { type: 'getStatus' },
    ])
      expect(isPopupRequest(message), JSON.stringify(message)).toBe(false);
  });
});

describe('answerPopupRequest', () => {
  it('switches a site off and on, and reports the stored setting', async () => {
    const store = await freshStore();
    const labels = createLabelService(store);
    const host = 'news.example.org';
    expect(await answerPopupRequest(store, labels, { type: 'getSite', host })).toEqual({
      host,
      disabled: false,
    });
    expect(
      await answerPopupRequest(store, labels, { type: 'setSiteDisabled', host, disabled: true }),
    ).toEqual({
      host,
      disabled: true,
    });
    expect((await getSettings(store)).disabledSites).toEqual([host]);
    expect(await answerPopupRequest(store, labels, { type: 'getSite', host })).toEqual({
      host,
      disabled: true,
    });
    expect(await answerPopupRequest(store, labels, { type: 'getSite', host: 'other.org' })).toEqual({
      host: 'other.org',
      disabled: false,
    });
    await answerPopupRequest(store, labels, { type: 'setSiteDisabled', host, disabled: false });
    expect((await getSettings(store)).disabledSites).toEqual([]);
  });

  it('answers labels from the label service', async () => {
    const store = await freshStore();
    const reply = await answerPopupRequest(store, createLabelService(store), {
      type: 'labels',
      quantities: ['q'],
      entities: ['entity-1'],
    });
    expect(reply).toEqual({ quantities: { q: 'Things sent' }, entities: { 'entity-1': 'Entity 1' } });
  });
});
