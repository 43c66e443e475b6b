/**
 * Paints marks with the CSS Custom Highlight API (DESIGN §7): two named highlights and their
 * `::highlight()` styles in a constructed stylesheet adopted by the document, so the page's DOM is
 * not touched. Standard DOM only.
 */
import { createMarkIndex, type Mark, type MarkIndex, type MarkKind } from './mark-index';

/** The highlight names registered in `CSS.highlights` (one per mark kind). */
export const HIGHLIGHT_NAMES: Readonly<Record<MarkKind, string>> = {
  name: 'crosscheck-name',
  figure: 'crosscheck-figure',
};

/**
 * Names get a dotted underline, figures a solid one, in a mid-tone grey that stays visible and
 * subtle on light and dark pages alike. Not `currentColor`: Chromium keeps a highlight's resolved
 * colour when the page's colours change later (a dark-mode toggle left the marks dark on dark).
 * Decoration properties only, so nothing on the page moves.
 */
export const HIGHLIGHT_CSS = `::highlight(crosscheck-name) {
  text-decoration-line: underline;
  text-decoration-style: dotted;
  text-decoration-thickness: 2px;
  text-decoration-color: rgb(136 142 152 / 0.95);
}
::highlight(crosscheck-figure) {
  text-decoration-line: underline;
  text-decoration-style: solid;
  text-decoration-thickness: 2px;
  text-decoration-color: rgb(136 142 152 / 0.95);
}
`;

/** The part of a `Highlight` this module uses. */
export interface HighlightLike {
  add(range: Range): unknown;
  priority: number;
  readonly size: number;
}

/** The browser features painting needs; {@link highlightEnvOf} reads them from a window. */
export interface HighlightEnv {
  registry: {
    set(name: string, highlight: HighlightLike): unknown;
    get(name: string): unknown;
    delete(name: string): boolean;
  };
  createHighlight(): HighlightLike;
  /** A constructed stylesheet holding `css`. */
  createSheet(css: string): CSSStyleSheet;
}

/**
 * The Highlight API of `doc`'s window, or `null` when the browser lacks it (no `CSS.highlights`,
 * `Highlight` or constructable stylesheets).
 */
export function highlightEnvOf(doc: Document): HighlightEnv | null {
  const win = doc.defaultView as
    | (Window & {
        CSS?: { highlights?: HighlightRegistry };
        Highlight?: typeof Highlight;
        CSSStyleSheet?: typeof CSSStyleSheet;
      })
    | null;
  const registry = win?.CSS?.highlights;
  const HighlightCtor = win?.Highlight;
  const SheetCtor = win?.CSSStyleSheet;
  if (!registry || typeof HighlightCtor !== 'function' || typeof SheetCtor !== 'function') return null;
  if (!('adoptedStyleSheets' in doc)) return null;
  return {
    registry: registry as unknown as HighlightEnv['registry'],
    createHighlight: () => new HighlightCtor(),
    createSheet: (css) => {
      const sheet = new SheetCtor();
      sheet.replaceSync(css);
      return sheet;
    },
  };
}

/** Marks painted in a document. */
export interface PaintedHighlights<M extends Mark> extends MarkIndex<M> {
  /** How many marks of each kind are painted. */
  readonly counts: Readonly<Record<MarkKind, number>>;
  /** Removes both highlights and the stylesheet (only if they are still this painter's). Idempotent. */
  destroy(): void;
}

/**
 * Registers one highlight per kind holding `marks`' ranges (in document order; figures drawn above
 * names) and adopts the stylesheet into `doc`. Throws when `env` is `null` (no Highlight API).
 */
export function paintHighlights<M extends Mark>(
  doc: Document,
  marks: Iterable<M>,
  env: HighlightEnv | null = highlightEnvOf(doc),
): PaintedHighlights<M> {
  if (env === null) throw new Error('the CSS Custom Highlight API is not available');
  const index = createMarkIndex(marks);
  const highlights: Record<MarkKind, HighlightLike> = {
    name: env.createHighlight(),
    figure: env.createHighlight(),
  };
  highlights.figure.priority = 1;
  for (const mark of index.marks) highlights[mark.kind].add(mark.range);

  const sheet = env.createSheet(HIGHLIGHT_CSS);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  for (const kind of ['name', 'figure'] as const) env.registry.set(HIGHLIGHT_NAMES[kind], highlights[kind]);

  let destroyed = false;
  return {
    marks: index.marks,
    markAt: index.markAt,
    counts: { name: highlights.name.size, figure: highlights.figure.size },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      for (const kind of ['name', 'figure'] as const) {
        // A newer content script may have registered its own under the same name: leave it.
        if (env.registry.get(HIGHLIGHT_NAMES[kind]) === highlights[kind])
          env.registry.delete(HIGHLIGHT_NAMES[kind]);
      }
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    },
  };
}
