/**
 * The reader's card in Chromium: hover a mark for ~300 ms and the card opens in the host's closed
 * shadow root; Esc closes it; Alt+Shift+C opens one from the keyboard. The card is read through
 * the DevTools protocol (the page itself cannot see into a closed shadow root).
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from '../../cli/browser';
import { startHarness, type Harness } from './harness';
import { attributeOf, hostShadowRoot, textOf, type DomNode } from './shadow';

const SEED = 'seed-nk-troops-kursk.html';

/** What the card shows, read from the closed shadow root through CDP. */
interface CardSnapshot {
  /** All text in the shadow root, whitespace collapsed. */
  text: string;
  /** Text of each report in the list. */
  reports: string[];
  /** Whether a dialog element is in the shadow root. */
  dialog: boolean;
}

async function readCard(cdp: CDPSession): Promise<CardSnapshot> {
  const shadow = await hostShadowRoot(cdp);
  const reports: string[] = [];
  let dialog = false;
  const walk = (node: DomNode) => {
    if (attributeOf(node, 'role') === 'dialog') dialog = true;
    if (node.nodeName === 'LI' && (attributeOf(node, 'class') ?? '').split(' ').includes('cc-report'))
      reports.push(textOf(node).replace(/\s+/g, ' ').trim());
    for (const child of node.children ?? []) walk(child);
  };
  if (shadow) walk(shadow);
  return { text: shadow ? textOf(shadow).replace(/\s+/g, ' ').trim() : '', reports, dialog };
}

/**
 * The client rect centre of the first occurrence of `text` (inside one text node) whose
 * paragraph contains `near`, after scrolling it to about a third of the viewport's height.
 */
async function locate(page: Page, text: string, near: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ text, near }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue!.indexOf(text);
        if (at < 0 || !(node.parentElement?.textContent ?? '').includes(near)) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const before = range.getClientRects()[0]!;
        window.scrollBy(0, before.top - window.innerHeight / 3);
        const r = range.getClientRects()[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      return null;
    },
    { text, near },
  );
  if (point === null) throw new Error(`"${text}" near "${near}" is not on the page`);
  return point;
}

/** Moves the pointer onto `text` from a little to its left and rests there past the dwell. */
async function hover(page: Page, text: string, near: string): Promise<void> {
  await page.mouse.move(5, 5);
  await page.waitForTimeout(400);
  const { x, y } = await locate(page, text, near);
  await page.mouse.move(x - 40, y, { steps: 2 });
  await page.mouse.move(x, y, { steps: 4 });
  await page.waitForTimeout(450);
}

async function waitForCard(cdp: CDPSession, includes: string): Promise<CardSnapshot> {
  let card = await readCard(cdp);
  for (let i = 0; i < 30 && !card.text.includes(includes); i++) {
    await new Promise((r) => setTimeout(r, 100));
    card = await readCard(cdp);
  }
  return card;
}

interface AxNode {
  role?: { value: string };
  name?: { value: string };
  properties?: { name: string; value: { value: unknown } }[];
}

/** The card's dialog in the accessibility tree: its name and whether it has focus. */
async function focusedDialog(cdp: CDPSession): Promise<{ name: string | undefined; focused: boolean }> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
  const dialog = nodes.find((n) => n.role?.value === 'dialog');
  return {
    name: dialog?.name?.value,
    focused: dialog?.properties?.some((p) => p.name === 'focused' && p.value.value === true) ?? false,
  };
}

describe('the reader’s card, in Chromium', () => {
  let harness: Harness;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    harness = await startHarness();
    page = await harness.ext.context.newPage();
    await page.goto(harness.pageUrl(SEED));
    await page.waitForSelector('crosscheck-ui[data-state="ready"]', { state: 'attached', timeout: 30_000 });
    cdp = await page.context().newCDPSession(page);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('opens a figure card on hover: the quantity, the page’s value and source, and the other reports', async () => {
    expect((await readCard(cdp)).text).toBe('');
    await hover(page, 'about 12,000', 'were sent to Russia');
    const card = await waitForCard(cdp, 'North Korean troops deployed to Russia');
    expect(card.dialog).toBe(true);
    expect(card.text).toContain('North Korean troops deployed to Russia');
    expect(card.text).toMatch(/This page about 12,000/);
    expect(card.text).toContain('No source given');
    expect(card.reports.length).toBeGreaterThanOrEqual(10);
    // Each report names its outlet; a few the seed dataset is known to hold.
    for (const outlet of ['Politico Europe', 'The Korea Herald']) expect(card.text).toContain(outlet);
    await page.screenshot({ path: await artifactPath('card-figure.png') });

    await page.keyboard.press('Escape');
    expect((await readCard(cdp)).text).toBe('');
  });

  it('says how a hedged figure is attributed, with the cue', async () => {
    await hover(page, 'More than 5,000', 'apparently');
    const card = await waitForCard(cdp, 'North Korean troops killed or wounded');
    expect(card.text).toContain('more than 5,000');
    expect(card.text).toContain('Hedged, no source');
    expect(card.text).toContain('“apparently”');
    await page.screenshot({ path: await artifactPath('card-figure-hearsay.png') });
    await page.keyboard.press('Escape');
  });

  it('opens a name card on hover', async () => {
    await hover(page, 'Shin Geum Chul', 'one of three');
    const card = await waitForCard(cdp, 'Shin Geum Chul');
    expect(card.text).toContain('Person');
    expect(card.text).toMatch(/Party to the war: North Korea/);
    await page.screenshot({ path: await artifactPath('card-name.png') });
    await page.keyboard.press('Escape');
    expect((await readCard(cdp)).text).toBe('');
  });

  it('closes when the pointer leaves the mark', async () => {
    await hover(page, 'about 12,000', 'were sent to Russia');
    expect((await waitForCard(cdp, 'deployed to Russia')).dialog).toBe(true);
    await page.mouse.move(5, 5);
    await page.waitForTimeout(500);
    expect((await readCard(cdp)).text).toBe('');
  });

  it('opens from the keyboard with Alt+Shift+C, focused and labelled, and Esc gives focus back', async () => {
    await page.mouse.move(5, 5);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('Alt+Shift+KeyC');
    const card = await waitForCard(cdp, 'This page');
    expect(card.dialog).toBe(true);
    const dialog = await focusedDialog(cdp);
    expect(dialog.name).toMatch(/^Crosscheck, “.+”:/);
    expect(dialog.focused).toBe(true);

    // The next press moves on to the next mark, still focused.
    await page.keyboard.press('Alt+Shift+KeyC');
    await page.waitForTimeout(200);
    const next = await focusedDialog(cdp);
    expect(next.focused).toBe(true);
    expect(next.name).not.toBe(dialog.name);

    await page.keyboard.press('Escape');
    expect((await readCard(cdp)).text).toBe('');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('body');
  });

  it('follows a dark colour scheme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.addStyleTag({
      content: 'body, article { background: #15191e !important; color: #dde3ea !important; }',
    });
    await hover(page, 'about 12,000', 'were sent to Russia');
    const card = await waitForCard(cdp, 'North Korean troops deployed to Russia');
    expect(card.dialog).toBe(true);
    await page.screenshot({ path: await artifactPath('card-dark.png') });
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
