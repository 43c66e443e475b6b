import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine, type TextScanner } from '../../cli/load-engine';
import { articleFromHtml } from '../../cli/scan';
import type { ScannedFigure } from '../../lib/text/types';
import { PAGES_DIR, startHarness, type Harness } from './harness';

const SEED = 'seed-nk-troops-kursk.html';
const OPT_OUT = 'opt-out-article.html';

interface ExpectedPage {
  figures: { text: string; near: string }[];
  optionalFigures: { text: string; near: string }[];
  nothingMarkedIn: string[];
}

/** What the page's own observer saw, and what the painted highlights hold (read in the page). */
interface PageReport {
  host: {
    state: string | null;
    names: string | null;
    figures: string | null;
    count: number;
    openShadow: boolean;
  };
  added: string[];
  removed: number;
  otherMutations: string[];
  moved: string[];
  highlights: Record<
    'name' | 'figure',
    { text: string; context: string; excludedBy: string | null }[] | null
  >;
}

/**
 * Runs in the page before any of its scripts: once the parser is done (readyState "interactive",
 * before the content script's document_idle), records every later DOM mutation and where each
 * text block sits, so the test can tell what the extension changed.
 */
function watchPage(): void {
  const w = window as unknown as {
    __crosscheckWatch: { records: MutationRecord[]; layout: number[][] | null };
  };
  w.__crosscheckWatch = { records: [], layout: null };
  document.addEventListener('readystatechange', () => {
    if (document.readyState !== 'interactive') return;
    w.__crosscheckWatch.layout = Array.from(document.querySelectorAll('body *')).map((el) => {
      const r = el.getBoundingClientRect();
      return [r.top, r.left, r.width, r.height];
    });
    new MutationObserver((records) => w.__crosscheckWatch.records.push(...records)).observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      characterData: true,
    });
  });
}

/** Reads the page's state after marking (runs in the page's main world). */
function readPage(excluded: string[]): PageReport {
  const watch = (
    window as unknown as { __crosscheckWatch: { records: MutationRecord[]; layout: number[][] | null } }
  ).__crosscheckWatch;
  const hosts = document.querySelectorAll('crosscheck-ui');
  const host = hosts[0] ?? null;
  const added: string[] = [];
  const otherMutations: string[] = [];
  let removed = 0;
  for (const record of watch.records) {
    if (record.type === 'childList') {
      record.addedNodes.forEach((node) => added.push(node.nodeName.toLowerCase()));
      removed += record.removedNodes.length;
    } else if (record.target !== host) {
      otherMutations.push(`${record.type} on ${record.target.nodeName.toLowerCase()}`);
    }
  }
  const moved: string[] = [];
  const elements = Array.from(document.querySelectorAll('body *')).filter(
    (el) => el.localName !== 'crosscheck-ui',
  );
  elements.forEach((el, i) => {
    const before = watch.layout?.[i];
    const r = el.getBoundingClientRect();
    const now = [r.top, r.left, r.width, r.height];
    if (!before || now.some((v, k) => Math.abs(v - before[k]!) > 0.5)) moved.push(el.localName);
  });
  const read = (name: string) => {
    const highlight = CSS.highlights.get(name);
    if (!highlight) return null;
    return Array.from(highlight as unknown as Iterable<Range>).map((range) => {
      const parent = (node: Node) => (node.nodeType === 1 ? (node as Element) : node.parentElement);
      const start = parent(range.startContainer);
      const block = start?.closest('p, h1, h2, h3, li, blockquote, figcaption, td') ?? start;
      let excludedBy: string | null = null;
      for (const selector of excluded) {
        if (start?.closest(selector) || parent(range.endContainer)?.closest(selector)) excludedBy = selector;
      }
      return {
        text: range.toString().replace(/\s+/g, ' '),
        context: (block?.textContent ?? '').replace(/\s+/g, ' '),
        excludedBy,
      };
    });
  };
  return {
    host: {
      state: host?.getAttribute('data-state') ?? null,
      names: host?.getAttribute('data-names') ?? null,
      figures: host?.getAttribute('data-figures') ?? null,
      count: hosts.length,
      // A closed shadow root is invisible to the page.
      openShadow: host?.shadowRoot != null,
    },
    added,
    removed,
    otherMutations,
    moved,
    highlights: { name: read('crosscheck-name'), figure: read('crosscheck-figure') },
  };
}

async function openAndWait(harness: Harness, name: string, state: string): Promise<Page> {
  const page = await harness.ext.context.newPage();
  await page.addInitScript(watchPage);
  await page.goto(harness.pageUrl(name));
  await page.waitForSelector(`crosscheck-ui[data-state="${state}"]`, { state: 'attached', timeout: 30_000 });
  return page;
}

describe('marks in a news page, in Chromium', () => {
  let harness: Harness;
  let engine: TextScanner;
  let expected: ExpectedPage;

  beforeAll(async () => {
    // The same dataset sources the build bundled, and the same pipeline as `npm run scan`.
    const loaded = await loadEngine();
    if ('problems' in loaded) throw new Error(loaded.problems.join('\n'));
    engine = loaded.engine;
    expected = JSON.parse(await readFile(join(PAGES_DIR, 'seed-nk-troops-kursk.expected.json'), 'utf8'));
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('marks the seed article’s names and linked figures, and nothing else changes', async () => {
    const scan = engine.scan(await articleFromHtml(await readFile(join(PAGES_DIR, SEED), 'utf8')));
    const linked = scan.figures.filter(
      (f): f is ScannedFigure & { quantity: string } => f.quantity !== undefined,
    );
    expect(linked.length).toBeGreaterThanOrEqual(expected.figures.length);

    const page = await openAndWait(harness, SEED, 'ready');
    const report = await page.evaluate(readPage, expected.nothingMarkedIn);

    expect(report.host).toEqual({
      state: 'ready',
      names: String(scan.names.length),
      figures: String(linked.length),
      count: 1,
      openShadow: false,
    });
    // Exactly one DOM mutation: the host, appended once; nothing else touched.
    expect(report.added).toEqual(['crosscheck-ui']);
    expect(report.removed).toBe(0);
    expect(report.otherMutations).toEqual([]);
    expect(report.moved).toEqual([]);

    const figures = report.highlights.figure!;
    const names = report.highlights.name!;
    expect(figures.map((f) => f.text)).toEqual(linked.map((f) => f.text));
    expect(names.map((n) => n.text)).toEqual(scan.names.map((n) => n.text));

    // In document order, the expected figures, plus the optional ones where they are linked.
    const required = [...expected.figures];
    const optional = [...expected.optionalFigures];
    for (const figure of figures) {
      const next = required[0];
      if (next && figure.text === next.text && figure.context.includes(next.near)) {
        required.shift();
        continue;
      }
      const i = optional.findIndex((o) => o.text === figure.text && figure.context.includes(o.near));
      expect(i, `unexpected figure mark "${figure.text}" in: ${figure.context}`).toBeGreaterThanOrEqual(0);
      optional.splice(i, 1);
    }
    expect(required).toEqual([]);

    for (const mark of [...figures, ...names]) expect(mark.excludedBy, mark.text).toBeNull();

    await harness.screenshot(page, 'seed-marks');
    // The same marks on a dark page (after the checks above: this adds a style element).
    await page.addStyleTag({
      content: 'body, article { background: #15191e !important; color: #dde3ea !important; }',
    });
    await harness.screenshot(page, 'seed-marks-dark');
    await page.close();
  });

  it('marks nothing in an article opted out with data-crosscheck="off"', async () => {
    const html = await readFile(join(PAGES_DIR, OPT_OUT), 'utf8');
    // Without the opt-out the same article has marks, so zero below is the opt-out's doing.
    const optedIn = engine.scan(await articleFromHtml(html.replace(' data-crosscheck="off"', '')));
    expect(optedIn.figures.filter((f) => f.quantity !== undefined).length).toBeGreaterThan(0);
    expect(optedIn.names.length).toBeGreaterThan(0);

    const page = await openAndWait(harness, OPT_OUT, 'ready');
    const report = await page.evaluate(readPage, ['article']);
    expect(report.host).toEqual({ state: 'ready', names: '0', figures: '0', count: 1, openShadow: false });
    expect(report.added).toEqual(['crosscheck-ui']);
    // Nothing was scanned, so nothing was painted.
    expect(report.highlights).toEqual({ name: null, figure: null });
    await page.close();
  });

  it('is off on a site the reader switched off, and marks nothing there', async () => {
    const options = await harness.openExtensionPage('options.html');
    const setDisabled = (sites: string[]) =>
      options.evaluate(async (value) => {
        const db = await new Promise<IDBDatabase>((done, fail) => {
          const request = indexedDB.open('crosscheck');
          request.onsuccess = () => done(request.result);
          request.onerror = () => fail(request.error);
        });
        await new Promise<void>((done, fail) => {
          const tx = db.transaction('settings', 'readwrite');
          tx.objectStore('settings').put(value, 'disabledSites');
          tx.oncomplete = () => done();
          tx.onerror = () => fail(tx.error);
        });
        db.close();
      }, sites);
    await setDisabled(['127.0.0.1']);
    try {
      const page = await openAndWait(harness, SEED, 'off');
      const report = await page.evaluate(readPage, []);
      expect(report.host.state).toBe('off');
      expect(report.highlights).toEqual({ name: null, figure: null });
      await page.close();
    } finally {
      await setDisabled([]);
      await options.close();
    }
  });
});
