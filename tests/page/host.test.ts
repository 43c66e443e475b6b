import { afterEach, describe, expect, it } from 'vitest';
import { loadHtml, type LoadedDocument } from '../../cli/dom';
import { createHost, HOST_TAG } from '../../lib/page/host';

const open: LoadedDocument[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.close()));
});

function load(): Document {
  const loaded = loadHtml('<html><body><article><p>Text.</p></article></body></html>');
  open.push(loaded);
  return loaded.document;
}

/** Child-list mutations of `doc` while `fn` runs, as added/removed node names. */
async function mutationsDuring(doc: Document, fn: () => void): Promise<string[]> {
  const Observer = (doc.defaultView as unknown as { MutationObserver: typeof MutationObserver })
    .MutationObserver;
  const seen: string[] = [];
  const observer = new Observer((records) => {
    for (const r of records) {
      if (r.type !== 'childList') continue;
      r.addedNodes.forEach((n) => seen.push(`+${n.nodeName.toLowerCase()}`));
      r.removedNodes.forEach((n) => seen.push(`-${n.nodeName.toLowerCase()}`));
    }
  });
  observer.observe(doc, { childList: true, subtree: true });
  fn();
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  return seen;
}

describe('createHost', () => {
  it('appends one <crosscheck-ui> to the document element, scanning with zero counts', async () => {
    const doc = load();
    let host!: ReturnType<typeof createHost>;
    const mutations = await mutationsDuring(doc, () => {
      host = createHost(doc);
    });
    expect(mutations).toEqual(['+crosscheck-ui']);
    expect(HOST_TAG).toBe('crosscheck-ui');
    expect(host.element.parentNode).toBe(doc.documentElement);
    expect(doc.querySelectorAll('crosscheck-ui')).toHaveLength(1);
    expect(host.element.getAttribute('data-state')).toBe('scanning');
    expect(host.element.getAttribute('data-names')).toBe('0');
    expect(host.element.getAttribute('data-figures')).toBe('0');
  });

  it('keeps its shadow root closed to the page', () => {
    const host = createHost(load());
    expect(host.element.shadowRoot).toBeNull();
    expect(host.shadow.host).toBe(host.element);
    expect(host.shadow.mode).toBe('closed');
  });

  it('styles itself out of the layout from inside the shadow root', () => {
    const host = createHost(load());
    expect(host.element.getAttribute('style')).toBeNull();
    const css = Array.from(host.shadow.adoptedStyleSheets.flatMap((s) => Array.from(s.cssRules)))
      .map((r) => r.cssText)
      .join('\n');
    expect(css).toMatch(/:host/);
    expect(css).toMatch(/position: fixed !important/);
  });

  it('updates state and counts; a state without counts keeps them', () => {
    const host = createHost(load());
    host.setState('ready', { names: 25, figures: 9 });
    expect(host.element.dataset).toMatchObject({ state: 'ready', names: '25', figures: '9' });
    host.setState('error');
    expect(host.element.dataset).toMatchObject({ state: 'error', names: '25', figures: '9' });
    host.setState('off');
    expect(host.element.getAttribute('data-state')).toBe('off');
  });

  it('destroy() removes the element, is idempotent, and later updates are ignored', async () => {
    const doc = load();
    const host = createHost(doc);
    const mutations = await mutationsDuring(doc, () => {
      host.destroy();
      host.destroy();
      host.setState('ready', { names: 1, figures: 1 });
    });
    expect(mutations).toEqual(['-crosscheck-ui']);
    expect(doc.querySelector('crosscheck-ui')).toBeNull();
    expect(host.element.getAttribute('data-state')).toBe('scanning');
  });
});
