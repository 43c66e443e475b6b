import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_DIR } from '../../cli/browser';
import { countsLine } from '../../components/OptionsView';
import type { CompiledDataset } from '../../lib/dataset/types';
import { startHarness, type Harness } from './harness';

/** Whitespace-normalised text of the options page's status region. */
function statusText(page: Page): Promise<string> {
  return page.evaluate(() =>
    (document.querySelector('[role="status"]')?.textContent ?? '').replace(/\s+/g, ' '),
  );
}

describe('extension foundation in Chromium', () => {
  let harness: Harness;
  let bundled: CompiledDataset;
  let page: Page;

  beforeAll(async () => {
    // The dataset the build bundled: the test follows it rather than hard-coding its numbers.
    bundled = JSON.parse(await readFile(join(CHROME_EXTENSION_DIR, 'dataset/bundled.json'), 'utf8'));
    harness = await startHarness();
    page = await harness.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('starts the service worker from the built extension', () => {
    const { ext } = harness;
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    expect(ext.serviceWorker.url()).toBe(`${ext.extensionOrigin}/background.js`);
  });

  it('serves the seed article on 127.0.0.1 to the browser', async () => {
    const article = await harness.ext.context.newPage();
    const response = await article.goto(harness.pageUrl('seed-nk-troops-kursk.html'));
    expect(response?.status()).toBe(200);
    expect(await article.title()).toContain('North Korean Troops');
    await harness.screenshot(article, 'seed-article');
    await article.close();
  });

  it('shows the bundled dataset in the options status region', async () => {
    const { id, version } = bundled.dataset;
    const expected = `Dataset ${id} version ${version}`;
    await page.waitForFunction(
      (text) =>
        (document.querySelector('[role="status"]')?.textContent ?? '').replace(/\s+/g, ' ').includes(text),
      expected,
      { timeout: 30_000 },
    );
    const text = await statusText(page);
    expect(text).toContain(expected);
    expect(text).toContain(
      countsLine({
        entities: bundled.entities.length,
        quantities: bundled.quantities.length,
        reports: bundled.reports.length,
      }),
    );
    expect(text).toContain('bundled with the extension');
    await harness.screenshot(page, 'options-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await harness.screenshot(page, 'options-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('stored the bundled dataset as the active generation in IndexedDB', async () => {
    // Read the extension's database directly from its own origin, without the store module.
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('crosscheck');
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      const get = (store: string, key: IDBValidKey) =>
        new Promise<unknown>((done, fail) => {
          const request = db.transaction(store).objectStore(store).get(key);
          request.onsuccess = () => done(request.result);
          request.onerror = () => fail(request.error);
        });
      const pointers = (await get('pointers', 'pointers')) as { active: number; previous: number | null };
      const record = (await get('generations', pointers.active)) as {
        source: string;
        dataset: { dataset: { id: string; version: number }; reports: unknown[] };
      };
      db.close();
      return {
        previous: pointers.previous,
        source: record.source,
        id: record.dataset.dataset.id,
        version: record.dataset.dataset.version,
        reports: record.dataset.reports.length,
      };
    });
    expect(stored).toEqual({
      previous: null,
      source: 'bundled',
      id: bundled.dataset.id,
      version: bundled.dataset.version,
      reports: bundled.reports.length,
    });
  });

  it('has a "Check for updates" button that answers in the status region', async () => {
    const button = page.getByRole('button', { name: 'Check for updates', exact: true });
    expect(await button.count()).toBe(1);
    await button.click();
    await page.locator('[role="status"] .update-note').waitFor({ timeout: 10_000 });
    const note = await page.locator('[role="status"] .update-note').textContent();
    expect(note?.trim().length).toBeGreaterThan(0);
    await harness.screenshot(page, 'options-after-check');
  });
});
