/**
 * The toolbar popup in Chromium (DESIGN §1). Playwright cannot click the toolbar button, so
 * popup.html is opened in another tab with `?tab=<id>` naming the article's tab; the popup then
 * lists that tab's marks, jumps to one, and switches the site off and on.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, CHROME_EXTENSION_DIR } from '../../cli/browser';
import { attributionLabel } from '../../lib/card/attribution';
import type { CompiledDataset } from '../../lib/dataset/types';
import { PAGES_DIR, startHarness, type Harness } from './harness';
import { cardText } from './shadow';

const SEED = 'seed-nk-troops-kursk.html';

interface ExpectedPage {
  figures: { text: string; quantity: string; attribution: string[] }[];
  names: { text: string; entity: string }[];
}

/** The part of the service worker's `chrome` the test uses. */
interface ChromeTabs {
  chrome: { tabs: { query(filter: { active: boolean }): Promise<{ id?: number }[]> } };
}

/** The host's attributes and how many ranges the page's highlights hold. */
function pageMarks(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('crosscheck-ui');
    const size = (name: string) => (CSS.highlights.get(name) as Highlight | undefined)?.size ?? 0;
    return {
      state: host?.getAttribute('data-state') ?? null,
      names: host?.getAttribute('data-names') ?? null,
      figures: host?.getAttribute('data-figures') ?? null,
      painted: size('crosscheck-name') + size('crosscheck-figure'),
    };
  });
}

/** Rows' texts in the popup: `.item-value` of figure rows, `.item-name-text` of name rows. */
function popupRows(popup: Page) {
  return popup.evaluate(() => ({
    figures: Array.from(document.querySelectorAll('.item-figure')).map((row) => ({
      text: row.querySelector('.item-value')?.textContent ?? '',
      label: row.querySelector('.item-sub')?.textContent ?? '',
      badge: row.querySelector('.cc-badge')?.textContent ?? '',
    })),
    names: Array.from(document.querySelectorAll('.item-name .item-name-text')).map(
      (n) => n.textContent ?? '',
    ),
    counts: document.querySelector('.counts')?.textContent ?? '',
    status: document.querySelector('[role="status"]')?.textContent ?? '',
  }));
}

describe('the toolbar popup, in Chromium', () => {
  let harness: Harness;
  let article: Page;
  let popup: Page;
  let cdp: CDPSession;
  let articleTab: number;
  let expected: ExpectedPage;
  let bundled: CompiledDataset;

  beforeAll(async () => {
    expected = JSON.parse(await readFile(join(PAGES_DIR, 'seed-nk-troops-kursk.expected.json'), 'utf8'));
    bundled = JSON.parse(await readFile(join(CHROME_EXTENSION_DIR, 'dataset/bundled.json'), 'utf8'));
    harness = await startHarness();
    article = await harness.ext.context.newPage();
    // Instant scrolling: the article's tab is in the background while the popup's tab is active.
    await article.emulateMedia({ reducedMotion: 'reduce' });
    await article.goto(harness.pageUrl(SEED));
    await article.waitForSelector('crosscheck-ui[data-state="ready"]', {
      state: 'attached',
      timeout: 30_000,
    });
    cdp = await article.context().newCDPSession(article);
    await article.bringToFront();
    // The service worker sees tab ids (not URLs: the extension has no `tabs` permission).
    const active = await harness.ext.serviceWorker.evaluate(async () => {
      const tabs = await (globalThis as unknown as ChromeTabs).chrome.tabs.query({ active: true });
      return tabs.map((t) => t.id);
    });
    expect(active).toHaveLength(1);
    articleTab = active[0]!;
    popup = await harness.ext.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`${harness.ext.extensionOrigin}/popup.html?tab=${articleTab}`);
    await popup.waitForSelector('.item-figure', { timeout: 30_000 });
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('lists the article’s figures in document order with their quantity and attribution', async () => {
    const rows = await popupRows(popup);
    expect(rows.figures.map((f) => f.text)).toEqual(expected.figures.map((f) => f.text));
    const labels = new Map(bundled.quantities.map((q) => [q.id, q.label]));
    expected.figures.forEach((figure, i) => {
      expect(rows.figures[i]!.label).toBe(labels.get(figure.quantity));
      expect(figure.attribution.map(attributionLabel)).toContain(rows.figures[i]!.badge);
    });
    const twelve = rows.figures.find((f) => f.text === 'about 12,000');
    expect(twelve?.label).toBe('North Korean troops deployed to Russia');
  });

  it('lists the names by entity and counts what the page painted', async () => {
    const rows = await popupRows(popup);
    const names = new Map(bundled.entities.map((e) => [e.id, e.name]));
    const expectedNames = [...new Set(expected.names.map((n) => names.get(n.entity)))];
    expect(rows.names).toEqual(expect.arrayContaining(expectedNames));
    const marks = await pageMarks(article);
    expect(rows.counts).toBe(`${marks.figures} figures, ${marks.names} names`);
    expect(Number(marks.figures)).toBe(expected.figures.length);
  });

  it('shows the dataset version and when it was installed, with a link to the options', async () => {
    const footer = await popup.locator('footer').innerText();
    expect(footer.replace(/\s+/g, ' ')).toContain(
      `Dataset ${bundled.dataset.id} version ${bundled.dataset.version} · updated`,
    );
    expect(await popup.getByRole('link', { name: 'Options' }).count()).toBe(1);
  });

  it('takes screenshots of the popup, light and dark, and of its names', async () => {
    // The popup as the toolbar shows it: sized to its content (at most 600 px high).
    const shoot = async (name: string) =>
      popup.locator('main').screenshot({ path: await artifactPath(`${name}.png`) });
    await shoot('popup');
    await popup.emulateMedia({ colorScheme: 'dark' });
    await shoot('popup-dark');
    await popup.emulateMedia({ colorScheme: 'light' });
    const lists = popup.locator('.lists');
    await lists.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await shoot('popup-names');
    await lists.evaluate((el) => el.scrollTo(0, 0));
    // The list scrolls inside the popup; the page itself does not.
    expect(await popup.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(600);
  });

  it('jumps to “about 12,000”: scrolls the article to it and opens its card', async () => {
    // Far from the mark: the end of the article.
    const end = await article.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      return window.scrollY;
    });
    expect(end).toBeGreaterThan(0);
    expect(await cardText(cdp)).toBe('');
    await popup.locator('.item-figure', { hasText: 'about 12,000' }).click();
    // Polled on a timer: the article's tab is in the background, where animation frames stall.
    await article.waitForFunction((end) => window.scrollY < end, end, { timeout: 10_000, polling: 100 });
    let text = await cardText(cdp);
    for (let i = 0; i < 30 && !text.includes('North Korean troops deployed to Russia'); i++) {
      await article.waitForTimeout(100);
      text = await cardText(cdp);
    }
    expect(text).toContain('North Korean troops deployed to Russia');
    expect(text).toMatch(/This page about 12,000/);
    // The mark is inside the viewport now.
    const inView = await article.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue!.indexOf('about 12,000');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'about 12,000'.length);
        const r = range.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }
      return false;
    });
    expect(inView).toBe(true);
  });

  it('switches the site off (marks cleared, host off) and back on (rescanned), without a reload', async () => {
    const toggle = popup.getByRole('switch', { name: /On this site \(127\.0\.0\.1\)/ });
    expect(await toggle.isChecked()).toBe(true);
    const before = await pageMarks(article);
    expect(before.painted).toBeGreaterThan(0);
    await article.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

    await toggle.click();
    await article.waitForSelector('crosscheck-ui[data-state="off"]', { state: 'attached', timeout: 10_000 });
    const off = await pageMarks(article);
    expect(off).toMatchObject({ state: 'off', names: '0', figures: '0', painted: 0 });
    expect(await cardText(cdp)).not.toContain('North Korean troops deployed to Russia');
    await popup.waitForFunction(() => document.body.textContent?.includes('Crosscheck is off on this site'));
    expect(await toggle.isChecked()).toBe(false);
    await popup.locator('main').screenshot({ path: await artifactPath('popup-off.png') });

    await toggle.click();
    await article.waitForSelector('crosscheck-ui[data-state="ready"]', {
      state: 'attached',
      timeout: 30_000,
    });
    const on = await pageMarks(article);
    expect(on).toMatchObject({ state: 'ready', names: before.names, figures: before.figures });
    expect(on.painted).toBe(before.painted);
    expect(
      await article.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument),
    ).toBe(true);
    await popup.waitForSelector('.item-figure', { timeout: 10_000 });
    expect(await toggle.isChecked()).toBe(true);
  });

  it('keeps the site off for a new page load until switched back on', async () => {
    const toggle = popup.getByRole('switch', { name: /On this site/ });
    await toggle.click();
    await article.waitForSelector('crosscheck-ui[data-state="off"]', { state: 'attached', timeout: 10_000 });
    await article.reload();
    await article.waitForSelector('crosscheck-ui[data-state="off"]', { state: 'attached', timeout: 30_000 });
    await toggle.click();
    await article.waitForSelector('crosscheck-ui[data-state="ready"]', {
      state: 'attached',
      timeout: 30_000,
    });
  });

  it('says so on a page where Crosscheck does not run', async () => {
    const blank = await harness.ext.context.newPage();
    await blank.goto('about:blank');
    await blank.bringToFront();
    const [blankTab] = await harness.ext.serviceWorker.evaluate(async () =>
      (await (globalThis as unknown as ChromeTabs).chrome.tabs.query({ active: true })).map((t) => t.id),
    );
    const other = await harness.ext.context.newPage();
    await other.setViewportSize({ width: 360, height: 600 });
    await other.goto(`${harness.ext.extensionOrigin}/popup.html?tab=${blankTab}`);
    await other.waitForFunction(() =>
      document.querySelector('[role="status"]')?.textContent?.includes('Crosscheck doesn’t run on this page'),
    );
    expect(await other.getByRole('switch').count()).toBe(0);
    await other.locator('main').screenshot({ path: await artifactPath('popup-unsupported.png') });
  });
});
