/**
 * Documents for lib/page tests: HTML loaded into happy-dom through the same loader as
 * `npm run scan` (cli/dom.ts), closed after each test.
 */
import { readFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import { loadHtml, type LoadedDocument } from '../../cli/dom';

/** Registers cleanup in the calling test file; returns loaders whose documents it closes. */
export function useDocuments(): {
  load: (html: string, url?: string) => Document;
  fixture: (name: string) => Document;
} {
  const open: LoadedDocument[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((d) => d.close()));
  });
  const load = (html: string, url?: string): Document => {
    const loaded = url === undefined ? loadHtml(html) : loadHtml(html, url);
    open.push(loaded);
    return loaded.document;
  };
  /** A page of tests/fixtures/pages/. */
  const fixture = (name: string): Document =>
    load(readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), 'utf8'));
  return { load, fixture };
}
