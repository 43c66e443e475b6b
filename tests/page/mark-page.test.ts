import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { useDocuments } from './documents';
import { extractArticle } from '../../lib/page/extract';
import { HIGHLIGHT_NAMES } from '../../lib/page/highlights';
import { startMarking } from '../../lib/page/mark-page';
import type { ScanReply } from '../../lib/store/messages';
import { fakeHighlightEnv } from './fake-highlights';

const { load } = useDocuments();

const SEED = readFileSync(new URL('../fixtures/pages/seed-nk-troops-kursk.html', import.meta.url), 'utf8');

/** A reply marking every occurrence of each name, and the first occurrence of each figure. */
function replyFor(text: string, names: string[], figures: string[]): ScanReply {
  const all = (needle: string) => {
    const out: number[] = [];
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push(at);
    return out;
  };
  return {
    status: 'marks',
    names: names.flatMap((n) =>
      all(n).map((start) => ({ start, end: start + n.length, entity: n.toLowerCase() })),
    ),
    figures: figures.map((f) => {
      const start = text.indexOf(f);
      return { start, end: start + f.length, quantity: 'q', value: { low: 1, high: 1 }, qualifier: 'exact' };
    }),
  };
}

function host(doc: Document): Element {
  return doc.querySelector('crosscheck-ui')!;
}

describe('startMarking', () => {
  it('is scanning at once, then ready with the painted counts; sends the article text', async () => {
    const doc = load(SEED);
    const env = fakeHighlightEnv(doc);
    const text = extractArticle(doc).text;
    const scan = vi.fn(async (t: string) =>
      replyFor(t, ['Kursk', 'Kim Jong Un'], ['about 12,000', 'More than 5,000']),
    );
    const session = startMarking(doc, scan, { highlightEnv: env });
    expect(host(doc).getAttribute('data-state')).toBe('scanning');
    await session.done;
    expect(scan).toHaveBeenCalledWith(text);
    const kursk = text.split('Kursk').length - 1;
    expect(host(doc).getAttribute('data-state')).toBe('ready');
    expect(host(doc).getAttribute('data-names')).toBe(String(kursk + 2));
    expect(host(doc).getAttribute('data-figures')).toBe('2');
    expect(env.registry.get(HIGHLIGHT_NAMES.figure)!.ranges.map((r) => r.toString())).toEqual([
      'about 12,000',
      'More than 5,000',
    ]);
    expect(session.highlights()?.marks).toHaveLength(kursk + 4);
    expect(doc.querySelectorAll('crosscheck-ui')).toHaveLength(1);
  });

  it('counts only the marks it could paint', async () => {
    const doc = load(SEED);
    const reply = replyFor(extractArticle(doc).text, ['Kursk'], []);
    if (reply.status !== 'marks') throw new Error('unreachable');
    reply.names.push({ start: 5, end: 1_000_000, entity: 'stale' });
    const session = startMarking(doc, async () => reply, { highlightEnv: fakeHighlightEnv(doc) });
    await session.done;
    expect(host(doc).getAttribute('data-names')).toBe(String(reply.names.length - 1));
  });

  it('does not send an empty article, and is ready with 0/0', async () => {
    const doc = load(
      '<html><body><article data-crosscheck="off"><p>About 12,000 troops.</p></article></body></html>',
    );
    const scan = vi.fn(async (): Promise<ScanReply> => ({ status: 'marks', names: [], figures: [] }));
    await startMarking(doc, scan, { highlightEnv: fakeHighlightEnv(doc) }).done;
    expect(scan).not.toHaveBeenCalled();
    expect(host(doc).getAttribute('data-state')).toBe('ready');
    expect(host(doc).getAttribute('data-names')).toBe('0');
    expect(host(doc).getAttribute('data-figures')).toBe('0');
  });

  it('is off, painting nothing, when the background says the site is off', async () => {
    const doc = load(SEED);
    const env = fakeHighlightEnv(doc);
    const session = startMarking(doc, async () => ({ status: 'off' }), { highlightEnv: env });
    await session.done;
    expect(host(doc).getAttribute('data-state')).toBe('off');
    expect(env.registry.size).toBe(0);
    expect(session.highlights()).toBeNull();
  });

  it('is error when the scan fails, and reports the failure', async () => {
    const doc = load(SEED);
    const onError = vi.fn();
    const failure = new Error('Extension context invalidated.');
    await startMarking(doc, async () => Promise.reject(failure), {
      highlightEnv: fakeHighlightEnv(doc),
      onError,
    }).done;
    expect(host(doc).getAttribute('data-state')).toBe('error');
    expect(onError).toHaveBeenCalledWith(failure);
  });

  it('is error without the Highlight API (no fallback yet)', async () => {
    const doc = load(SEED);
    const session = startMarking(doc, async (t) => replyFor(t, ['Kursk'], []), { highlightEnv: null });
    await session.done;
    expect(host(doc).getAttribute('data-state')).toBe('error');
  });

  it('destroy() while the scan is out: nothing is painted and the host is gone', async () => {
    const doc = load(SEED);
    const env = fakeHighlightEnv(doc);
    let answer!: (reply: ScanReply) => void;
    const session = startMarking(doc, () => new Promise<ScanReply>((resolve) => (answer = resolve)), {
      highlightEnv: env,
    });
    session.destroy();
    answer(replyFor(extractArticle(doc).text, ['Kursk'], []));
    await session.done;
    expect(doc.querySelector('crosscheck-ui')).toBeNull();
    expect(env.registry.size).toBe(0);
    expect(doc.adoptedStyleSheets).toHaveLength(0);
  });

  it('destroy() after painting removes the highlights, their sheet and the host', async () => {
    const doc = load(SEED);
    const env = fakeHighlightEnv(doc);
    const session = startMarking(doc, async (t) => replyFor(t, ['Kursk'], ['about 2,000']), {
      highlightEnv: env,
    });
    await session.done;
    expect(env.registry.size).toBe(2);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    session.destroy();
    expect(env.registry.size).toBe(0);
    expect(doc.adoptedStyleSheets).toHaveLength(0);
    expect(doc.querySelector('crosscheck-ui')).toBeNull();
    expect(session.highlights()).toBeNull();
  });

  it('off() clears the highlights and sets off with 0/0 on the same host', async () => {
    const doc = load(SEED);
    const env = fakeHighlightEnv(doc);
    const session = startMarking(doc, async (t) => replyFor(t, ['Kursk'], ['about 12,000']), {
      highlightEnv: env,
    });
    await session.done;
    const element = host(doc);
    session.off();
    expect(host(doc)).toBe(element);
    expect(element.getAttribute('data-state')).toBe('off');
    expect(element.getAttribute('data-names')).toBe('0');
    expect(element.getAttribute('data-figures')).toBe('0');
    expect(env.registry.size).toBe(0);
    expect(doc.adoptedStyleSheets).toHaveLength(0);
    expect(session.highlights()).toBeNull();
  });

  it('off() while the scan is out: the late reply paints nothing', async () => {
    const doc = load(SEED);
    const env = fakeHighlightEnv(doc);
    let answer!: (reply: ScanReply) => void;
    const session = startMarking(doc, () => new Promise<ScanReply>((resolve) => (answer = resolve)), {
      highlightEnv: env,
    });
    session.off();
    answer(replyFor(extractArticle(doc).text, ['Kursk'], []));
    await session.done;
    expect(host(doc).getAttribute('data-state')).toBe('off');
    expect(env.registry.size).toBe(0);
  });

  it('rescan() scans again on the same host: scanning, then ready with the new marks', async () => {
    const doc = load(SEED);
    const env = fakeHighlightEnv(doc);
    let names = ['Kursk'];
    const scan = vi.fn(async (t: string) => replyFor(t, names, []));
    const session = startMarking(doc, scan, { highlightEnv: env });
    await session.done;
    session.off();
    names = ['Kim Jong Un'];
    const again = session.rescan();
    expect(host(doc).getAttribute('data-state')).toBe('scanning');
    expect(session.done).toBe(again);
    await again;
    expect(scan).toHaveBeenCalledTimes(2);
    expect(doc.querySelectorAll('crosscheck-ui')).toHaveLength(1);
    expect(host(doc).getAttribute('data-state')).toBe('ready');
    expect(env.registry.get(HIGHLIGHT_NAMES.name)!.ranges.map((r) => r.toString())).toEqual(
      Array(session.highlights()!.counts.name).fill('Kim Jong Un'),
    );
    expect(doc.adoptedStyleSheets).toHaveLength(1);
  });

  it('rescan() abandons a pass still running: only the latest reply paints', async () => {
    const doc = load(SEED);
    const env = fakeHighlightEnv(doc);
    const answers: ((reply: ScanReply) => void)[] = [];
    const session = startMarking(doc, () => new Promise<ScanReply>((resolve) => answers.push(resolve)), {
      highlightEnv: env,
    });
    const first = session.done;
    const second = session.rescan();
    const text = extractArticle(doc).text;
    answers[1]!(replyFor(text, ['Kim Jong Un'], []));
    await second;
    answers[0]!(replyFor(text, ['Kursk'], []));
    await first;
    expect(env.registry.get(HIGHLIGHT_NAMES.name)!.ranges.every((r) => r.toString() === 'Kim Jong Un')).toBe(
      true,
    );
    expect(doc.adoptedStyleSheets).toHaveLength(1);
  });
});
