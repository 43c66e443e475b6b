import 'fake-indexeddb/auto';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadEngine } from '../../cli/load-engine';
import type { CompiledDataset } from '../../lib/dataset/types';
import { openStore, type CrosscheckDB } from '../../lib/store/db';
import { installGeneration, rollback } from '../../lib/store/generations';
import { createScanService, isSiteDisabled, toScanReply } from '../../lib/store/scan-service';
import { setSiteDisabled } from '../../lib/store/settings';
import { createEngine } from '../../lib/text/engine';
import type { ScanResult } from '../../lib/text/types';
import { makeDataset } from './make-dataset';

let counter = 0;
let db: CrosscheckDB | undefined;
async function freshStore(): Promise<CrosscheckDB> {
  db = await openStore(`scan-service-test-${++counter}`);
  return db;
}
afterEach(() => db?.close());

const PAGE = 'https://news.example/2024/11/story';
const NOW = '2024-11-28T00:00:00.000Z';

/** A scanner factory that records which dataset versions it built, and answers with the version. */
function recordingFactory() {
  const built: number[] = [];
  const factory = vi.fn((dataset: CompiledDataset) => {
    built.push(dataset.dataset.version);
    return {
      scan: (): ScanResult => ({
        names: [{ text: 'x', start: 0, end: 1, entity: `v${dataset.dataset.version}` }],
        figures: [],
      }),
    };
  });
  return { built, factory };
}

describe('createScanService', () => {
  it('rejects while no dataset is installed', async () => {
    const { factory } = recordingFactory();
    const service = createScanService(await freshStore(), factory);
    await expect(service.scan('text', PAGE)).rejects.toThrow(/no dataset/);
    expect(factory).not.toHaveBeenCalled();
  });

  it('builds the scanner once per active generation, and again after an update or a rollback', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(1), { source: 'bundled', installedAt: NOW });
    const { built, factory } = recordingFactory();
    const service = createScanService(store, factory);
    const entity = async () => {
      const reply = await service.scan('x', PAGE);
      return reply.status === 'marks' ? reply.names[0]?.entity : reply.status;
    };
    expect(await Promise.all([entity(), entity(), entity()])).toEqual(['v1', 'v1', 'v1']);
    expect(built).toEqual([1]);
    await installGeneration(store, makeDataset(2), { source: 'update', installedAt: NOW });
    expect(await entity()).toBe('v2');
    expect(await entity()).toBe('v2');
    expect(built).toEqual([1, 2]);
    await rollback(store);
    expect(await entity()).toBe('v1');
    expect(built).toEqual([1, 2, 1]);
  });

  it('tries again after a failed build', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(1), { source: 'bundled', installedAt: NOW });
    let fail = true;
    const service = createScanService(store, () => {
      if (fail) throw new Error('build failed');
      return { scan: () => ({ names: [], figures: [] }) };
    });
    await expect(service.scan('x', PAGE)).rejects.toThrow('build failed');
    fail = false;
    expect(await service.scan('x', PAGE)).toEqual({ status: 'marks', names: [], figures: [] });
  });

  it('answers off, without scanning, on a site the reader switched off', async () => {
    const store = await freshStore();
    await installGeneration(store, makeDataset(1), { source: 'bundled', installedAt: NOW });
    const scan = vi.fn((): ScanResult => ({ names: [], figures: [] }));
    const service = createScanService(store, () => ({ scan }));
    await setSiteDisabled(store, 'News.Example', true);
    expect(await service.scan('x', PAGE)).toEqual({ status: 'off' });
    expect(await service.scan('x', 'http://NEWS.example:8080/other')).toEqual({ status: 'off' });
    expect(scan).not.toHaveBeenCalled();
    expect((await service.scan('x', 'https://www.news.example/')).status).toBe('marks');
    await setSiteDisabled(store, 'news.example', false);
    expect((await service.scan('x', PAGE)).status).toBe('marks');
  });

  it('scans with the real engine: names, and only the linked figures', async () => {
    const loaded = await loadEngine(fileURLToPath(new URL('../fixtures/dataset-mini', import.meta.url)));
    if ('problems' in loaded) throw new Error(loaded.problems.join('\n'));
    const store = await freshStore();
    await installGeneration(store, loaded.dataset, { source: 'bundled', installedAt: NOW });
    const service = createScanService(store, createEngine);
    const text =
      'Ana Rivera said Northland shipped about 1,200 widgets to Southland last month.\n\nThe port has 3 cranes.';
    const reply = await service.scan(text, PAGE);
    expect(reply).toEqual(toScanReply(loaded.engine.scan(text)));
    if (reply.status !== 'marks') throw new Error('expected marks');
    expect(reply.names.map((n) => text.slice(n.start, n.end))).toContain('Ana Rivera');
    expect(reply.figures.map((f) => [text.slice(f.start, f.end), f.quantity])).toEqual([
      ['about 1,200', 'widgets-shipped'],
    ]);
  });
});

describe('toScanReply', () => {
  it('keeps every name and the linked figures, with only the fields the page needs', () => {
    const result: ScanResult = {
      names: [{ text: 'Kursk', start: 40, end: 45, entity: 'kursk' }],
      figures: [
        {
          text: 'about 12,000',
          start: 0,
          end: 12,
          value: { low: 12000, high: 12000 },
          qualifier: 'about',
          quantity: 'nk-troops-in-russia',
          attribution: { type: 'anonymous', cue: 'according to sources', cueStart: 50, cueEnd: 70 },
        },
        { text: '3', start: 80, end: 81, value: { low: 3, high: 3 }, qualifier: 'exact' },
        {
          text: '40%',
          start: 90,
          end: 93,
          value: { low: 40, high: 40 },
          qualifier: 'exact',
          unit: 'percent',
          quantity: 'share',
        },
      ],
    };
    expect(toScanReply(result)).toEqual({
      status: 'marks',
      names: [{ start: 40, end: 45, entity: 'kursk' }],
      figures: [
        {
          start: 0,
          end: 12,
          quantity: 'nk-troops-in-russia',
          value: { low: 12000, high: 12000 },
          qualifier: 'about',
          attribution: { type: 'anonymous', cue: 'according to sources' },
        },
        {
          start: 90,
          end: 93,
          quantity: 'share',
          value: { low: 40, high: 40 },
          qualifier: 'exact',
          unit: 'percent',
        },
      ],
    });
  });
});

describe('isSiteDisabled', () => {
  it('matches the page’s exact hostname, whatever the case, port or path', () => {
    expect(isSiteDisabled('https://News.Example:8443/a?b#c', ['news.example'])).toBe(true);
    expect(isSiteDisabled('https://www.news.example/', ['news.example'])).toBe(false);
    expect(isSiteDisabled('https://news.example.evil/', ['news.example'])).toBe(false);
    expect(isSiteDisabled('not a url', ['news.example'])).toBe(false);
    expect(isSiteDisabled('https://news.example/', [])).toBe(false);
  });
});
