import { describe, expect, it } from 'vitest';
import { useDocuments } from './documents';
import { HIGHLIGHT_CSS, HIGHLIGHT_NAMES, highlightEnvOf, paintHighlights } from '../../lib/page/highlights';
import type { Mark, MarkKind } from '../../lib/page/mark-index';
import { FakeHighlight, fakeHighlightEnv as fakeEnv } from './fake-highlights';

const { load } = useDocuments();

function marksIn(doc: Document): Mark[] {
  const node = doc.querySelector('p')!.firstChild as Text;
  const at = (kind: MarkKind, start: number, end: number): Mark => {
    const range = doc.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    return { kind, range, start, end };
  };
  // "About 12,000 North Korean troops went to Kursk, 500 died."
  return [at('name', 41, 46), at('figure', 0, 12), at('figure', 48, 51)];
}

const PAGE = '<html><body><p>About 12,000 North Korean troops went to Kursk, 500 died.</p></body></html>';

describe('paintHighlights', () => {
  it('registers one highlight per kind with the ranges in document order, figures on top', () => {
    const doc = load(PAGE);
    const env = fakeEnv(doc);
    const painted = paintHighlights(doc, marksIn(doc), env);
    const figure = env.registry.get(HIGHLIGHT_NAMES.figure)!;
    const name = env.registry.get(HIGHLIGHT_NAMES.name)!;
    expect(HIGHLIGHT_NAMES).toEqual({ name: 'crosscheck-name', figure: 'crosscheck-figure' });
    expect(figure.ranges.map((r) => r.toString())).toEqual(['About 12,000', '500']);
    expect(name.ranges.map((r) => r.toString())).toEqual(['Kursk']);
    expect(figure.priority).toBeGreaterThan(name.priority);
    expect(painted.counts).toEqual({ name: 1, figure: 2 });
    expect(painted.marks.map((m) => m.start)).toEqual([0, 41, 48]);
  });

  it('adopts one constructed stylesheet with both ::highlight rules and adds no element', () => {
    const doc = load(PAGE);
    const before = doc.querySelectorAll('*').length;
    const existing = new (
      doc.defaultView as unknown as { CSSStyleSheet: typeof CSSStyleSheet }
    ).CSSStyleSheet();
    doc.adoptedStyleSheets = [existing];
    const env = fakeEnv(doc);
    const sheets = new Map<CSSStyleSheet, string>();
    const createSheet = env.createSheet;
    env.createSheet = (css) => {
      const sheet = createSheet(css);
      sheets.set(sheet, css);
      return sheet;
    };
    paintHighlights(doc, marksIn(doc), env);
    expect(doc.adoptedStyleSheets).toHaveLength(2);
    expect(doc.adoptedStyleSheets[0]).toBe(existing);
    expect(sheets.get(doc.adoptedStyleSheets[1]!)).toBe(HIGHLIGHT_CSS);
    expect(HIGHLIGHT_CSS).toMatch(/::highlight\(crosscheck-name\)[^}]*dotted/);
    expect(HIGHLIGHT_CSS).toMatch(/::highlight\(crosscheck-figure\)[^}]*solid/);
    expect(doc.querySelectorAll('*').length).toBe(before);
  });

  it('hit-tests the painted marks', () => {
    const doc = load(PAGE);
    const painted = paintHighlights(doc, marksIn(doc), fakeEnv(doc));
    const node = doc.querySelector('p')!.firstChild!;
    expect(painted.markAt(node, 3)?.kind).toBe('figure');
    expect(painted.markAt(node, 43)?.kind).toBe('name');
    expect(painted.markAt(node, 20)).toBeNull();
  });

  it('destroy() removes both highlights and the sheet, keeps the page’s sheets, and is idempotent', () => {
    const doc = load(PAGE);
    const env = fakeEnv(doc);
    const existing = new (
      doc.defaultView as unknown as { CSSStyleSheet: typeof CSSStyleSheet }
    ).CSSStyleSheet();
    doc.adoptedStyleSheets = [existing];
    const painted = paintHighlights(doc, marksIn(doc), env);
    painted.destroy();
    painted.destroy();
    expect(env.registry.size).toBe(0);
    expect(doc.adoptedStyleSheets).toEqual([existing]);
  });

  it('destroy() leaves highlights a newer painter registered under the same names', () => {
    const doc = load(PAGE);
    const env = fakeEnv(doc);
    const old = paintHighlights(doc, marksIn(doc), env);
    const newer = paintHighlights(doc, marksIn(doc), env);
    const current = env.registry.get(HIGHLIGHT_NAMES.figure);
    old.destroy();
    expect(env.registry.get(HIGHLIGHT_NAMES.figure)).toBe(current);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    newer.destroy();
    expect(env.registry.size).toBe(0);
    expect(doc.adoptedStyleSheets).toHaveLength(0);
  });

  it('throws without the Highlight API (happy-dom has none)', () => {
    const doc = load(PAGE);
    expect(highlightEnvOf(doc)).toBeNull();
    expect(() => paintHighlights(doc, marksIn(doc))).toThrow(/Highlight API/);
  });

  it('reads the API from the window when present', () => {
    const doc = load(PAGE);
    const win = doc.defaultView as unknown as Record<string, unknown>;
    const registry = new Map();
    Object.defineProperty(win, 'CSS', { value: { highlights: registry }, configurable: true });
    win.Highlight = FakeHighlight;
    const env = highlightEnvOf(doc);
    expect(env).not.toBeNull();
    paintHighlights(doc, marksIn(doc), env);
    expect([...registry.keys()].sort()).toEqual(['crosscheck-figure', 'crosscheck-name']);
  });
});
