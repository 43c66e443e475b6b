import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { useDocuments } from './documents';
import { extractArticle } from '../../lib/page/extract';
import { startMarking, type MarkingSession } from '../../lib/page/mark-page';
import {
  answerTabRequest,
  hostStateOf,
  listForPopup,
  popupMarkOf,
  prefersReducedMotion,
  scrollRangeIntoView,
} from '../../lib/page/popup-bridge';
import type { PopupListReply } from '../../lib/page/tab-messages';
import type { ScanReply } from '../../lib/store/messages';
import { fakeHighlightEnv } from './fake-highlights';

const SEED = readFileSync(new URL('../fixtures/pages/seed-nk-troops-kursk.html', import.meta.url), 'utf8');

const documents = useDocuments();
const load = (html: string, url = 'https://news.example.org/story'): Document => documents.load(html, url);

/** Marks the first occurrence of each name and figure (figures attributed as `unattributed`). */
function replyFor(text: string, names: string[], figures: string[]): ScanReply {
  return {
    status: 'marks',
    names: names.map((n) => {
      const start = text.indexOf(n);
      return { start, end: start + n.length, entity: n.toLowerCase().replace(/\s+/g, '-') };
    }),
    figures: figures.map((f, i) => {
      const start = text.indexOf(f);
      return {
        start,
        end: start + f.length,
        quantity: `q${i}`,
        value: { low: 1, high: 1 },
        qualifier: 'exact' as const,
        ...(i === 0 ? { attribution: { type: 'unattributed' as const, cue: '' } } : {}),
      };
    }),
  };
}

async function marked(doc: Document, names: string[], figures: string[]): Promise<MarkingSession> {
  const session = startMarking(doc, async (t) => replyFor(t, names, figures), {
    highlightEnv: fakeHighlightEnv(doc),
  });
  await session.done;
  return session;
}

function fakeCards() {
  return { open: vi.fn(async () => undefined), close: vi.fn() };
}

describe('popupMarkOf / listForPopup', () => {
  it('lists the painted marks in document order with their text, ids and attribution', async () => {
    const doc = load(SEED);
    const session = await marked(doc, ['Kim Jong Un', 'Kursk'], ['about 12,000', 'More than 5,000']);
    const reply = listForPopup(session, 'news.example.org');
    expect(reply.state).toBe('ready');
    expect(reply.host).toBe('news.example.org');
    expect(reply.counts).toEqual({ names: 2, figures: 2 });
    const text = extractArticle(doc).text;
    const order = ['Kim Jong Un', 'Kursk', 'about 12,000', 'More than 5,000'].sort(
      (a, b) => text.indexOf(a) - text.indexOf(b),
    );
    expect(reply.marks.map((m) => m.text)).toEqual(order);
    expect(reply.marks.map((m) => m.index)).toEqual([0, 1, 2, 3]);
    expect(reply.marks.find((m) => m.text === 'about 12,000')).toEqual({
      kind: 'figure',
      index: expect.any(Number),
      text: 'about 12,000',
      quantity: 'q0',
      attribution: 'unattributed',
    });
    expect(reply.marks.find((m) => m.text === 'More than 5,000')).not.toHaveProperty('attribution');
    expect(reply.marks.find((m) => m.text === 'Kursk')).toMatchObject({ kind: 'name', entity: 'kursk' });
  });

  it('collapses whitespace in a mark’s text', () => {
    const doc = load('<html><body><p>About\n   12,000 troops were sent.</p></body></html>');
    const text = doc.querySelector('p')!.firstChild!;
    const range = doc.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 'About\n   12,000'.length);
    const figure = {
      start: 0,
      end: 15,
      quantity: 'q',
      value: { low: 12000, high: 12000 },
      qualifier: 'about' as const,
    };
    expect(popupMarkOf({ kind: 'figure', range, start: 0, end: 15, figure }, 3)).toEqual({
      kind: 'figure',
      index: 3,
      text: 'About 12,000',
      quantity: 'q',
    });
  });

  it('lists nothing while scanning or off', async () => {
    const doc = load(SEED);
    let answer!: (reply: ScanReply) => void;
    const session = startMarking(doc, () => new Promise<ScanReply>((r) => (answer = r)), {
      highlightEnv: fakeHighlightEnv(doc),
    });
    expect(listForPopup(session, 'h')).toEqual({
      state: 'scanning',
      host: 'h',
      counts: { names: 0, figures: 0 },
      marks: [],
    });
    answer(replyFor(extractArticle(doc).text, ['Kursk'], []));
    await session.done;
    session.off();
    expect(listForPopup(session, 'h')).toMatchObject({ state: 'off', marks: [] });
  });

  it('reads the host state from data-state', () => {
    const doc = load('<html><body></body></html>');
    const el = doc.createElement('crosscheck-ui');
    expect(hostStateOf(el)).toBe('scanning');
    for (const state of ['ready', 'off', 'error'] as const) {
      el.setAttribute('data-state', state);
      expect(hostStateOf(el)).toBe(state);
    }
    el.setAttribute('data-state', 'bogus');
    expect(hostStateOf(el)).toBe('scanning');
  });
});

describe('scrollRangeIntoView', () => {
  function fakeWindow(top: number, height = 800) {
    return {
      innerHeight: height,
      scrollBy: vi.fn(),
      range: { getBoundingClientRect: () => ({ top, bottom: top + 20 }) } as unknown as Range,
    };
  }

  it('scrolls a mark below the viewport to a third of its height, smoothly', () => {
    const w = fakeWindow(2000);
    expect(scrollRangeIntoView(w as unknown as Window, w.range, false)).toBe(true);
    expect(w.scrollBy).toHaveBeenCalledWith({ top: 2000 - 800 / 3, behavior: 'smooth' });
  });

  it('jumps without animation when reduced motion is preferred', () => {
    const w = fakeWindow(-500);
    scrollRangeIntoView(w as unknown as Window, w.range, true);
    expect(w.scrollBy).toHaveBeenCalledWith({ top: -500 - 800 / 3, behavior: 'instant' });
  });

  it('leaves a mark well inside the viewport where it is', () => {
    const w = fakeWindow(300);
    expect(scrollRangeIntoView(w as unknown as Window, w.range, false)).toBe(false);
    expect(w.scrollBy).not.toHaveBeenCalled();
  });

  it('reads prefers-reduced-motion from the window', () => {
    const matchMedia = (query: string) => ({ matches: query === '(prefers-reduced-motion: reduce)' });
    expect(prefersReducedMotion({ matchMedia } as unknown as Window)).toBe(true);
    expect(prefersReducedMotion({ matchMedia: () => ({ matches: false }) } as unknown as Window)).toBe(false);
    expect(prefersReducedMotion(null)).toBe(false);
  });
});

describe('answerTabRequest', () => {
  it('popupList answers with the list and the page’s host', async () => {
    const doc = load(SEED);
    const session = await marked(doc, ['Kursk'], ['about 12,000']);
    const reply = (await answerTabRequest(
      { doc, session, cards: fakeCards() },
      { type: 'popupList' },
    )) as PopupListReply;
    expect(reply.host).toBe('news.example.org');
    expect(reply.marks).toHaveLength(2);
  });

  it('jumpTo scrolls to the mark and opens its card with focus', async () => {
    const doc = load(SEED);
    const session = await marked(doc, ['Kursk'], ['about 12,000']);
    const cards = fakeCards();
    const win = doc.defaultView!;
    const scrollBy = vi.spyOn(win, 'scrollBy').mockImplementation(() => undefined);
    const index = session.highlights()!.marks.findIndex((m) => m.kind === 'figure');
    const target = session.highlights()!.marks[index]!;
    vi.spyOn(target.range, 'getBoundingClientRect').mockReturnValue({ top: 5000, bottom: 5020 } as DOMRect);
    expect(await answerTabRequest({ doc, session, cards }, { type: 'jumpTo', index })).toEqual({ ok: true });
    expect(scrollBy).toHaveBeenCalledTimes(1);
    expect(cards.open).toHaveBeenCalledWith(target, { focus: true });
  });

  it('jumpTo an index past the marks does nothing', async () => {
    const doc = load(SEED);
    const session = await marked(doc, ['Kursk'], []);
    const cards = fakeCards();
    expect(await answerTabRequest({ doc, session, cards }, { type: 'jumpTo', index: 5 })).toEqual({
      ok: false,
    });
    expect(cards.open).not.toHaveBeenCalled();
  });

  it('siteOff clears the page and closes the card; rescan marks it again', async () => {
    const doc = load(SEED);
    const session = await marked(doc, ['Kursk'], ['about 12,000']);
    const cards = fakeCards();
    const deps = { doc, session, cards };
    expect(await answerTabRequest(deps, { type: 'siteOff', host: 'news.example.org' })).toEqual({ ok: true });
    expect(cards.close).toHaveBeenCalledWith(false);
    expect(session.host.element.getAttribute('data-state')).toBe('off');
    expect(session.highlights()).toBeNull();
    expect(await answerTabRequest(deps, { type: 'rescan', host: 'news.example.org' })).toEqual({ ok: true });
    await session.done;
    expect(session.host.element.getAttribute('data-state')).toBe('ready');
    expect(session.highlights()?.marks).toHaveLength(2);
  });

  it('siteOff and rescan for another host do nothing', async () => {
    const doc = load(SEED);
    const session = await marked(doc, ['Kursk'], []);
    const cards = fakeCards();
    const deps = { doc, session, cards };
    expect(await answerTabRequest(deps, { type: 'siteOff', host: 'other.example.org' })).toEqual({
      ok: false,
    });
    expect(await answerTabRequest(deps, { type: 'rescan', host: 'example.org' })).toEqual({ ok: false });
    expect(session.host.element.getAttribute('data-state')).toBe('ready');
    expect(cards.close).not.toHaveBeenCalled();
  });
});
